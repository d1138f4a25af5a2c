#pragma once

#include <string>
#include <vector>

#include "chimera/model/analysis.hpp"

namespace chimera::analyze {

// Deterministic sentences built from an analysis whose inventory, groups, ranking, Pareto front,
// comparisons and findings are filled. Every number in them is taken from those fields and
// written with `format_number` (4 significant digits), so a reader, or a check of the LLM's
// text, can find it in the data.
struct Narrative {
  std::vector<std::string> key_findings;     // most important first
  std::vector<std::string> recommendations;  // most urgent first
};

[[nodiscard]] Narrative write_narrative(const model::Analysis& analysis);

}  // namespace chimera::analyze
