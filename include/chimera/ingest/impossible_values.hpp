#pragma once

#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// Whether a metric of this kind can never be negative: the raw measurements (a duration,
// throughput, size or token count) and counts. Differences, ratios, percents, temperatures and
// numbers of unknown meaning can.
[[nodiscard]] bool never_negative(model::MetricKind kind);

// Takes the negative values out of the table's never-negative metric columns: they read as
// missing from then on, and the ones in runs that did not fail (table.failed) are listed in
// table.impossible with their column, row and value, for a finding. A harness's -1 for "not
// measured" or a clock that went backwards must not move a median.
void exclude_impossible(model::Table& table);

}  // namespace chimera::ingest
