#pragma once

// How every part of the JSON report writes a number and a configuration. Internal to render/.

#include <nlohmann/json.hpp>

#include "chimera/model/analysis.hpp"

namespace chimera::render::detail {

// At most 10 significant digits (a mean of three runs need not print as 66.81500000000001, and
// a report of thousands of configurations stays small); null for NaN or infinity.
[[nodiscard]] nlohmann::ordered_json json_number(double value);

// {"name": "value", ...} in the key's order.
[[nodiscard]] nlohmann::ordered_json json_group(const model::GroupKey& key);

}  // namespace chimera::render::detail
