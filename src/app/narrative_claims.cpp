#include "chimera/app/narrative_claims.hpp"

#include <fmt/format.h>

#include <cmath>

#include "chimera/analyze/claims.hpp"
#include "chimera/util/number.hpp"

namespace chimera::app {

grounding::SentenceJudge narrative_judge(const model::Analysis& analysis) {
  auto stats = analyze::summary_stats(analysis.experiments);
  return [&analysis, stats](std::string_view sentence,
                            const grounding::Quantity& q) -> grounding::SentenceVerdict {
    for (const auto& claim : analyze::claims_in_sentence(sentence)) {
      if (std::fabs(claim.value - q.value) > 1e-12 * std::max(1.0, std::fabs(q.value))) {
        continue;
      }
      if (claim.unmeasurable) {
        return {true, false, "it is about a quantity no run measures"};
      }
      const auto verdict = analyze::judge_claim(claim, {}, {}, analysis.experiments, stats);
      switch (verdict.verdict) {
        case model::ClaimVerdict::supported:
          return {true, true, ""};
        case model::ClaimVerdict::contradicted: {
          const auto& d = *verdict.data;
          std::string config;
          for (const auto& [name, value] : d.config) {
            config += fmt::format("{}{}={}", config.empty() ? "" : ", ", name, value);
          }
          return {true, false,
                  fmt::format("the runs give {} {} {}{}", d.statistic, util::format_number(d.value),
                              claim.unit, config.empty() ? "" : " for " + config)};
        }
        case model::ClaimVerdict::unmatched:
          // No runs of it, or several configurations: a card's 16 GB is not a measurement the
          // runs lack. The evidence check decides.
          return {};
      }
    }
    return {};
  };
}

}  // namespace chimera::app
