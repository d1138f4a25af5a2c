#pragma once

// What every parser's fuzz target does: arbitrary bytes go through encoding detection, then the
// parser, and every table it returns must be well-formed (one entry per row in every column).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "chimera/ingest/encoding.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::fuzz {

template <typename Parse>
int fuzz_parser(const std::uint8_t* data, std::size_t size, const model::SourceRef& where,
                Parse parse) {
  const auto decoded =
      ingest::decode(std::string_view(reinterpret_cast<const char*>(data), size), where);
  if (decoded.skip_reason) {
    return 0;
  }
  const auto parsed = parse(decoded.text(), where);
  for (const auto& table : parsed.tables) {
    const std::size_t rows = table.rows();
    if (table.failure_reason.size() != rows) {
      std::abort();
    }
    for (const auto& column : table.columns) {
      if ((!column.numbers.empty() && column.numbers.size() != rows) ||
          (!column.texts.empty() && column.texts.size() != rows) ||
          (column.numbers.empty() && column.texts.empty() && rows != 0)) {
        std::abort();
      }
    }
  }
  return 0;
}

}  // namespace chimera::fuzz
