#pragma once

// Whether a factor matters: medians per level and a rank test. Internal to analyze/.

#include <optional>

#include "buckets.hpp"
#include "chimera/model/analysis.hpp"

namespace chimera::analyze::detail {

// The effect of factor `factor` of `experiment` on the metric whose values are `buckets`:
// runs pooled by the factor's level (configurations that do not set it left out), the median
// per level, and Mann-Whitney U (two levels) or Kruskal-Wallis H (more). nullopt when fewer than
// two levels have runs.
[[nodiscard]] std::optional<model::FactorEffect> factor_effect(const model::Experiment& experiment,
                                                               std::size_t factor,
                                                               std::size_t metric,
                                                               const Buckets& buckets,
                                                               const PooledRanks& all_ranks);

}  // namespace chimera::analyze::detail
