#pragma once

#include <string>
#include <vector>

#include "chimera/model/analysis.hpp"

namespace chimera::analyze {

// Compares the raw samples of two groups of one metric: candidate median / baseline median
// (0 when the baseline median is 0), the two-sided Mann-Whitney U p-value, significant when
// p < 0.05, small_sample when a side has fewer than 4 values.
[[nodiscard]] model::Comparison compare(const model::GroupStats& baseline,
                                        const model::GroupStats& candidate);

// The comparisons a sweep needs, for the ranked metric and, when present, the other of
// throughput and ttft: first, for each dimension that takes exactly two values, the groups that
// differ only in it (the value named "baseline", else the first in byte order, as baseline); then
// the best-ranked configuration (see `rank_configs`) as baseline against every other one, in rank
// order. Only groups with at least 2 samples take part, so the baseline is the best repeated
// configuration. A pair found twice is kept once, as first found.
[[nodiscard]] std::vector<model::Comparison> sweep_comparisons(
    const std::vector<model::GroupStats>& groups, const std::string& primary);

}  // namespace chimera::analyze
