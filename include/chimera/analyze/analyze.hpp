#pragma once

#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// Computes the inventory, experiments, statistics and findings of a corpus on up to `jobs`
// threads (0: one per core). Pure and deterministic: the result does not depend on `jobs`.
[[nodiscard]] model::Analysis analyze(const model::Corpus& corpus, unsigned jobs = 0);

}  // namespace chimera::analyze
