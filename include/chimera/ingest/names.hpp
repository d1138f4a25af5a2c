#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "chimera/ingest/units.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// What a column name says about its values. Names are matched case-insensitively on words
// (split at anything that is not a letter or digit; a Greek delta is the word "delta"). A dotted
// path ("baseline.aggregate.ttft_ms") or a qualified Markdown key ("TTFT > Baseline") is judged
// on all its words for the measured kind, and on its last part (model::column_leaf) for
// dimension, setting, error and timestamp names and for whether it is a comparison (delta,
// improvement, speedup) rather than a measurement.
struct NameInfo {
  // A configuration value, never a metric: model, num_gpu, num_ctx, temperature, config,
  // backend, ...; versions (opset, *_version, cuda, driver); sizes and lengths that are settings
  // (workspace_size, batch_size, context_length, model size, parameters); clocks (clock_memory).
  bool dimension = false;
  // The dimension is a setting judged by the words of its name (a version, a size, a clock)
  // rather than a name chimera lists: as text, only short values are settings ("12.4", not a
  // sentence under "Investigate Context Size Impact").
  bool setting = false;
  bool identifier = false;  // run_id, run, iteration, trial, process_id, ...: kept as text
  bool error = false;       // error, error_message, exception, failure_reason, ...
  bool status = false;   // status, state, outcome: a run failed when status_means_failure
  bool success = false;  // success, succeeded: a run failed when false or 0
  bool timestamp = false;  // timestamp, date, start_time, created_at, ...
  // "temperature" or "temp" alone: the sampling temperature (a dimension) when every value is
  // between 0 and 2, else a measured temperature in °C.
  bool sampling_temperature = false;
  model::MetricKind kind = model::MetricKind::other;
  model::MetricKind base_kind = model::MetricKind::none;  // see model::ColumnHead::base_kind
  model::Direction direction = model::Direction::none;
  std::optional<Unit> unit;  // a unit written in the name: ttft_s, "TTFT (ms)", eval_s_mean
  std::string source_unit;   // that unit as written
  // A unit written in the name that chimera keeps as written rather than converts: "tok/s per
  // GB", "cycle", "x", "W" ("" when none, or when `unit` is set).
  std::string kept_unit;
  bool unit_from_header = false;  // the unit (or kept unit) is the header_unit
  bool rate = false;  // a time word of the name divides ("Tokens/s", tokens_per_s, gb_s)
};

// Judges `name`. `header_unit` is the unit a units row wrote under the column's header ("" when
// none): it counts as written in the name, after a unit in brackets and before a unit word.
[[nodiscard]] NameInfo classify_name(std::string_view name, std::string_view header_unit = {});

// The direction of a metric kind, refined by words of the name: a spread or an error anywhere
// in it is lower ("stddev.ttft_ms"); a comparison in its last part is higher ("improvement") or
// none ("delta"), and "delta.baseline_ttft_ms" is a TTFT, lower.
[[nodiscard]] model::Direction direction_for(model::MetricKind kind, std::string_view name);

// Whether a status column's text says the run failed: "failed", "error", "timeout", "OOM",
// "crashed", ... (case-insensitive).
[[nodiscard]] bool status_means_failure(std::string_view text);

}  // namespace chimera::ingest
