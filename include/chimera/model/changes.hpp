#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::model {

// One measured value of an experiment, as `chimera export` writes it: one long-form record.
struct Observation {
  const std::string* experiment = nullptr;  // the experiment's name
  std::string_view source;                  // file, relative to the corpus root
  std::string locator;                      // "12" (a line) or "/runs/3" (a JSON pointer)
  const GroupKey* config = nullptr;         // the configuration's settings, sorted by name
  std::size_t replicate = 0;                // 0-based run number within the configuration
  std::string_view column;                  // the experiment's metric name
  MetricKind kind = MetricKind::other;
  std::string_view unit;
  Direction direction = Direction::none;
  double value = 0;
  bool failed = false;  // a run that failed: kept in the export, left out of every statistic
};

// One configuration's values of one metric in a baseline: what a change is measured against.
struct BaselineSample {
  std::string column;
  MetricKind kind = MetricKind::other;
  std::string unit;
  Direction direction = Direction::none;
  std::vector<double> values;  // finite, of runs that did not fail, sorted ascending
};

struct BaselineConfiguration {
  GroupKey config;                      // sorted by name
  std::vector<BaselineSample> metrics;  // sorted by column
};

struct BaselineExperiment {
  std::string name;
  std::vector<BaselineConfiguration> configurations;  // sorted by config
};

// An earlier corpus, reduced to the values a comparison needs: the raw metrics with a direction
// of every configuration of every experiment. Read from a directory (analysed as `analyze`
// would) or from a records file written by `chimera export`.
struct Baseline {
  std::string path;                             // as given on the command line
  std::optional<std::string> generated_at;      // ISO 8601 UTC: newest file time it was read from
  std::vector<BaselineExperiment> experiments;  // sorted by name
};

enum class Verdict : std::uint8_t { regressed, improved, unchanged, not_comparable };

// "regressed", "improved", "unchanged", "not_comparable".
[[nodiscard]] std::string_view to_string(Verdict verdict);

// One configuration's raw metric, baseline against current.
struct Change {
  std::string experiment;
  GroupKey config;
  std::string column;
  MetricKind kind = MetricKind::other;
  std::string unit;
  Direction direction = Direction::none;
  std::size_t baseline_n = 0;
  double baseline_median = 0;
  std::size_t current_n = 0;
  double current_median = 0;
  std::optional<double> change_pct;  // positive is better; unset when the baseline median is 0
  std::optional<double> p_value;     // two-sided Mann-Whitney U; unset when not comparable
  Verdict verdict = Verdict::unchanged;
};

// A configuration found on one side only.
struct ConfigurationRef {
  std::string experiment;
  GroupKey config;
};

// A setting that is not a factor on either side but has another value now, e.g. a new
// rust_version: configurations still match, and the report says what else changed.
struct SettingChange {
  std::string experiment;
  std::string setting;
  std::string baseline;  // "" when the baseline's runs do not set it
  std::string current;
};

// Everything `--baseline` found.
struct BaselineComparison {
  std::string path;
  std::optional<std::string> generated_at;
  double threshold_pct = 5;
  double alpha = 0.05;
  // Regressions (worst first), improvements (best first), unchanged, not comparable.
  std::vector<Change> changes;
  std::vector<ConfigurationRef> added;           // in the current corpus only
  std::vector<ConfigurationRef> removed;         // in the baseline only
  std::vector<std::string> experiments_added;    // names in the current corpus only
  std::vector<std::string> experiments_removed;  // names in the baseline only
  std::vector<SettingChange> settings_changed;   // sorted; each experiment and setting once

  [[nodiscard]] std::size_t count(Verdict verdict) const;
};

// Whether a metric takes part in a comparison: a raw measurement (is_raw_measurement) with a
// direction, so that a change can be called better or worse.
[[nodiscard]] inline bool is_compared(MetricKind kind, Direction direction) {
  return is_raw_measurement(kind) && direction != Direction::none;
}

// Runs with fewer values than this on a side are not compared.
inline constexpr std::size_t k_min_comparable = 3;

}  // namespace chimera::model

namespace chimera::model {

// Sorts a baseline's experiments, configurations and metrics, and merges the samples that share
// an experiment, configuration and column (their values pooled and sorted).
void normalize(Baseline& baseline);

}  // namespace chimera::model
