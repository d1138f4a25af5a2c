#pragma once

#include <string>

#include "chimera/app.hpp"
#include "chimera/model/analysis.hpp"
#include "chimera/model/config.hpp"
#include "chimera/model/llm.hpp"
#include "chimera/render/narrative.hpp"

namespace chimera::app {

// How a run that wrote its report ends: regression (5) under --fail-on-regression when a metric
// regressed against --baseline; degraded (1) when an LLM pass failed after preflight, or
// under --strict when a file was skipped or a number in the LLM's text is unsupported; else ok.
// `why` receives one line for stderr when the run is degraded by --strict.
[[nodiscard]] ExitCode exit_status(const model::Config& config, const model::Analysis& analysis,
                                   const model::LlmOutcome& llm, const render::Narrative& narrative,
                                   std::string& why);

}  // namespace chimera::app
