#include "chimera/analyze/findings.hpp"

#include <algorithm>
#include <array>

#include "chimera/util/parallel.hpp"

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
  // The families read the corpus independently; each writes its own list, joined in order.
  using Family = std::vector<model::Finding> (*)(const FindingsInput&);
  static constexpr std::array<Family, 4> k_families{
      [](const FindingsInput& i) { return file_findings(i.corpus); }, &run_findings,
      &value_findings, &coverage_findings};
  std::array<std::vector<model::Finding>, k_families.size()> found;
  util::parallel_for(k_families.size(), in.jobs,
                     [&](std::size_t f) { found[f] = k_families[f](in); });
  std::vector<model::Finding> out;
  for (auto& list : found) {
    for (auto& f : list) {
      out.push_back(std::move(f));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.severity > b.severity; });
  return out;
}

}  // namespace chimera::analyze
