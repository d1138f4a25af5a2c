#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "chimera/app/progress.hpp"
#include "chimera/llm/client.hpp"
#include "chimera/model/analysis.hpp"
#include "chimera/model/config.hpp"
#include "chimera/model/corpus.hpp"
#include "chimera/model/llm.hpp"
#include "chimera/prompt/evidence.hpp"
#include "chimera/prompt/template.hpp"
#include "chimera/util/result.hpp"

namespace chimera::app {

// The persona prompts of a run: the shared system message and one user message per pass.
struct Prompts {
  prompt::PromptText system;
  prompt::PromptText analysis;
  prompt::PromptText report;
};

// Loads the prompts (built in, or from --prompts DIR) and checks their placeholders, so a typo
// in an override is a usage error before anything else runs.
[[nodiscard]] Result<Prompts> load_prompts(const model::Config& config);

// "num_gpu=140, num_ctx=2048, temp=0.8": the options in the order and spelling the report shows.
[[nodiscard]] std::string format_options(const model::LlmOptions& options);

// The two LLM passes of one run. Both send the same leading messages (the system message with
// the evidence, then the analysis request), so the server can reuse its prompt cache: the report
// pass continues the analysis pass's conversation.
class LlmSession {
 public:
  LlmSession(const model::Config& config, Prompts prompts, Progress& progress);

  // Marks the run as not using an LLM, with the reason the report shows.
  void skip(std::string reason);
  // Asks `client` whether the server and model are there. On failure the outcome is skipped with
  // the server's one-line reason and false is returned; the caller decides about --llm require.
  [[nodiscard]] bool preflight(llm::LlmClient& client);
  // Builds the evidence from `corpus` and `analysis`, cut to fit num_ctx, and runs the analysis
  // pass. Does nothing unless preflight succeeded.
  void analysis_pass(const model::Corpus& corpus, const model::Analysis& analysis);
  // Runs the report pass after a successful analysis pass.
  void report_pass();

  [[nodiscard]] const model::LlmOutcome& outcome() const { return m_outcome; }
  // Every evidence text sent to the model, for the grounding check.
  [[nodiscard]] const std::string& evidence() const { return m_evidence_sent; }
  // Whether a request to the server ended because of Ctrl-C: that Ctrl-C was for the LLM, and
  // the report is still written.
  [[nodiscard]] bool cancelled() const { return m_cancelled; }

 private:
  // Tokens left for the evidence so that a prompt of `fixed` other tokens, the report pass's
  // answer and, while `findings_pending`, the analysis pass's answer fit num_ctx.
  [[nodiscard]] std::int64_t evidence_budget(std::int64_t fixed, bool findings_pending) const;
  [[nodiscard]] Result<std::string> system_message(std::int64_t budget);
  [[nodiscard]] std::int64_t estimate(const std::vector<llm::Message>& messages) const;
  // The server's exact count of `messages` (its tokenizer, plus the chat template's allowance),
  // or nullopt when it offers none.
  [[nodiscard]] std::optional<std::int64_t> count(const std::vector<llm::Message>& messages);
  // Builds the analysis pass's messages with the evidence fitted to num_ctx, recalibrating the
  // estimator and fitting again while the server's exact count exceeds the estimate. Returns the
  // prompt's tokens (counted, else estimated), or nullopt after failing the run.
  [[nodiscard]] std::optional<std::int64_t> fit_analysis_messages();
  bool run_pass(const std::string& name, std::int64_t estimated);
  void fail_run(const std::string& reason);

  const model::Config& m_config;
  Prompts m_prompts;
  Progress& m_progress;
  llm::LlmClient* m_client = nullptr;
  model::LlmOutcome m_outcome;
  prompt::TokenEstimator m_estimator;
  std::vector<prompt::EvidenceSection> m_sections;
  prompt::Values m_values;
  std::vector<llm::Message> m_messages;
  std::string m_evidence_sent;
  bool m_cancelled = false;
};

}  // namespace chimera::app
