#pragma once

#include <string>

namespace chimera::util {

// A number for people and for the LLM, the same way everywhere so the grounding check can match
// what the model copies: integers without decimals, |v| >= 100 with one decimal, |v| >= 1 with two,
// smaller values with three significant digits. "n/a" for NaN or infinity.
[[nodiscard]] std::string format_number(double value);

}  // namespace chimera::util
