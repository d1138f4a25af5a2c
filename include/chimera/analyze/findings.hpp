#pragma once

#include <string>
#include <vector>

#include "chimera/analyze/experiments.hpp"
#include "chimera/analyze/records.hpp"
#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// At most this many evidence items per finding; Finding::evidence_total counts the rest.
inline constexpr std::size_t k_max_evidence = 12;
// |modified z-score| above which a value is an outlier (Iglewicz and Hoaglin, 1993).
inline constexpr double k_outlier_z = 3.5;
// ... and it must be this far from its configuration's median, as a ratio either way: a
// modified z is large for a tiny difference when the other runs barely vary.
inline constexpr double k_outlier_ratio = 1.25;
// Configurations need at least this many runs before outliers are looked for.
inline constexpr std::size_t k_outlier_min_n = 4;
// Relative disagreement above which two ways of computing one quantity are inconsistent.
inline constexpr double k_inconsistency = 0.10;

// What the findings read: the corpus, its record sets and its experiments (with their members).
struct FindingsInput {
  const model::Corpus& corpus;
  const std::vector<RecordSet>& sets;
  const std::vector<PlannedExperiment>& experiments;
  unsigned jobs = 0;  // the families of findings run on up to this many threads (0: all cores)
};

// Sets the finding's evidence to the first k_max_evidence items and its evidence_total to
// `total`, or to the number of items when that is larger: checks over millions of rows keep only
// the items they show, and count the rest.
void set_evidence(model::Finding& finding, std::vector<model::Evidence> items,
                  std::size_t total = 0);

// An item at a row of a table: source and locator from table.row_location(row), text that
// location, ": " and `what`.
[[nodiscard]] model::Evidence row_evidence(const model::Table& table, std::size_t row,
                                           const std::string& what);

// About files: duplicate-file (equal content hash), malformed-file (error diagnostics),
// unreadable-file (a CSV, JSON or Markdown file skipped without one), skipped-file (other kinds),
// input-warning (warning diagnostics of a file).
[[nodiscard]] std::vector<model::Finding> file_findings(const model::Corpus& corpus);

// Files equal once what changes from one generation to the next is masked (timestamps, dates,
// UUIDs, hex ids, "generated_at"-style lines): near-duplicate-file, one finding per set of such
// files that are not byte copies of each other. Linear: one hash of each file's masked text.
[[nodiscard]] std::vector<model::Finding> near_duplicate_findings(const model::Corpus& corpus);

// Values a raw measurement cannot take, left out of every statistic by ingest
// (model::Table::impossible): impossible-value, one finding per experiment and column (per
// table and column outside experiments), byte copies of a file left out.
[[nodiscard]] std::vector<model::Finding> impossible_findings(const FindingsInput& in);

// About the runs of the experiments: failed-run (grouped by error message), duplicate-rows, and
// per experiment single-sample and few-samples (configurations with n = 1, and 2 <= n < 6, on the
// headline metric).
[[nodiscard]] std::vector<model::Finding> run_findings(const FindingsInput& in);

// About values, per experiment: cold-start (the first run of a configuration in a table an
// outlier on the bad side) and outlier (any other), for configurations with at least
// k_outlier_min_n runs, when |modified z| > k_outlier_z and the value is k_outlier_ratio times
// the median or more (or 1/k_outlier_ratio or less); inconsistent-ttft (ttft against load +
// prompt_eval) and inconsistent-throughput (throughput against generated tokens / eval time),
// rows that disagree by more than k_inconsistency.
[[nodiscard]] std::vector<model::Finding> value_findings(const FindingsInput& in);

// About coverage: unit-mismatch (one metric in several canonical units), mixed-units (one
// metric written in several source units, converted), and per experiment missing-metric (a
// metric some of its configurations have and others lack).
[[nodiscard]] std::vector<model::Finding> coverage_findings(const FindingsInput& in);

// All findings, errors first, then warnings, then info; within a severity in the order above.
[[nodiscard]] std::vector<model::Finding> find_all(const FindingsInput& in);

}  // namespace chimera::analyze
