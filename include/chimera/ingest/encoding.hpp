#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// A file's bytes made into UTF-8 text for the parsers, or the reason they cannot be. Text that is
// valid UTF-8 already is not copied: it is a view of the bytes given to decode(), which must
// outlive it; only text that had to be transcoded or repaired is held here.
struct Decoded {
  std::string_view slice;                      // the text, when it is the bytes as given
  std::optional<std::string> converted;        // the text, when it had to be changed
  std::vector<model::Diagnostic> diagnostics;  // transcoding and replacement notes
  std::optional<std::string> skip_reason;      // set for a binary file; text is then empty

  // UTF-8, without a byte order mark.
  [[nodiscard]] std::string_view text() const {
    return converted ? std::string_view(*converted) : slice;
  }
};

// Strips a UTF-8 BOM; transcodes UTF-16 (LE or BE, with a BOM or recognised by its zero bytes)
// to UTF-8 with a note; treats any other file with a NUL byte as binary (skipped); replaces
// invalid UTF-8 sequences with U+FFFD and reports how many and the first line.
[[nodiscard]] Decoded decode(std::string_view bytes, const model::SourceRef& where);

}  // namespace chimera::ingest
