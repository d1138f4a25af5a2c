#include <algorithm>
#include <map>
#include <set>

#include "chimera/analyze/findings.hpp"

namespace chimera::analyze {

std::vector<model::Finding> near_duplicate_findings(const model::Corpus& corpus) {
  // Masked hash -> its files, in path order; byte copies are duplicate-file's, not these.
  std::map<std::string, std::vector<const model::FileEntry*>> by_masked;
  for (const auto& file : corpus.files) {
    if (!file.masked_hash.empty() && !file.content_hash.empty()) {
      by_masked[file.masked_hash].push_back(&file);
    }
  }
  std::vector<std::vector<const model::FileEntry*>> sets;
  for (auto& [hash, files] : by_masked) {
    // One file per content: byte copies among them are listed by duplicate-file.
    std::set<std::string> contents;
    std::vector<const model::FileEntry*> distinct;
    for (const auto* f : files) {
      if (contents.insert(f->content_hash).second) {
        distinct.push_back(f);
      }
    }
    if (distinct.size() > 1) {
      sets.push_back(std::move(distinct));
    }
  }
  std::sort(sets.begin(), sets.end(),
            [](const auto& a, const auto& b) { return a.front()->path < b.front()->path; });
  std::vector<model::Finding> out;
  for (const auto& files : sets) {
    const auto& first = files.front()->path;
    model::Finding f;
    f.id = "near-duplicate-file";
    f.severity = model::Severity::warning;
    f.count = files.size() - 1;
    const std::string others =
        files[1]->path +
        (files.size() > 2 ? " and " + std::to_string(files.size() - 2) + " more" : "");
    f.message = others + (files.size() > 2 ? " equal " : " equals ") + first +
                " but for timestamps, dates and ids (a copy regenerated, not a new run); only " +
                first + " is counted, delete the copies or re-run them";
    std::vector<model::Evidence> items;
    for (const auto* file : files) {
      items.push_back(model::evidence_at(
          file->path, "", file == files.front() ? std::string("counted") : "same as " + first));
    }
    set_evidence(f, std::move(items));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace chimera::analyze
