#pragma once

#include "chimera/grounding/grounding.hpp"
#include "chimera/model/analysis.hpp"

namespace chimera::app {

// The judge grounding checks the LLM's numbers with: the claims engine of analyze/ on each
// sentence, against the experiments' statistics (what the evidence pack gives the LLM).
// A number about a quantity no run measures (utilisation, accuracy, cost) is unsupported; one
// whose metric and configuration match is supported only when a statistic of them equals it;
// numbers the engine cannot place are left to the evidence check. `analysis` must outlive it.
[[nodiscard]] grounding::SentenceJudge narrative_judge(const model::Analysis& analysis);

}  // namespace chimera::app
