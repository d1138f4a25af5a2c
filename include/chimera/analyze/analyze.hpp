#pragma once

#include "chimera/analyze/baseline.hpp"
#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// Computes the inventory, experiments, statistics and findings of a corpus on up to `jobs`
// threads (0: one per core). Pure and deterministic: the result does not depend on `jobs`.
// With a baseline, Analysis::comparison holds the changes against it (compare_to_baseline).
[[nodiscard]] model::Analysis analyze(const model::Corpus& corpus, unsigned jobs = 0,
                                      const BaselineRequest* baseline = nullptr);

}  // namespace chimera::analyze
