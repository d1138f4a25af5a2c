#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// A file's bytes made into UTF-8 text for the parsers, or the reason it cannot be.
struct Decoded {
  std::string text;                            // UTF-8, without a byte order mark
  std::vector<model::Diagnostic> diagnostics;  // transcoding and replacement notes
  std::optional<std::string> skip_reason;      // set for a binary file; text is then empty
};

// Strips a UTF-8 BOM; transcodes UTF-16 (LE or BE, with a BOM or recognised by its zero bytes)
// to UTF-8 with a note; treats any other file with a NUL byte as binary (skipped); replaces
// invalid UTF-8 sequences with U+FFFD and reports how many and the first line.
[[nodiscard]] Decoded decode(std::string bytes, const model::SourceRef& where);

}  // namespace chimera::ingest
