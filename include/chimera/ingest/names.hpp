#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "chimera/ingest/units.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// What a column name says about its values. Names are matched case-insensitively on words
// (split at anything that is not a letter or digit); a dotted path ("baseline.aggregate.ttft_ms")
// or a qualified Markdown key ("TTFT > Baseline") is judged on all its words for the metric kind,
// and on its last part for dimension, error and timestamp names.
struct NameInfo {
  bool dimension = false;  // model, num_gpu, num_ctx, temperature, config, backend, run_id, ...
  bool identifier = false;  // run_id, run, iteration, trial, ...: names one run, kept as text
  bool error = false;      // error, error_message, exception, failure_reason, ...
  bool timestamp = false;  // timestamp, date, start_time, created_at, ...
  model::MetricKind kind = model::MetricKind::other;
  model::Direction direction = model::Direction::none;
  std::optional<Unit> unit;  // a unit written in the name: ttft_s, "TTFT (ms)", memory_gb
  std::string source_unit;   // that unit as written
};

[[nodiscard]] NameInfo classify_name(std::string_view name);

// The direction of a metric kind, refined by words of the name ("improvement" is higher,
// "stddev" is lower).
[[nodiscard]] model::Direction direction_for(model::MetricKind kind, std::string_view name);

}  // namespace chimera::ingest
