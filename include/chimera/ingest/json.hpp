#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "chimera/ingest/parsed.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// Parses a JSON document (or JSON Lines, for a .jsonl/.ndjson path or a .json file holding one
// value per line) into tables:
// - the scalars outside any array form a one-row table, named by dotted path
//   ("baseline.aggregate_metrics.average_ttft_ms"), each column with its JSON pointer;
// - every array of objects is a table whose rows are its elements (flattened the same way), with
//   a row pointer each; arrays at the same place in sibling records share one table, whose
//   locator is the pointer pattern ("/runs/*/samples");
// - an array of numbers is a table of samples of one metric, one row per number;
// - any other array is kept as its JSON text.
// NaN, Infinity and -Infinity (which Python writes) are read as null. A document that does not
// parse is a failure carrying the parser's line and column.
[[nodiscard]] Parsed parse_json(std::string_view text, const model::SourceRef& where);

// `text` with NaN, Infinity and -Infinity outside strings replaced by null (padded to keep
// offsets where the token is longer), or nullopt when there are none.
[[nodiscard]] std::optional<std::string> replace_non_finite(std::string_view text);

}  // namespace chimera::ingest
