#include <algorithm>
#include <map>

#include "chimera/analyze/findings.hpp"

namespace chimera::analyze {
namespace {

std::string located(const model::Diagnostic& d) {
  std::string where = d.path;
  if (d.line) {
    where += ":" + std::to_string(*d.line);
  }
  return where.empty() ? d.message : where + ": " + d.message;
}

model::Evidence diagnostic_evidence(const model::Diagnostic& d) {
  return model::evidence_at(d.path, d.line ? ":" + std::to_string(*d.line) : std::string(),
                            d.message);
}

void duplicates(const model::Corpus& corpus, std::vector<model::Finding>& out) {
  std::map<std::string, std::vector<std::string>> by_hash;  // files are in path order
  for (const auto& file : corpus.files) {
    if (!file.content_hash.empty()) {
      by_hash[file.content_hash].push_back(file.path);
    }
  }
  std::vector<std::vector<std::string>> sets;
  for (auto& [hash, paths] : by_hash) {
    if (paths.size() > 1) {
      sets.push_back(paths);
    }
  }
  std::sort(sets.begin(), sets.end());
  for (const auto& paths : sets) {
    model::Finding f;
    f.id = "duplicate-file";
    f.severity = model::Severity::warning;
    const std::size_t copies = paths.size() - 1;
    f.count = copies;
    f.message = paths[1] + (copies > 1 ? " and " + std::to_string(copies - 1) + " more" : "") +
                (copies > 1 ? " duplicate " : " duplicates ") + paths[0] + " byte for byte; only " +
                paths[0] + " is counted in cross-file statistics; delete the copies";
    std::vector<model::Evidence> items;
    for (const auto& path : paths) {
      items.push_back(model::evidence_at(path, ""));
    }
    set_evidence(f, std::move(items));
    out.push_back(std::move(f));
  }
}

void diagnostics(const model::Corpus& corpus, std::vector<model::Finding>& out) {
  std::map<std::string, std::vector<const model::Diagnostic*>> errors;
  std::map<std::string, std::vector<const model::Diagnostic*>> warnings;
  for (const auto& d : corpus.diagnostics) {
    if (d.path.empty()) {
      continue;
    }
    if (d.severity == model::Severity::error) {
      errors[d.path].push_back(&d);
    } else if (d.severity == model::Severity::warning) {
      warnings[d.path].push_back(&d);
    }
  }
  for (const auto& [path, list] : errors) {
    model::Finding f;
    f.id = "malformed-file";
    f.count = 1;
    f.severity = model::Severity::error;
    // The parser's diagnostic usually says how to fix the file already; say it only once.
    const std::string where = located(*list.front());
    f.message = where.find("fix ") == std::string::npos
                    ? where + "; fix or remove the file, its data is not analysed"
                    : where + "; its data is not analysed";
    std::vector<model::Evidence> items;
    for (const auto* d : list) {
      items.push_back(diagnostic_evidence(*d));
    }
    set_evidence(f, std::move(items));
    out.push_back(std::move(f));
  }
  for (const auto& file : corpus.files) {
    if (!file.skipped || errors.count(file.path) != 0) {
      continue;
    }
    model::Finding f;
    const bool data_kind = file.kind != model::FileKind::other;
    f.id = data_kind ? "unreadable-file" : "skipped-file";
    f.count = 1;
    f.severity = data_kind ? model::Severity::warning : model::Severity::info;
    const std::string reason = file.skip_reason.empty() ? "no reason given" : file.skip_reason;
    f.message = file.path + " was not analysed (" + reason + ")" +
                (data_kind ? "; make it readable or remove it" : "");
    std::vector<model::Evidence> items{model::evidence_at(file.path, "", reason)};
    // The warnings that announce the skip belong to this finding, not to an input-warning.
    if (const auto it = warnings.find(file.path); it != warnings.end()) {
      for (const auto* d : it->second) {
        items.push_back(diagnostic_evidence(*d));
      }
      warnings.erase(it);
    }
    set_evidence(f, std::move(items));
    out.push_back(std::move(f));
  }
  for (const auto& [path, list] : warnings) {
    model::Finding f;
    f.id = "input-warning";
    f.count = list.size();
    f.severity = model::Severity::warning;
    f.message = path + ": " + std::to_string(list.size()) + " problem" +
                (list.size() > 1 ? "s" : "") + " while reading, first: " + list.front()->message +
                "; check the listed rows";
    std::vector<model::Evidence> items;
    for (const auto* d : list) {
      items.push_back(diagnostic_evidence(*d));
    }
    set_evidence(f, std::move(items));
    out.push_back(std::move(f));
  }
}

}  // namespace

std::vector<model::Finding> file_findings(const model::Corpus& corpus) {
  std::vector<model::Finding> out;
  duplicates(corpus, out);
  diagnostics(corpus, out);
  return out;
}

}  // namespace chimera::analyze
