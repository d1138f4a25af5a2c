#pragma once

#include <vector>

#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// A duration written without a unit is taken as milliseconds. When the same record also holds
// the start and end timestamps it spans (`run.execution_time` beside `run.start_time` and
// `run.end_time`), the span tells the unit: a value equal to the span in seconds, to within 1%,
// in every row where all three are present, was written in seconds and is converted to ms.
void settle_unitless_durations(model::Columns& columns);

}  // namespace chimera::ingest
