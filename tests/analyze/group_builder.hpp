#pragma once

#include <string>
#include <vector>

#include "chimera/analyze/stats.hpp"
#include "chimera/model/analysis.hpp"

namespace chimera::analyze::testing {

// A group of raw samples as `group_metrics` would produce it.
inline model::GroupStats group(std::string metric, model::GroupKey key, std::vector<double> samples,
                               std::string unit = "") {
  model::GroupStats g;
  g.metric = metric;
  g.kind = metric == "throughput" ? model::MetricKind::throughput
           : metric == "ttft"     ? model::MetricKind::ttft
                                  : model::MetricKind::other;
  g.unit = unit.empty() ? (g.kind == model::MetricKind::throughput ? "tok/s" : "ms") : unit;
  g.group = std::move(key);
  g.summary = summarize(samples);
  g.samples = finite_sorted(samples);
  return g;
}

}  // namespace chimera::analyze::testing
