#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "chimera/model/corpus.hpp"
#include "chimera/model/evidence.hpp"

namespace chimera::model {

// Files of one kind in the inventory.
struct KindTotals {
  std::size_t files = 0;
  std::uint64_t bytes = 0;
  std::optional<std::int64_t> latest_modified;  // Unix seconds, UTC
};

struct Inventory {
  std::size_t files_total = 0;
  std::map<FileKind, KindTotals> by_kind;  // every kind present, csv..other
  std::vector<std::string> directories;    // relative, sorted; "." for the root
  std::optional<std::int64_t> data_first;  // Unix seconds
  std::optional<std::int64_t> data_last;
  std::string time_range_source;  // "data timestamps", "file modification times", or ""
  std::vector<std::pair<std::string, std::string>> skipped;  // path, reason
  std::size_t tables = 0;
  std::size_t rows = 0;
  std::size_t failed_rows = 0;
};

// Setting names and values, e.g. {num_gpu, 80}, sorted by name.
using GroupKey = std::vector<std::pair<std::string, std::string>>;

// Descriptive statistics of one sample, in the sample's unit.
struct Summary {
  std::size_t n = 0;
  double mean = 0;
  double median = 0;
  double stddev = 0;  // sample (n - 1); undefined when n < 2: held as 0, reported as null or "-"
  double cv = 0;      // stddev / |mean|; 0 when the mean is 0
  double min = 0;
  double max = 0;
  double p05 = 0;
  double p95 = 0;
  std::optional<std::pair<double, double>> median_ci;  // 95%, only when n >= 6
};

// Statistics of one metric column of one table, failed runs excluded.
struct MetricStats {
  std::string source;
  std::string locator;
  std::string column;
  MetricKind kind = MetricKind::other;
  std::string unit;
  Direction direction = Direction::none;
  std::size_t failed_excluded = 0;
  Summary summary;
};

// A setting that varies inside an experiment, and the values it takes there.
struct Factor {
  std::string name;                 // canonical: "num_gpu", "model", "backend"
  std::vector<std::string> levels;  // numbers in numeric order, then text in byte order
  std::string origin;               // "data" (a column or JSON setting), "path", "arm"
};

// A metric an experiment measures: its columns in every table share this name.
struct ExperimentMetric {
  std::string column;  // the name the harness gives it, e.g. "ttft_ms", "Throughput (tok/s)"
  MetricKind kind = MetricKind::other;
  std::string unit;
  Direction direction = Direction::none;  // the column's, else its kind's
  bool aggregate = false;                 // the values are means or totals, not single runs
};

// One configuration's statistics of one metric of its experiment.
struct ConfigMetric {
  std::size_t metric = 0;  // index into Experiment::metrics
  Summary summary;
};

// The runs of an experiment that share one value of every factor.
struct Configuration {
  std::vector<std::string> values;   // one per factor, "" where the runs do not set it
  std::vector<std::string> sources;  // files its runs come from, sorted
  std::size_t runs = 0;              // runs (rows) measured, failed ones included
  std::size_t failed = 0;
  std::vector<ConfigMetric> metrics;  // by metric index; metrics without a value left out
  std::vector<bool> has_fixed;        // per fixed setting: whether these runs have it

