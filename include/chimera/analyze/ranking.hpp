#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "chimera/model/analysis.hpp"

namespace chimera::analyze {

// The direction of a metric: the column's own, else the kind's (throughput higher, durations
// lower), else none.
[[nodiscard]] model::Direction effective_direction(model::MetricKind kind,
                                                   model::Direction direction);

// The metric a sweep is ranked by: the first of throughput, ttft, latency, total, eval that has
// at least two configurations with a direction. nullopt when none has.
[[nodiscard]] std::optional<std::string> primary_metric(
    const std::vector<model::GroupStats>& groups);

// The uncertainty span used for ties: the 95% median interval, or [min, max] when n < 6.
[[nodiscard]] std::pair<double, double> tie_interval(const model::Summary& summary);

// The configurations of one metric ranked by median in the metric's direction, best first.
// A configuration whose tie interval overlaps the one ranked just above is tied with it and
// shares its rank (competition ranking: 1, 1, 3). Ties of medians keep key order.
[[nodiscard]] std::vector<model::RankedConfig> rank_configs(
    const std::vector<model::GroupStats>& groups, const std::string& metric);

// The configurations with medians of both "throughput" (tok/s) and "ttft" (ms) that no other
// configuration beats on one while matching or beating it on the other; by throughput, highest
// first.
[[nodiscard]] std::vector<model::ParetoPoint> pareto_front(
    const std::vector<model::GroupStats>& groups);

}  // namespace chimera::analyze
