#pragma once

#include <string>
#include <string_view>

namespace chimera::analyze {

// The last segment of a nested name ("config.num_gpu", "config/num_gpu" -> "num_gpu").
[[nodiscard]] std::string leaf_name(std::string_view column);

// The directory of a corpus path, "." for the root.
[[nodiscard]] std::string directory_of(std::string_view path);

// Lower case, runs of anything but letters and digits as one '_', none at the ends:
// "Throughput (tok/s)" -> "throughput_tok_s", "GPU Layers" -> "gpu_layers".
[[nodiscard]] std::string normalize_name(std::string_view name);

// True for names of aggregates rather than raw samples: mean, average, avg, median, std,
// stddev, p50/p95/p99, min, max as a word of the name ("average_ttft_ms", "stddev_throughput").
[[nodiscard]] bool is_aggregate_name(std::string_view column);

// True for aggregates that describe spread or extremes rather than a typical value: std, stddev,
// stdev, variance, min, max, p90/p95/p99 as a word of the name. They are not samples of the
// metric they are about, so statistics leave them out.
[[nodiscard]] bool is_spread_name(std::string_view column);

// True when a segment of a dotted name holds aggregates: "aggregate_metrics.total_duration_ms",
// "summary.ttft_ms", "stats.throughput".
[[nodiscard]] bool in_aggregate_container(std::string_view column);

// True for numbers that are not measurements of the run but stated in advance or derived
// elsewhere: "expected_throughput", "target_ttft_ms", "predicted_*", "estimated_*".
[[nodiscard]] bool is_stated_not_measured(std::string_view column);

// True for a file whose name says it summarises other files: a word of its stem is summary,
// summaries, stats, statistics, aggregate(s), aggregated, agg ("gemma3_param_tuning_summary.csv").
[[nodiscard]] bool is_summary_file(std::string_view path);

// The name a setting goes by whatever the harness calls it: "temp" and "TEMP" -> "temperature",
// "GPU Layers", "gpu_layers", "ngl" -> "num_gpu", "ctx", "context" -> "num_ctx", ... Other
// names come back normalized (normalize_name of the leaf).
[[nodiscard]] std::string canonical_setting(std::string_view name);

// Whether a setting's value is data: short (a name, a number, a tag), never a sentence. At most
// 48 characters and 4 words, no line break, no sentence end (". " or a final '.').
[[nodiscard]] bool is_short_data(std::string_view value);

}  // namespace chimera::analyze
