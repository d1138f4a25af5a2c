#pragma once

#include "chimera/model/analysis.hpp"
#include "chimera/prompt/evidence.hpp"

namespace chimera::prompt::detail {

// "Documents vs data": the counts of the corpus's documents' claims, and the contradicted
// ones (largest difference first, at most 20), so that the narrative can warn about them.
[[nodiscard]] EvidenceSection claims_section(const model::Analysis& analysis);

}  // namespace chimera::prompt::detail
