#pragma once

#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// Counts files by kind, bytes, latest modification, directories, skipped files, tables, rows and
// failed rows. The time range of the data comes from the timestamp columns (Unix seconds, floored)
// when any has a value, else from the files' modification times; `time_range_source` says which.
[[nodiscard]] model::Inventory take_inventory(const model::Corpus& corpus);

}  // namespace chimera::analyze
