#pragma once

#include <string>

namespace chimera::util {

// A number for people and for the LLM, the same way everywhere so the grounding check can match
// what the model copies: integers without decimals, |v| >= 100 with one decimal, |v| >= 1 with two,
// smaller values with three significant digits. "n/a" for NaN or infinity.
[[nodiscard]] std::string format_number(double value);

// A p-value as people read one: format_number down to 0.0001, "< 0.0001" below it (a p of 3e-17
// says no more to a reader than 1e-5, and "0" would be false).
[[nodiscard]] std::string format_p(double p);

// "p = 0.0312" or "p < 0.0001", for sentences.
[[nodiscard]] std::string p_clause(double p);

}  // namespace chimera::util
