#pragma once

#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// Counts files by kind, bytes, latest modification, directories, skipped files, tables and rows.
[[nodiscard]] model::Inventory take_inventory(const model::Corpus& corpus);

}  // namespace chimera::analyze
