#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace chimera::ingest {

// `text` without leading and trailing ASCII whitespace (and non-breaking spaces).
[[nodiscard]] std::string_view trim(std::string_view text);

// True for the spellings of "no value" found in benchmark tables, after trimming:
// "", "NA", "N/A", "NaN", "null", "None", "-", "nil" (case-insensitive).
[[nodiscard]] bool is_null_token(std::string_view text);

// The whole trimmed cell as a finite decimal number ("42", "+1.5", "-3e-2"); nullopt otherwise.
[[nodiscard]] std::optional<double> parse_number(std::string_view text);
// parse_number for per-cell loops: true with `value` set when parse_number has a value, and
// `integral` set to whether the text is written as an integer (no '.', no exponent); false with
// both untouched otherwise.
[[nodiscard]] bool read_number(std::string_view text, double& value, bool& integral);

// True when parse_number would succeed and the text is written as an integer (no '.', no exponent).
[[nodiscard]] bool looks_integral(std::string_view text);

// A number at the start of a cell followed by an optional unit and an annotation, as Markdown
// reports write them: "40.99 tok/s", "26.77s", "99.31 ± 0.00", "+0.2% (+0.19)". `unit` is the
// unit as written ("" when none); anything after it must start with '±', "+/-", '(' or '['.
struct LeadingNumber {
  double value = 0.0;
  std::string_view unit;
};
[[nodiscard]] std::optional<LeadingNumber> parse_leading_number(std::string_view text);

// "true"/"false"/"yes"/"no" (case-insensitive); nullopt otherwise.
[[nodiscard]] std::optional<bool> parse_boolean(std::string_view text);

// An ISO 8601 date or date-time ("2025-11-10", "2025-11-10T05:12:37.98Z", "2025-11-10 05:12:57 UTC",
// "...+02:00") as Unix seconds; a time without a zone is taken as UTC. nullopt otherwise.
[[nodiscard]] std::optional<double> parse_timestamp(std::string_view text);

}  // namespace chimera::ingest
