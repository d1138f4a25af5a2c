#include "chimera/analyze/findings.hpp"

#include <algorithm>
#include <array>

#include "chimera/util/parallel.hpp"

namespace chimera::analyze {

void set_evidence(model::Finding& finding, std::vector<model::Evidence> items, std::size_t total) {
  finding.evidence_total = std::max(total, items.size());
  if (items.size() > k_max_evidence) {
    items.resize(k_max_evidence);
  }
  finding.evidence = std::move(items);
}

model::Evidence row_evidence(const model::Table& table, std::size_t row, const std::string& what) {
  const std::string where = table.row_location(row);
  const std::string source = table.source.str();
  return model::evidence_at(source, where.substr(std::min(source.size(), where.size())), what);
}

std::vector<model::Finding> find_all(const FindingsInput& in) {
  // The families read the corpus independently; each writes its own list, joined in order.
  using Family = std::vector<model::Finding> (*)(const FindingsInput&);
  static constexpr std::array<Family, 6> k_families{
      [](const FindingsInput& i) { return file_findings(i.corpus); },
      [](const FindingsInput& i) { return near_duplicate_findings(i.corpus); },
      &impossible_findings,
      &run_findings,
      &value_findings,
      &coverage_findings};
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
