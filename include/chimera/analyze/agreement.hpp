#pragma once

#include <vector>

#include "chimera/analyze/experiments.hpp"
#include "chimera/analyze/records.hpp"
#include "chimera/model/analysis.hpp"

namespace chimera::analyze {

// Configurations measured in two experiments: they share every setting either experiment
// varies (a setting neither run has counts as shared), agree on every other setting both have,
// and name the same model (or neither names one). Each pair is compared on the first
// experiment's headline metric (the second's metric of that kind and unit): medians, and a
// two-sided Mann-Whitney U test over their runs. They agree when the test finds no difference
// (p >= 0.05) or the medians are within 5% of each other. Experiments are compared pairwise in
// their order; configurations are matched by hashing, in time linear in their number.
[[nodiscard]] std::vector<model::Agreement> find_agreements(
    const model::Corpus& corpus, const std::vector<RecordSet>& sets,
    const std::vector<PlannedExperiment>& experiments);

}  // namespace chimera::analyze
