#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chimera::ingest {

// A number in JSON text too large for a double, such as 1e999 or a 400-digit integer.
struct OutOfRangeNumber {
  std::size_t byte = 0;        // where it starts in the text
  std::size_t size = 0;        // its length in bytes
  std::size_t null_index = 0;  // how many null literals precede it once it is replaced
};

// Index of the quote that ends a string whose text starts at `from`, or npos.
[[nodiscard]] std::size_t closing_quote(std::string_view text, std::size_t from);

// `text` with every number outside strings that a double cannot hold replaced by null, padded
// with spaces to keep offsets; the numbers are appended to `found` in text order. Numbers too
// small for a double are left alone: they read as zero.
[[nodiscard]] std::string replace_out_of_range(std::string_view text,
                                               std::vector<OutOfRangeNumber>& found);

}  // namespace chimera::ingest
