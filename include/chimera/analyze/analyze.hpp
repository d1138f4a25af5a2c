#pragma once

#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// Computes the inventory, statistics and findings of a corpus. Pure and deterministic.
[[nodiscard]] model::Analysis analyze(const model::Corpus& corpus);

}  // namespace chimera::analyze
