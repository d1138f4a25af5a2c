#pragma once

#include <string>
#include <string_view>

#include "chimera/model/analysis.hpp"

namespace chimera::analyze {

// A number for the sentences of findings: 4 significant digits in fixed notation, trailing zeros
// dropped, the integer part never rounded ("3517", "423.1", "0.0625", "12345"). Deterministic, so
// the same value always reads the same; "nan" for a missing value.
[[nodiscard]] std::string format_number(double value);

// A number plus its unit when it has one: "423.1 ms", "65.08 tok/s", "12".
[[nodiscard]] std::string format_value(double value, std::string_view unit);

// A dimension value as it appears in a group key: the shortest text that reads back as the same
// double ("60", "0.6", "1024").
[[nodiscard]] std::string format_dimension(double value);

// "model=gemma3:latest num_gpu=60"; "(all)" for an empty key.
[[nodiscard]] std::string format_key(const model::GroupKey& key);

}  // namespace chimera::analyze
