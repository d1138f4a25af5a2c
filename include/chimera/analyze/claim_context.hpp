#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chimera/analyze/claim_text.hpp"
#include "chimera/model/analysis.hpp"

namespace chimera::analyze {

// What a claim's contexts (its passage first, then its headings, then its path) say of each
// factor of one experiment, and whether they allow the experiment at all.
struct Constraints {
  bool compatible = true;          // no fixed setting or model named differs
  bool ambiguous = false;          // a context names two levels of one factor
  std::string why_not;             // when not compatible: "gemma3 has no runs", ...
  std::vector<std::string> level;  // per factor: the level named, "" when none
  model::GroupKey named;           // what was named, for the report: factor=level, model
};

// Reads `layers` (highest priority first) against experiment `e`. With `settings_only`, text
// levels (arms, model names as levels) are not read: a percentage compares configurations.
[[nodiscard]] Constraints constraints_for(const model::Experiment& e,
                                          const std::vector<const ClaimContext*>& layers,
                                          bool settings_only);

// Whether configuration `c` of `e` has the levels named (an unset value matches any).
[[nodiscard]] bool satisfies(const model::Experiment& e, std::size_t c, const Constraints& k);

// The factor of `e` the words name by its name or a synonym ("num_ctx", "context", "ctx"),
// or npos.
[[nodiscard]] std::size_t factor_named(const model::Experiment& e, const ClaimContext& context);

// Whether two setting values are the same: numerically when both are numbers ("0.6" and
// "0.60"), else without regard to case.
[[nodiscard]] bool same_level(std::string_view a, std::string_view b);

}  // namespace chimera::analyze
