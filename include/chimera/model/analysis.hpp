#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "chimera/model/corpus.hpp"

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

// Dimension name and value pairs that identify a configuration, e.g. {num_gpu, 80}.
using GroupKey = std::vector<std::pair<std::string, std::string>>;

// Descriptive statistics of one sample, in the sample's unit.
struct Summary {
  std::size_t n = 0;
  double mean = 0;
  double median = 0;
  double stddev = 0;  // sample (n - 1); 0 when n < 2
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

// One metric kind over the rows that share the same dimension values.
struct GroupStats {
  MetricKind kind = MetricKind::other;
  std::string unit;
  Direction direction = Direction::none;
  GroupKey group;  // dimension name, value
  Summary summary;
  std::vector<double> samples;       // the raw values, sorted ascending
  std::string metric;                // "ttft", "throughput:eval_rate", "eval_count" (see README)
  std::vector<std::string> sources;  // files the samples come from, sorted
};

// One configuration in a parameter sweep, ranked by the primary metric in its own direction.
struct RankedConfig {
  GroupKey group;
  MetricKind kind = MetricKind::other;
  std::string unit;
  Direction direction = Direction::none;
  Summary summary;
  std::size_t rank = 0;             // 1 is best; tied configurations share a rank
  bool tied_with_previous = false;  // median intervals overlap with the one ranked above
  std::string metric;               // the group metric ranked, e.g. "throughput"
};

// A configuration on the Pareto front of throughput (higher) against TTFT (lower).
struct ParetoPoint {
  GroupKey group;
  double throughput_tok_s = 0;  // median
  double ttft_ms = 0;           // median
};

// Two groups of raw samples of one metric compared: median ratio and Mann-Whitney U.
struct Comparison {
  MetricKind kind = MetricKind::other;
  std::string unit;
  Direction direction = Direction::none;
  GroupKey baseline;
  GroupKey candidate;
  std::size_t n_baseline = 0;
  std::size_t n_candidate = 0;
  double median_ratio = 0;    // candidate / baseline
  double p_value = 1;         // two-sided
  bool significant = false;   // p < 0.05; shown as "~" otherwise
  bool small_sample = false;  // n < 4 on a side
  std::string metric;         // the group metric compared, e.g. "ttft"
  double u = 0;               // Mann-Whitney U of the candidate
  bool exact = false;         // exact p-value (else normal approximation with tie correction)
};

// A finding about the data, with the evidence a person needs to check it.
struct Finding {
  std::string id;  // stable, e.g. "duplicate-file"
  Severity severity = Severity::warning;
  std::string message;
  std::vector<std::string> evidence;  // "file:line", "file#pointer", values
  std::size_t count = 0;  // how many files, rows, runs or configurations the message counts
};

struct Analysis {
  Inventory inventory;
  GroupKey shared_dimensions;  // one value across the whole corpus, left out of group keys
  std::vector<MetricStats> metrics;
  std::vector<GroupStats> groups;
  std::vector<RankedConfig> ranking;
  std::vector<ParetoPoint> pareto;
  std::vector<Comparison> comparisons;
  std::vector<Finding> findings;
  std::vector<std::string> key_findings;     // deterministic sentences, most important first
  std::vector<std::string> recommendations;  // deterministic sentences
};

}  // namespace chimera::model
