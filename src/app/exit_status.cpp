#include "chimera/app/exit_status.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <vector>

#include "chimera/model/changes.hpp"

namespace chimera::app {

ExitCode exit_status(const model::Config& config, const model::Analysis& analysis,
                     const model::LlmOutcome& llm, const render::Narrative& narrative,
                     std::string& why) {
  why.clear();
  // A regression is what a nightly job fails on: it outranks a degraded narrative.
  if (config.fail_on_regression && analysis.comparison != nullptr) {
    if (const std::size_t n = analysis.comparison->count(model::Verdict::regressed); n > 0) {
      why = fmt::format(
          "--fail-on-regression: {} {} regressed against the baseline (see Changes "
          "since baseline)",
          n, n == 1 ? "metric" : "metrics");
      return ExitCode::regression;
    }
  }
  if (llm.status == model::LlmStatus::failed) {
    return ExitCode::degraded;  // the failure itself was already reported
  }
  if (!config.strict) {
    return ExitCode::ok;
  }
  // Name every reason, so one --strict run tells the whole story.
  std::vector<std::string> reasons;
  if (const std::size_t n = analysis.inventory.skipped.size(); n > 0) {
    reasons.push_back(fmt::format("{} {} skipped (see Data Ingestion Summary)", n,
                                  n == 1 ? "file was" : "files were"));
  }
  if (const std::size_t n = analysis.claims.contradicted; n > 0) {
    reasons.push_back(fmt::format("{} {} in the corpus's documents {} the runs (see Documents vs data)",
                                  n, n == 1 ? "number" : "numbers",
                                  n == 1 ? "contradicts" : "contradict"));
  }
  if (const std::size_t n = narrative.grounding.unsupported.size(); n > 0) {
    reasons.push_back(fmt::format("{} {} in the LLM's text {} not in the evidence (see Grounding)",
                                  n, n == 1 ? "number" : "numbers", n == 1 ? "is" : "are"));
  }
  if (!reasons.empty()) {
    why = fmt::format("--strict: {}", fmt::join(reasons, "; "));
    return ExitCode::degraded;
  }
  return ExitCode::ok;
}

}  // namespace chimera::app
