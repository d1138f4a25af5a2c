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

std::vector<std::string> with_more(std::vector<std::string> first, std::size_t total) {
  if (first.size() > k_max_evidence) {
    return capped(std::move(first));
  }
  if (total > first.size()) {
    first.push_back("... and " + std::to_string(total - first.size()) + " more");
  }
  return first;
}

std::vector<model::Finding> find_all(const FindingsInput& in) {
  auto out = file_findings(in.corpus);
  for (auto* family : {&run_findings, &value_findings, &coverage_findings}) {
    for (auto& f : (*family)(in)) {
      out.push_back(std::move(f));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.severity > b.severity; });
  return out;
}

}  // namespace chimera::analyze
