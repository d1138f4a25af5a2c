#pragma once

#include <optional>
#include <string_view>

#include "chimera/ingest/units.hpp"
#include "chimera/model/corpus.hpp"
#include "name_words.hpp"

namespace chimera::ingest {

// The kind a column name gives a metric and, for a comparison or an efficiency, the raw kind it
// is about (ttft for ttft_delta_ms).
struct KindGuess {
  model::MetricKind kind = model::MetricKind::other;
  model::MetricKind base = model::MetricKind::none;
};

// Judges a name: `all` are the words of the whole name (JSON path and Markdown heading
// included), `leaf` those of its last part (model::column_leaf), `unit` the unit written in the
// name when chimera converts it, `kept` one it keeps as written ("tok/s per GB", "x", "C").
// Whether a column is a difference, an improvement or a speedup is read from the leaf alone:
// "delta.baseline_ttft_ms" is a TTFT that a "delta" object restates, not a difference.
[[nodiscard]] KindGuess guess_kind(const Words& all, const Words& leaf,
                                   const std::optional<Unit>& unit, std::string_view kept);

// The raw measurement the words name (throughput, ttft, latency, load, prompt_eval, eval,
// total, compile, duration, tokens, memory), else ratio, count or other. No percent: a percent
// of something is judged by guess_kind.
[[nodiscard]] model::MetricKind measured_kind(const Words& words, const std::optional<Unit>& unit);

// Whether the leaf names a hardware temperature ("gpu_temperature_c", "Temp (C)",
// "peak_gpu_temperature_c"), as opposed to "temperature" alone, which may be the sampling one.
[[nodiscard]] bool names_measured_temperature(const Words& leaf, const std::optional<Unit>& unit,
                                              std::string_view kept);

}  // namespace chimera::ingest
