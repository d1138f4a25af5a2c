#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chimera::analyze {

// A number as a document writes it, with where it lies and the unit that follows it.
struct WrittenNumber {
  std::size_t begin = 0;
  std::size_t end = 0;  // past the number and its unit
  double value = 0;
  double upper = 0;               // the upper end of a range ("15-20%"), else value
  int decimals = 0;               // digits written after the point
  std::string unit;               // "ms", "s", "tok/s", "tokens", "MiB", "GiB", "%", "x", or ""
  bool after_plus_minus = false;  // "± 0.00": a spread
  bool signed_change = false;     // "+0.37", "-15.02": a difference, not a measurement
};

// Every number of `text` that may be a measurement. Left out: numbers inside names ("g80",
// "gemma3", "q4_0"), setting values ("num_gpu=80"), versions, dates and times, numbers after
// '#', indices ("Run 3", "Section 2", "Top 5") and counts ("16 runs", "3 files"). A range
// ("15-20%") is one number; "98.72 → 99.10 tok/s" gives its unit to both.
[[nodiscard]] std::vector<WrittenNumber> numbers_in(std::string_view text);

}  // namespace chimera::analyze
