#pragma once

#include <span>
#include <string>
#include <string_view>

#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// One value as a parser found it. `raw` is text whose type is not known yet (a CSV field, a
// Markdown cell); the other kinds come typed from JSON. Views point into the parser's input or
// its arena and live only until the table is finished.
struct Cell {
  enum class Kind : std::uint8_t { null, integer, number, boolean, text, raw };
  Kind kind = Kind::null;
  double number = 0.0;
  std::string_view text;

  [[nodiscard]] static Cell null() { return {}; }
  [[nodiscard]] static Cell raw(std::string_view t) { return {Kind::raw, 0.0, t}; }
  [[nodiscard]] static Cell text_of(std::string_view t) { return {Kind::text, 0.0, t}; }
  [[nodiscard]] static Cell integer(double v) { return {Kind::integer, v, {}}; }
  [[nodiscard]] static Cell number_of(double v) { return {Kind::number, v, {}}; }
  [[nodiscard]] static Cell boolean(bool v) { return {Kind::boolean, v ? 1.0 : 0.0, {}}; }
};

// Builds a column from its name and its cells: the value type (integer, float, boolean,
// timestamp, string), the role (metric, dimension, timestamp, error, text) and, for a metric,
// its kind, direction and canonical unit. Numbers are converted to the canonical unit (ttft_s
// to ms, memory_gb to MiB), each cell by its own written unit when it has one ("26.77s").
// Numeric columns fill `numbers` (NaN for a null); string and error columns fill `texts`
// ("" for a null); timestamp columns fill both (Unix seconds and the text as written).
[[nodiscard]] model::Column infer_column(std::string name, std::span<const Cell> cells);

}  // namespace chimera::ingest
