#pragma once

#include <functional>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chimera::grounding {

// A number as written in text, with the unit that follows it.
struct Quantity {
  double value = 0;        // as written, sign dropped (the check compares magnitudes)
  int decimals = 0;        // digits written after the decimal point
  std::string unit;        // canonical spelling: "%", "ms", "s", "us", "min", "tok/s", "tokens",
                           // "MiB", "GiB", "MB", "GB", "x", or "" for a bare number
  std::size_t offset = 0;  // byte offset of the first digit in the text
  std::size_t length = 0;  // bytes of number and unit
};

// Every number in `text` with its unit. With `skip_structure`, numbers that are structure, not
// claims, are left out: list numbers at the start of a line ("1.", "2)"), numbers in ATX headings,
// numbers inside identifiers ("gemma3", "run_001", "Q4_K_M"), versions ("1.2.3"), dates
// ("2025-11-10"), clock times ("12:30") and numbers after '#' ("#3").
[[nodiscard]] std::vector<Quantity> find_numbers(std::string_view text, bool skip_structure);

// The numbers of an evidence pack, against which the LLM's numbers are checked.
class Evidence {
 public:
  explicit Evidence(std::string_view pack);
  // True when some evidence number, converted to `q`'s unit (s/ms/us/min, fraction/percent,
  // MB/MiB/GB/GiB), rounds to `q` at the digits written. A bare evidence number matches any unit;
  // a bare written number matches any evidence number at face value.
  [[nodiscard]] bool supports(const Quantity& q) const;
  [[nodiscard]] std::size_t size() const { return m_numbers.size(); }

 private:
  std::vector<Quantity> m_numbers;
};

// One number of the LLM's text, checked.
struct Mention {
  std::string text;     // as written, e.g. "92.3%"
  std::string section;  // report section it appears in, e.g. "Executive Summary"
  std::size_t offset = 0;
  std::size_t length = 0;
  bool supported = false;
  std::string why;  // when unsupported: why, for people
};

// What the claims engine says of one number of a sentence. `known` is false when it cannot
// tell (no metric named beside the number, or more than one configuration could be meant).
struct SentenceVerdict {
  bool known = false;
  bool supported = false;
  std::string why;  // when known and unsupported
};

// Judges the number `q` of `sentence` (q.offset is within the sentence) by what it measures.
// Given by the caller (app), so that grounding does not depend on the analysis stage.
using SentenceJudge = std::function<SentenceVerdict(std::string_view sentence, const Quantity& q)>;

// Checks every number of `text`, which appears in `section` of the report. With a `judge`, a
// number whose sentence says what it measures is supported only when the judge says so (a
// quantity the runs never measure, or another configuration's value, is not); numbers the
// judge cannot place are supported when the evidence holds a number that rounds to them.
[[nodiscard]] std::vector<Mention> check(std::string_view text, std::string_view section,
                                         const Evidence& evidence,
                                         const SentenceJudge* judge = nullptr);

// The whole report's tally.
struct Summary {
  std::size_t checked = 0;
  std::size_t supported = 0;
  std::vector<Mention> unsupported;  // in report order
};

// Adds `mentions` to `summary`.
void tally(Summary& summary, const std::vector<Mention>& mentions);

// Inserts " [U<n>]" after each unsupported mention of `text`, numbering from `first_ref`;
// returns the marked text. `mentions` must come from check() on the same text.
[[nodiscard]] std::string mark_unsupported(std::string_view text,
                                           const std::vector<Mention>& mentions,
                                           std::size_t first_ref);

}  // namespace chimera::grounding
