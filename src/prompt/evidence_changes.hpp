#pragma once

// The --baseline part of the evidence pack. Internal to prompt/.

#include "chimera/model/analysis.hpp"
#include "chimera/prompt/evidence.hpp"

namespace chimera::prompt::detail {

// "Changes since baseline": the regressions (worst first), then the improvements, one line
// each, then the counts of the rest and the configurations added and removed. No lines without
// a baseline.
[[nodiscard]] EvidenceSection changes_section(const model::Analysis& analysis);

}  // namespace chimera::prompt::detail