  // The statistics of metric `m`, or nullptr when this configuration has no value of it.
  [[nodiscard]] const Summary* summary_of(std::size_t m) const {
    for (const auto& cm : metrics) {
      if (cm.metric == m) {
        return &cm.summary;
      }
    }
    return nullptr;
  }
};

// A configuration's place on the experiment's headline metric.
struct Ranked {
  std::size_t configuration = 0;
  std::size_t rank = 0;             // 1 is best; tied configurations share a rank
  bool tied_with_previous = false;  // its interval overlaps the one ranked just above
};

// A configuration on the Pareto front of throughput (higher) against TTFT (lower).
struct ParetoEntry {
  std::size_t configuration = 0;
  double throughput_tok_s = 0;  // medians
  double ttft_ms = 0;
};

// Two configurations of one experiment compared on one metric: median ratio and Mann-Whitney U.
struct Comparison {
  std::size_t metric = 0;
  std::size_t baseline = 0;  // configuration indices
  std::size_t candidate = 0;
  std::string varies;  // the factor the two differ in alone, "" for best-against-other
  std::size_t n_baseline = 0;
  std::size_t n_candidate = 0;
  double median_ratio = 0;    // candidate / baseline
  double p_value = 1;         // two-sided
  bool significant = false;   // p < 0.05; shown as "~" otherwise
  bool small_sample = false;  // n < 4 on a side
};

// The median of a metric at one level of a factor, over every run at that level.
struct LevelMedian {
  std::string level;
  std::size_t n = 0;
  double median = 0;
};

// Whether a factor matters for a metric: the median per level and a rank test across levels
// (Mann-Whitney U for two levels, Kruskal-Wallis H beyond).
struct FactorEffect {
  std::string factor;
  std::size_t metric = 0;
  std::vector<LevelMedian> levels;  // in the factor's level order
  std::string test;                 // "mann-whitney" or "kruskal-wallis"
  double p_value = 1;
  double spread = 0;  // best level median / worst level median - 1, in the metric's direction
};

// A set of measurement tables produced by one harness: the unit of analysis.
struct Experiment {
  std::string id;      // stable: derived from the name
  std::string name;    // the path pattern, e.g. "sweeps/*_param_tuning.csv"
  std::string origin;  // "measurements", "summaries" (means only), "documents" (Markdown only)
  std::vector<std::string> sources;  // files, sorted
  std::size_t tables = 0;
  std::size_t runs = 0;  // rows, failed ones included
  std::size_t failed_runs = 0;
  std::vector<std::string> replicates;  // what tells replicates apart: "run_N in the path", ...
  std::vector<Factor> factors;
  GroupKey fixed;  // settings with one value across the experiment
  std::vector<ExperimentMetric> metrics;
  std::optional<std::size_t> headline;        // the metric configurations are ranked on
  std::optional<std::size_t> secondary;       // shown beside it (TTFT beside throughput, ...)
  std::vector<ConfigMetric> overall;  // the headline and secondary metrics over every run
  std::vector<Configuration> configurations;  // sorted by factor values
  std::vector<Ranked> ranking;                // on the headline metric, best first
  std::vector<ParetoEntry> pareto;
  std::vector<Comparison> comparisons;
  std::vector<FactorEffect> effects;

