#pragma once

#include <algorithm>
#include <cstdint>
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
  // 24 bytes: a large CSV holds one Cell per field while it is parsed.
  double number = 0.0;
  const char* data = nullptr;
  std::uint32_t size = 0;
  Kind kind = Kind::null;

  [[nodiscard]] std::string_view text() const { return {data, size}; }

  [[nodiscard]] static Cell null() { return {}; }
  [[nodiscard]] static Cell raw(std::string_view t) { return of(Kind::raw, t); }
  [[nodiscard]] static Cell text_of(std::string_view t) { return of(Kind::text, t); }
  [[nodiscard]] static Cell integer(double v) { return {v, nullptr, 0, Kind::integer}; }
  [[nodiscard]] static Cell number_of(double v) { return {v, nullptr, 0, Kind::number}; }
  [[nodiscard]] static Cell boolean(bool v) { return {v ? 1.0 : 0.0, nullptr, 0, Kind::boolean}; }

 private:
  // Text longer than 4 GiB cannot occur: files over --max-file-size are never read, and the
  // limit is far below that; clamp rather than wrap if it ever did.
  static Cell of(Kind kind, std::string_view t) {
    const auto size = static_cast<std::uint32_t>(std::min<std::size_t>(t.size(), UINT32_MAX));
    return {0.0, t.data(), size, kind};
  }
};

// Builds a column from its name and its cells: the value type (integer, float, boolean,
// timestamp, string), the role (metric, dimension, timestamp, error, text) and, for a metric,
// its kind, base kind, direction, canonical unit and where that unit came from. Numbers are
// converted to the canonical unit (ttft_s to ms, memory_gb to MiB), each cell by its own written
// unit when it has one ("26.77s"). A unit chimera does not convert ("tok/s per GB", "cycle") is
// kept as the column's unit. `header_unit` is the unit a units row wrote under the header ("" when
// none); it counts after a unit in brackets in the name, before a unit word and the cells.
// Numeric columns fill `numbers` (NaN for a null); string and error columns fill `texts`
// ("" for a null); timestamp columns fill both (Unix seconds and the text as written).
// Settings are dimensions, never metrics: names NameInfo::dimension lists, a "temperature" whose
// values are all between 0 and 2, and a column of nothing but 0 and 1 whose name says nothing
// of what it measures. A dimension written with a unit other than tokens ("4.3B") keeps its text.
[[nodiscard]] model::Column infer_column(std::string name, std::span<const Cell> cells,
                                         std::string_view header_unit = {});

}  // namespace chimera::ingest
