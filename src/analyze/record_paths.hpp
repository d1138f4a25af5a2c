#pragma once

// JSON structure of one file as record sets need it: where each table's rows sit, which
// objects hold runs, and which settings reach which runs. Internal to analyze/.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chimera/model/corpus.hpp"

namespace chimera::analyze::detail {

using Path = std::vector<std::string>;

// "/runs/*/samples" -> {runs, *, samples}.
[[nodiscard]] Path split_pointer(std::string_view pointer);

// "config.num_gpu" -> {config, num_gpu}.
[[nodiscard]] Path split_dotted(std::string_view name);

// The pattern of the object each row of a JSON table is: "" (the root) for a file's scalars,
// the locator and "*" for an array of records or of numbers.
[[nodiscard]] Path row_anchor(const model::Table& table);

// Whether a JSON table is the file's scalars (one row, no row pointer).
[[nodiscard]] bool is_scalars(const model::Table& table);

// Whether a table has its metrics as rows: a text column whose values are metric names
// ("metric,baseline,optimized,delta_pct" with rows "throughput_tok_s", "ttft_ms"). Such a table
// compares or summarises; its rows are not runs.
[[nodiscard]] bool is_metrics_by_row(const model::Table& table);

// Whether `prefix` is a prefix of `path`, segment by segment.
[[nodiscard]] bool starts_with(const Path& path, const Path& prefix);

// Whether a setting at `setting` (its full path, leaf included) describes the runs anchored at
// `anchor`: it does unless the two part at an object that holds runs of its own (`holders`: the
// anchors of the file's tables and arms). "chimera.configuration.num_gpu" describes the runs at
// /chimera/individual_runs/*, not those at /baseline/individual_runs/*.
[[nodiscard]] bool reaches(const Path& setting, const Path& anchor,
                           const std::vector<Path>& holders);

}  // namespace chimera::analyze::detail
