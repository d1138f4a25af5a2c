#pragma once

#include <span>
#include <vector>

#include "chimera/analyze/experiments.hpp"
#include "chimera/analyze/records.hpp"
#include "chimera/model/changes.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// What --baseline compares against, and how strictly.
struct BaselineRequest {
  const model::Baseline& baseline;
  double threshold_pct = 5.0;  // smallest |change| in percent that is a verdict
  double alpha = 0.05;         // significance level of the U test
};

// The corpus analysed as analyze() plans it, reduced to the values of its compared metrics, per
// experiment and configuration (Experiment::description); failed runs left out. `path` and
// `generated_at` are the caller's.
[[nodiscard]] model::Baseline baseline_from_corpus(const model::Corpus& corpus, unsigned jobs = 0);

// One metric's verdict from the two sides' sorted values: medians, the change in percent (signed
// so that positive is better in `direction`), the two-sided Mann-Whitney p, and regressed or
// improved when p < alpha and |change| >= threshold_pct; not comparable when a side has fewer
// than k_min_comparable values. The identifying fields of the Change are left empty.
[[nodiscard]] model::Change judge(std::span<const double> baseline, std::span<const double> current,
                                  model::Direction direction, double threshold_pct, double alpha);

// The planned experiments of the current corpus against the baseline: experiments matched by
// name, configurations by their settings (Experiment::description), metrics by column. Reads
// one metric's values of one experiment at a time, on up to `jobs` threads.
[[nodiscard]] model::BaselineComparison compare_to_baseline(
    const model::Corpus& corpus, const std::vector<RecordSet>& sets,
    const std::vector<PlannedExperiment>& planned, const BaselineRequest& request,
    unsigned jobs = 0);

}  // namespace chimera::analyze