  // "num_gpu=80, num_ctx=512": the configuration's factor values, unset ones left out.
  [[nodiscard]] std::string label(std::size_t configuration) const;
  // The configuration's factor values as (factor, value) pairs, unset ones left out.
  [[nodiscard]] GroupKey key(std::size_t configuration) const;
  // key() and the fixed settings its runs have, sorted by name: all that is known of how the
  // configuration ran.
  [[nodiscard]] GroupKey description(std::size_t configuration) const;
};

// The same configuration measured in two experiments, and whether the two agree.
struct Agreement {
  std::size_t first = 0;  // experiment indices
  std::size_t second = 0;
  std::size_t first_configuration = 0;
  std::size_t second_configuration = 0;
  GroupKey setting;  // what the two share: model and the factor values
  MetricKind kind = MetricKind::other;
  std::string unit;
  std::size_t n_first = 0;
  std::size_t n_second = 0;
  double median_first = 0;
  double median_second = 0;
  double p_value = 1;  // Mann-Whitney U, two-sided
  bool agree = true;   // not significantly different, or within 5% of each other
};

// What became of the tables of the corpus's Markdown documents.
enum class DocumentUse : std::uint8_t {
  restates,     // its numbers are the measurements of CSV/JSON files (or their statistics)
  unverified,   // CSV/JSON files measure the same metrics, but its numbers are not among them
  measurement,  // the only source of its numbers: analysed as an experiment
  no_metrics,   // nothing measured in it
};

[[nodiscard]] std::string_view to_string(DocumentUse use);

struct DocumentTable {
  std::string source;
  std::string locator;
  std::string title;
  DocumentUse use = DocumentUse::no_metrics;
  std::size_t values = 0;   // numbers checked
  std::size_t matched = 0;  // numbers found in the measurements
};

// What the runs say of a number a document (or the LLM) states.
enum class ClaimVerdict : std::uint8_t {
  supported,     // a statistic of the matching runs equals it at the precision written
  contradicted,  // one experiment, configuration and metric match, and no statistic equals it
  unmatched,     // no runs measure it, or more than one configuration could be meant
};

[[nodiscard]] std::string_view to_string(ClaimVerdict verdict);

// The statistic of the runs a claim was compared with: the equal one, else the nearest.
struct ClaimData {
  std::string experiment;  // the experiment's name
  GroupKey config;         // the configuration's factor values
  std::string metric;      // the metric's column name
  std::string statistic;   // "mean", "median", "min", "max", "p05", "p95", "single run",
                           // "warm mean", ..., "rank"
  double value = 0;        // in the claim's unit
  std::size_t n = 0;       // runs the statistic is over
  std::vector<std::string> sources;
};

// A number a document states as a measurement, and its verdict.
struct Claim {
  std::string source;
  std::size_t line = 0;
  std::string text;  // the passage as written (bounded)
  double value = 0;  // as written
  std::string unit;  // as written, "" when none
  MetricKind metric = MetricKind::none;
  GroupKey context;  // what the passage names: model, settings, arm, statistic
  ClaimVerdict verdict = ClaimVerdict::unmatched;
  std::optional<ClaimData> data;  // unset when unmatched
  std::optional<double> diff_pct; // contradicted: (claim - data) / data, in percent
  std::string reason;             // why unmatched or contradicted, for people
};

// A document's claims by verdict.
struct DocumentClaims {
  std::string source;
  std::size_t supported = 0;
  std::size_t contradicted = 0;
  std::size_t unmatched = 0;
};

struct Claims {
  std::size_t checked = 0;
  std::size_t supported = 0;
  std::size_t contradicted = 0;
  std::size_t unmatched = 0;
  std::vector<DocumentClaims> documents;  // by path
  std::vector<Claim> items;               // by document and line
};

// A finding about the data, with the evidence a person needs to check it.
struct Finding {
  std::string id;  // stable, e.g. "duplicate-file"
  Severity severity = Severity::warning;
  std::string message;
  std::vector<Evidence> evidence;  // the first k_max_evidence items, in a stable order
  std::size_t evidence_total = 0;  // items found, shown or not (>= evidence.size())
  std::size_t count = 0;  // how many files, rows, runs or configurations the message counts
};

// Metric columns whose per-table statistics are computed and reported (`metrics`).
inline constexpr std::size_t k_table_metrics = 1000;

struct BaselineComparison;

struct Analysis {
  Inventory inventory;
  std::vector<MetricStats> metrics;     // the first k_table_metrics metric columns of the corpus
  std::size_t metrics_total = 0;        // metric columns with a value in the corpus
  std::vector<Experiment> experiments;  // most runs first
  std::vector<Agreement> agreements;
  std::vector<DocumentTable> documents;  // Markdown tables, in corpus order
  Claims claims;                         // numbers the Markdown documents state, checked
  std::vector<Finding> findings;
  std::vector<std::string> key_findings;     // deterministic sentences, most important first
  std::vector<std::string> recommendations;  // deterministic sentences
  // Against --baseline (model/changes.hpp); null without one.
  std::shared_ptr<const BaselineComparison> comparison;
};

}  // namespace chimera::model
