#pragma once

// The --baseline part of the JSON report. Internal to render/.

#include <nlohmann/json.hpp>

#include "chimera/model/analysis.hpp"

namespace chimera::render::detail {

// Sets root["baseline"] (null without --baseline) and root["changes"] (every change, in the
// report's order: regressions worst first, improvements, unchanged, not comparable).
void changes_json(const model::Analysis& analysis, nlohmann::ordered_json& root);

}  // namespace chimera::render::detail
