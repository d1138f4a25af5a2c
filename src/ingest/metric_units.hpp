#pragma once

#include <string_view>
#include <vector>

#include "chimera/ingest/names.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// Settles the kind, base kind, unit, unit source and direction of a numeric metric column from
// what its name says (`info`) and the units written in its cells (`cell_units`, one per value,
// "" where none), and converts `values` in place to the canonical unit. The unit comes from the
// name (a units row counting as the name), else the cells, else it is assumed: a duration as ms,
// or as Ollama's ns when its values are large whole numbers. A unit in the cells corrects the
// kind the name gave: a delta in % is an improvement, a number of unknown meaning in ms is a
// duration. Cells in units of more than one family ("99.31 tok/s" above "3759.71 ms") leave the
// column of kind other, unconverted.
void settle_metric(model::ColumnHead& head, std::vector<double>& values, const NameInfo& info,
                   const std::vector<std::string_view>& cell_units);

}  // namespace chimera::ingest
