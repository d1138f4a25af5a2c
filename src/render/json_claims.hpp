#pragma once

#include <nlohmann/json.hpp>

#include "chimera/model/analysis.hpp"

namespace chimera::render::detail {

// The JSON report's `claims` object: the counts, per document, and every claim with its
// verdict and the statistic it was compared with.
[[nodiscard]] nlohmann::ordered_json claims_json(const model::Claims& claims);

}  // namespace chimera::render::detail
