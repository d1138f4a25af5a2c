#pragma once

#include <string>
#include <vector>

#include "chimera/analyze/rows.hpp"
#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// At most this many evidence lines per finding; the rest are summarised as "... and N more".
inline constexpr std::size_t k_max_evidence = 12;
// |modified z-score| above which a value is an outlier (Iglewicz and Hoaglin, 1993).
inline constexpr double k_outlier_z = 3.5;
// Configurations need at least this many runs before outliers are looked for.
inline constexpr std::size_t k_outlier_min_n = 4;
// Relative disagreement above which two ways of computing one quantity are inconsistent.
inline constexpr double k_inconsistency = 0.10;

// Keeps the first k_max_evidence lines and adds "... and N more" for the rest.
[[nodiscard]] std::vector<std::string> capped(std::vector<std::string> evidence);

// About files: duplicate-file (equal content hash), malformed-file (error diagnostics),
// unreadable-file (a CSV, JSON or Markdown file skipped without one), skipped-file (other kinds),
// input-warning (warning diagnostics of a file).
[[nodiscard]] std::vector<model::Finding> file_findings(const model::Corpus& corpus);

// About runs and samples: failed-run (grouped by error message), duplicate-rows,
// single-sample-summary (an average or stddev over one run), single-sample and few-samples
// (configurations of the primary metric with n = 1, and 2 <= n < 6).
[[nodiscard]] std::vector<model::Finding> run_findings(const model::Corpus& corpus,
                                                       const RowIndex& index,
                                                       const std::vector<model::GroupStats>& groups,
                                                       const std::string& primary);

// About values: cold-start (the first run of a configuration an outlier on the bad side) and
// outlier (any other |modified z| > k_outlier_z), per table, metric column and configuration
// with at least k_outlier_min_n runs; inconsistent-ttft (ttft against load + prompt_eval) and
// inconsistent-throughput (throughput against generated tokens / eval time), rows that disagree
// by more than k_inconsistency.
[[nodiscard]] std::vector<model::Finding> value_findings(const model::Corpus& corpus,
                                                         const RowIndex& index);

// About coverage: unit-mismatch (one metric in several canonical units), mixed-units (one metric
// written in several source units, converted), missing-metric (a metric some configurations of
// an experiment have and others lack; an experiment is the set of configurations keyed by the
// same dimension names).
[[nodiscard]] std::vector<model::Finding> coverage_findings(
    const model::Corpus& corpus, const RowIndex& index,
    const std::vector<model::GroupStats>& groups);

// All findings, errors first, then warnings, then info; within a severity in the order above.
[[nodiscard]] std::vector<model::Finding> find_all(const model::Corpus& corpus,
                                                   const RowIndex& index,
                                                   const std::vector<model::GroupStats>& groups,
                                                   const std::string& primary);

}  // namespace chimera::analyze
