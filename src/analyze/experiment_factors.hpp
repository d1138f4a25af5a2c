#pragma once

// One experiment planned from its record sets: factors from the data and the locations, fixed
// settings, and the configuration of every run. Internal to analyze/.

#include <vector>

#include "chimera/analyze/experiments.hpp"

namespace chimera::analyze::detail {

// The experiment of the record sets `members` (indices into `sets`), which share a kind,
// metrics and a location shape. Its id is left for the caller.
[[nodiscard]] PlannedExperiment plan_group(const model::Corpus& corpus,
                                           const std::vector<RecordSet>& sets,
                                           const std::vector<std::size_t>& members);

}  // namespace chimera::analyze::detail
