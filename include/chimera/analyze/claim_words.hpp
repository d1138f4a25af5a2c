#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// The vocabulary claims are read with. Every function takes lower-case text.

// The unit a word after a number writes: "ms", "s" (also "sec", "seconds"), "tok/s" (also
// "tokens/s", "t/s", "tps"), "tokens", "MiB", "GiB", "%", "x"; "" for any other word.
[[nodiscard]] std::string unit_of_word(std::string_view word);

// The unit in a header's brackets or words: "TTFT (ms)" -> "ms", "Throughput (tok/s)" -> "tok/s".
[[nodiscard]] std::string unit_in_header(std::string_view header);

// Whether a number after this word is an index, not a measurement: "run", "section", "table",
// "figure", "tr", "top", "step", "v", "#", "rank", "n".
[[nodiscard]] bool is_index_word(std::string_view word);

// Whether a number before this word counts things rather than measuring them: "runs", "files",
// "configurations", "prompts", "samples", "iterations", ...
[[nodiscard]] bool is_count_word(std::string_view word);

// The measured kind the words name ("ttft", "throughput", "tok/s", "load", "prompt eval",
// "tokens", ...), the first in the text; none when they name none. `unmeasurable` is set
// when they name a quantity no benchmark harness here records (utilisation, accuracy, cost,
// power, energy).
[[nodiscard]] model::MetricKind metric_of_words(std::string_view words, bool& unmeasurable);

// How many different measured kinds the words name.
[[nodiscard]] std::size_t metrics_named(std::string_view words);

// Whether `words` contains any of the phrases as whole words.
[[nodiscard]] bool has_any(std::string_view words, std::initializer_list<std::string_view> phrases);

// Whether a number written in `unit` can measure `kind` ("s" a duration, "tok/s" throughput).
[[nodiscard]] bool unit_fits(std::string_view unit, model::MetricKind kind);

// The factor to canonical units of a claim's unit: "s" -> 1000 (ms), "GiB" -> 1024 (MiB).
[[nodiscard]] double to_canonical(std::string_view unit);

// Whether a table's first header names its rows' metrics: "metric", "measure", "statistic".
[[nodiscard]] bool is_key_header(std::string_view header);

// Whether a table header names a setting or a configuration ("num_gpu", "config", "model").
[[nodiscard]] bool is_setting_header(std::string_view header);
// Whether it names a configuration as a whole ("config", "configuration"), not one setting.
[[nodiscard]] bool is_config_label(std::string_view header);

// Settings a compact label spells, its pieces split on '_': "g80_c1024_t0.8" and
// "run_gpu60_ctx256_temp0p8" -> num_gpu, num_ctx, temperature. Empty unless two pieces do.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> compact_settings(
    std::string_view token);

// Passages and phrases as written (any case):
// Whether a passage's numbers are not this corpus's measurements: another unit of throughput
// (MB/s, requests per second), or numbers stated rather than measured (expected, target,
// theoretical, would).
[[nodiscard]] bool not_measured(std::string_view text);
// Whether the words name a context window: "512 tokens" beside them is a setting.
[[nodiscard]] bool names_context(std::string_view words);
// 256, 512, ..., 131072 written whole: a context size far more often than tokens generated.
[[nodiscard]] bool looks_like_context_size(double value);
// Whether a column header names a difference between the columns before it.
[[nodiscard]] bool names_change(std::string_view header);
// Whether a sentence compares ("higher", "faster", "improvement", "vs", ...).
[[nodiscard]] bool compares(std::string_view text);
// Whether a passage quotes another report ("Technical Report 108", "Section 4.3") or stands
// under a heading of citations or references.
[[nodiscard]] bool cites(std::string_view text, std::string_view heading);
// Whether a bullet's value is a number and little else (at most three words).
[[nodiscard]] bool is_short_value(std::string_view value);

}  // namespace chimera::analyze
