#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "chimera/ingest/parsed.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// Parses a Markdown report (GitHub Flavored, with cmark-gfm) into tables:
// - every GFM table is a table (locator "table N", 1-based in file order), titled by the nearest
//   heading above it, with the source line of each row; cells such as "99.31 ± 0.00" and
//   "+0.2% (+0.19)" read as their leading number, the unit after it kept for inference; a
//   two-column "| Metric | Value |" table becomes one row whose columns are the metric names,
//   each with the line of its row;
// - `key: value` list items and `**Key:** value` lines form one "scalars" table, titled by the
//   first heading, each column with the line it came from; a key seen twice is qualified by its
//   heading ("TTFT > Baseline").
// Code blocks and HTML are not data. Returns no failure: any text is valid Markdown.
[[nodiscard]] Parsed parse_markdown(std::string_view text, const model::SourceRef& where);

// A "key: value" line as list items and bold labels write it, or nullopt: the key is 1 to 60
// characters before the first ": ", the value is not empty.
struct KeyValue {
  std::string key;
  std::string value;
};
[[nodiscard]] std::optional<KeyValue> split_key_value(std::string_view line);

}  // namespace chimera::ingest
