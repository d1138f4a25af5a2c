#include "chimera/analyze/findings.hpp"

#include <algorithm>

namespace chimera::analyze {

std::vector<std::string> capped(std::vector<std::string> evidence) {
  if (evidence.size() > k_max_evidence) {
    const std::size_t more = evidence.size() - k_max_evidence;
    evidence.resize(k_max_evidence);
    evidence.push_back("... and " + std::to_string(more) + " more");
  }
  return evidence;
}

std::vector<model::Finding> find_all(const model::Corpus& corpus, const RowIndex& index,
                                     const std::vector<model::GroupStats>& groups,
                                     const std::string& primary) {
  auto out = file_findings(corpus);
  for (auto& f : run_findings(corpus, index, groups, primary)) {
    out.push_back(std::move(f));
  }
  for (auto& f : value_findings(corpus, index)) {
    out.push_back(std::move(f));
  }
  for (auto& f : coverage_findings(corpus, index, groups)) {
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.severity > b.severity; });
  return out;
}

}  // namespace chimera::analyze
