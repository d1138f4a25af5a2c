#include "chimera/app/exit_status.hpp"

#include <fmt/format.h>

namespace chimera::app {

ExitCode exit_status(const model::Config& config, const model::Analysis& analysis,
                     const model::LlmOutcome& llm, const render::Narrative& narrative,
                     std::string& why) {
  why.clear();
  if (llm.status == model::LlmStatus::failed) {
    return ExitCode::degraded;  // the failure itself was already reported
  }
  if (!config.strict) {
    return ExitCode::ok;
  }
  if (!analysis.inventory.skipped.empty()) {
    why = fmt::format("--strict: {} files were skipped (see Data Ingestion Summary)",
                      analysis.inventory.skipped.size());
    return ExitCode::degraded;
  }
  if (!narrative.grounding.unsupported.empty()) {
    why = fmt::format(
        "--strict: {} numbers in the LLM's text are not in the evidence (see Grounding)",
        narrative.grounding.unsupported.size());
    return ExitCode::degraded;
  }
  return ExitCode::ok;
}

}  // namespace chimera::app
