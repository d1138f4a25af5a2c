#pragma once

#include <string_view>

#include "chimera/ingest/parsed.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// The delimiter of a delimited file: tab for a .tsv path, otherwise whichever of ',', ';' and
// tab occurs most often in the first record outside quotes (',' when none does).
[[nodiscard]] char sniff_delimiter(std::string_view text, std::string_view path);

// Parses CSV/TSV text (UTF-8, BOM already stripped) into one table whose first record is the
// header. RFC 4180 quoting: delimiters, doubled quotes and newlines inside quotes; CRLF or LF line
// ends; blank lines ignored. A row with the wrong number of fields is kept (missing fields read as
// null, extra fields dropped) and reported with its line. Empty, NA, N/A, NaN, null, None and -
// are nulls. A cell holding JSON is kept as text.
[[nodiscard]] Parsed parse_csv(std::string_view text, const model::SourceRef& where);

}  // namespace chimera::ingest
