#pragma once

// The CSV form of `chimera export`: a header (experiment, source, locator, config.<setting>...,
// replicate, column, kind, unit, direction, value, failed), then one record a line; fields with
// a comma, quote or line break are quoted, quotes doubled (RFC 4180). Internal to ingest/.

#include <string>
#include <string_view>

#include "chimera/util/result.hpp"
#include "records_sink.hpp"

namespace chimera::ingest::detail {

// Reads every record of `text` into `sink`. Fails naming "<path>:<line>".
[[nodiscard]] Result<void> read_csv_records(std::string_view text, const std::string& path,
                                            RecordSink& sink);

}  // namespace chimera::ingest::detail
