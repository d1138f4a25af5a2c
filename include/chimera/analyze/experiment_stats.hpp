#pragma once

#include <vector>

#include "chimera/analyze/experiments.hpp"
#include "chimera/analyze/records.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// At least this many runs a side before a comparison is not flagged as a small sample.
inline constexpr std::size_t k_small_sample = 4;
// Significance level of comparisons, effects and agreements.
inline constexpr double k_alpha = 0.05;
// Comparisons of the best configuration against the next ones, per metric.
inline constexpr std::size_t k_best_comparisons = 20;

// Fills in the statistics of a planned experiment, reading each metric's values from the
// columns of its tables in place, one metric at a time, failed runs left out:
// - every configuration's summary of every metric;
// - the headline metric: the measured (not averaged, unless the experiment has only averages)
//   metric with a direction of the first kind present among throughput, ttft, latency, total,
//   eval, duration, prompt_eval, load, compile, memory (the one with most values when a kind has
//   several), and a secondary one shown beside it (TTFT or latency beside throughput, throughput
//   beside a duration);
// - the ranking on the headline metric (ties when the median intervals, or [min, max] below 6
//   runs, overlap the one ranked just above: 1, 1, 3);
// - the throughput/TTFT Pareto front;
// - comparisons on the headline and secondary metrics: configurations that differ only in a
//   factor of two levels, and the best with 2+ runs against the next k_best_comparisons;
// - factor effects on those metrics: the median per level, and Mann-Whitney (2 levels) or
//   Kruskal-Wallis (more) over the runs pooled by level.
// Metrics are read on up to `jobs` threads (0: one per core); the result does not depend on it.
void compute_statistics(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
                        PlannedExperiment& planned, unsigned jobs = 0);

}  // namespace chimera::analyze
