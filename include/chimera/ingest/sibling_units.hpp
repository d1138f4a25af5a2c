#pragma once

#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// Gives each metric whose unit nothing wrote (UnitSource::assumed: a duration taken as ms, a
// size as MiB) the unit that the other metrics of its table write in their names or units row,
// when they all write the same one: beside mean_ttft_s and mean_load_s, a prompt_overhead
// computed from them is in seconds too. Its values are converted and its unit source becomes
// UnitSource::siblings; its source_unit stays empty, since nothing wrote that unit for it.
// Durations read as Ollama's nanoseconds or from a time span keep their unit.
void settle_by_siblings(model::Columns& columns);

}  // namespace chimera::ingest
