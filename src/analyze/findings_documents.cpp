#include <fmt/format.h>

#include "chimera/analyze/claims.hpp"
#include "chimera/analyze/findings.hpp"
#include "chimera/util/number.hpp"

namespace chimera::analyze {

std::vector<model::Finding> drift_findings(const model::Claims& claims) {
  std::vector<model::Finding> out;
  for (const auto& doc : claims.documents) {
    if (doc.contradicted == 0) {
      continue;
    }
    model::Finding f;
    f.id = "document-drift";
    f.severity = model::Severity::warning;
    f.count = doc.contradicted;
    const std::size_t checked = doc.supported + doc.contradicted + doc.unmatched;
    f.message =
        fmt::format("{}: {} of the {} {} it states {} the runs (see Documents vs data)", doc.source,
                    doc.contradicted, checked, checked == 1 ? "number" : "numbers",
                    doc.contradicted == 1 ? "contradicts" : "contradict");
    for (const auto& claim : claims.items) {
      if (claim.source != doc.source || claim.verdict != model::ClaimVerdict::contradicted) {
        continue;
      }
      ++f.evidence_total;
      if (f.evidence.size() < k_max_evidence) {
        model::Evidence e;
        e.source = claim.source;
        e.locator = fmt::format(":{}", claim.line);
        e.value = claim.value;
        e.unit = claim.unit;
        if (claim.data) {
          e.column = claim.data->metric;
          e.reference = claim.data->value;
        }
        e.text = fmt::format(
            "{}:{}: states {}{}, the runs give {}", claim.source, claim.line,
            util::format_number(claim.value), claim.unit.empty() ? "" : " " + claim.unit,
            claim.data ? claim.data->statistic + " " + util::format_number(claim.data->value) +
                             (claim.unit.empty() ? "" : " " + claim.unit)
                       : std::string("nothing to compare"));
        f.evidence.push_back(std::move(e));
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace chimera::analyze
