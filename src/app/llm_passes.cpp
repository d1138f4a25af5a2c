#include "chimera/app/llm_passes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "chimera/llm/metrics.hpp"

namespace chimera::app {
namespace {

// Chat templates add a few tokens of their own around each message.
constexpr std::int64_t k_tokens_per_message = 8;

// Tokens kept free for the report pass's answer: num_predict when set, else enough for the
// 300 to 400 words the report prompt asks for.
std::int64_t answer_reserve(const model::LlmOptions& o) {
  if (o.num_predict && *o.num_predict > 0) {
    return *o.num_predict;
  }
  return std::min<std::int64_t>(768, o.num_ctx / 4);
}

// Tokens kept in the report pass's prompt for the analysis pass's answer (4 to 7 findings).
std::int64_t findings_reserve(const model::LlmOptions& o) {
  return std::min<std::int64_t>(answer_reserve(o), 384);
}

std::int64_t margin(const model::LlmOptions& o) {
  return 32 + o.num_ctx / 64;
}

// An OpenAI-compatible server without a tokenizer to ask gives no count to check a prompt by
// before it is sent: its tokens are estimated at 1.8 bytes each, not 3. Numbers and table
// punctuation, which the evidence is made of, cost about that much on llama.cpp's tokenizers.
// (Ollama says how many tokens it evaluated, and a prompt it cut is fitted again.)
constexpr std::int64_t k_conservative_bytes_per_token_tenths = 18;

// A server that counts the prompt at (or just under) num_ctx filled its window: it cut the
// prompt, keeping the tail.
bool filled_the_window(const model::PassMetrics& m, const model::LlmOptions& o) {
  return m.prompt_eval_count &&
         *m.prompt_eval_count >= o.num_ctx - o.num_ctx / llm::k_window_slack_divisor;
}

}  // namespace

Result<Prompts> load_prompts(const model::Config& config) {
  Prompts prompts;
  for (auto [name, slot] :
       {std::pair{"system", &prompts.system}, std::pair{"analysis", &prompts.analysis},
        std::pair{"report", &prompts.report}}) {
    auto loaded = prompt::load_prompt(name, config.prompts_dir);
    if (!loaded) {
      return tl::unexpected(loaded.error());
    }
    if (auto valid = prompt::validate(*loaded); !valid) {
      return tl::unexpected(valid.error());
    }
    *slot = std::move(*loaded);
  }
  return prompts;
}

std::string format_options(const model::LlmOptions& o) {
  std::vector<std::string> parts;
  if (o.num_gpu) {
    parts.push_back(fmt::format("num_gpu={}", *o.num_gpu));
  }
  parts.push_back(fmt::format("num_ctx={}", o.num_ctx));
  if (o.temperature) {
    parts.push_back(fmt::format("temp={}", *o.temperature));
  }
  if (o.top_p) {
    parts.push_back(fmt::format("top_p={}", *o.top_p));
  }
  if (o.top_k) {
    parts.push_back(fmt::format("top_k={}", *o.top_k));
  }
  if (o.repeat_penalty) {
    parts.push_back(fmt::format("repeat_penalty={}", *o.repeat_penalty));
  }
  if (o.seed) {
    parts.push_back(fmt::format("seed={}", *o.seed));
  }
  if (o.num_predict) {
    parts.push_back(fmt::format("num_predict={}", *o.num_predict));
  }
  if (o.keep_alive) {
    parts.push_back(fmt::format("keep_alive={}", *o.keep_alive));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

LlmSession::LlmSession(const model::Config& config, Prompts prompts, Progress& progress)
    : m_config(config), m_prompts(std::move(prompts)), m_progress(progress) {
  m_outcome.model = config.model;
  m_outcome.endpoint = config.host;
  m_outcome.options = format_options(config.options);
}

void LlmSession::skip(std::string reason) {
  m_outcome.status = model::LlmStatus::skipped;
  m_outcome.reason = std::move(reason);
  m_client = nullptr;
}

bool LlmSession::preflight(llm::LlmClient& client) {
  auto info = client.preflight(m_config.model);
  if (!info) {
    m_cancelled = info.error().kind == llm::FailureKind::cancelled;
    skip(info.error().message.empty() ? "the LLM endpoint is unavailable" : info.error().message);
    return false;
  }
  m_outcome.server = *info;
  m_outcome.status = model::LlmStatus::ok;
  m_client = &client;
  return true;
}

void LlmSession::fail_run(const std::string& reason) {
  m_outcome.status = model::LlmStatus::failed;
  m_outcome.reason = reason;
  m_client = nullptr;
}

std::int64_t LlmSession::estimate(const std::vector<llm::Message>& messages) const {
  std::int64_t total = 0;
  for (const auto& m : messages) {
    total += m_estimator.estimate(m.content) + k_tokens_per_message;
  }
  return total;
}

std::optional<std::int64_t> LlmSession::count(const std::vector<llm::Message>& messages) {
  const auto tokens = m_client->count_tokens(messages);
  if (!tokens) {
    return std::nullopt;
  }
  return *tokens + k_tokens_per_message * static_cast<std::int64_t>(messages.size());
}

std::int64_t LlmSession::evidence_budget(std::int64_t fixed, bool findings_pending) const {
  const auto& o = m_config.options;
  return o.num_ctx - margin(o) - fixed - answer_reserve(o) -
         (findings_pending ? findings_reserve(o) : 0);
}

Result<std::string> LlmSession::system_message(std::int64_t budget) {
  // {{evidence}} may appear in any prompt, and more than once: share the budget among them.
  prompt::Values probe = m_values;
  probe["evidence"] = std::string(1, '\x01');
  std::int64_t uses = 0;
  for (const auto* p : {&m_prompts.system, &m_prompts.analysis, &m_prompts.report}) {
    auto text = prompt::fill(*p, probe);
    if (!text) {
      return tl::unexpected(text.error());
    }
    uses += std::count(text->begin(), text->end(), '\x01');
  }
  const std::string evidence = prompt::fit_evidence(
      m_sections, std::max<std::int64_t>(budget, 0) / std::max<std::int64_t>(uses, 1), m_estimator);
  m_values["evidence"] = evidence;
  m_evidence_sent.append(evidence).push_back('\n');
  return prompt::fill(m_prompts.system, m_values);
}

bool LlmSession::run_pass(const std::string& name, std::int64_t estimated) {
  llm::ChatRequest request{m_config.model, m_messages, m_config.options, estimated};
  m_progress.pass_started(name);
  auto result =
      m_client->chat(request, [this](std::string_view piece) { m_progress.token(piece); });
  m_progress.pass_finished();
  model::PassResult pass;
  pass.name = name;
  if (result) {
    pass.ok = true;
    pass.text = std::move(result->text);
    pass.metrics = result->metrics;
  } else {
    m_cancelled = result.error().kind == llm::FailureKind::cancelled;
    pass.text = result.error().partial_text;
    pass.error = result.error().message;
    pass.metrics = result.error().metrics;
  }
  m_outcome.passes.push_back(std::move(pass));
  if (!m_outcome.passes.back().ok) {
    fail_run(name + " pass failed: " + m_outcome.passes.back().error);
    return false;
  }
  return true;
}

std::optional<std::int64_t> LlmSession::fit_analysis_messages() {
  const std::size_t sent_before = m_evidence_sent.size();
  for (int attempt = 1;; ++attempt) {
    m_evidence_sent.resize(sent_before);  // only the evidence finally sent is checked against
    // What every prompt costs without the evidence, counting the report pass that follows.
    std::int64_t fixed = 4 * k_tokens_per_message;
    for (const auto* p : {&m_prompts.system, &m_prompts.analysis, &m_prompts.report}) {
      auto text = prompt::fill(*p, m_values);
      fixed += text ? m_estimator.estimate(*text) : 0;
    }
    auto system = system_message(evidence_budget(fixed, true));
    auto user = system ? prompt::fill(m_prompts.analysis, m_values) : system;
    if (!user) {
      fail_run(describe(user.error()));
      return std::nullopt;
    }
    m_messages = {{"system", std::move(*system)}, {"user", std::move(*user)}};
    const std::int64_t estimated = estimate(m_messages);
    const auto counted = count(m_messages);
    if (!counted && attempt == 1 && m_config.api == model::ApiKind::openai) {
      // TokenEstimator counts bytes / 3; calibrated by 30 / 18 it counts bytes / 1.8.
      m_estimator.calibrate(k_conservative_bytes_per_token_tenths, 30);
      continue;
    }
    // Within 2% of the estimate the fit holds; a few tries settle any tokenizer.
    if (!counted || *counted <= estimated + estimated / 50 || attempt == 3) {
      return counted.value_or(estimated);
    }
    m_estimator.calibrate(estimated, *counted);
  }
}

void LlmSession::analysis_pass(const model::Corpus& corpus, const model::Analysis& analysis) {
  if (m_client == nullptr) {
    return;
  }
  m_sections = prompt::evidence_sections(corpus, analysis);
  m_values = {{"evidence", ""}, {"corpus", prompt::corpus_line(analysis)},
              {"findings", ""}, {"statistics", ""},
              {"analysis", ""}, {"model", m_config.model}};
  for (const auto& s : m_sections) {
    const bool stats = s.title.rfind("Metrics", 0) == 0 || s.title.rfind("Configurations", 0) == 0;
    const bool findings = s.title.find("findings") != std::string::npos;
    if (stats) {
      m_values["statistics"] += prompt::to_text(s);
    } else if (findings) {
      m_values["findings"] += prompt::to_text(s);
    }
  }
  auto tokens = fit_analysis_messages();
  if (!tokens || !run_pass("analysis", *tokens)) {
    return;
  }
  const model::PassMetrics first = m_outcome.passes.back().metrics;
  if (filled_the_window(first, m_config.options)) {
    // The server cut the prompt to its window from the head, where the most important evidence
    // is: the answer rests on what was left. How much was cut is unknown; assume the prompt was
    // twice the window's worth, fit it again and ask again, once: a pass costs more than
    // evidence does.
    const auto& o = m_config.options;
    const double factor = std::clamp(2.0 * static_cast<double>(o.num_ctx) /
                                         static_cast<double>(std::max<std::int64_t>(*tokens, 1)),
                                     2.0, 4.0);
    m_estimator.calibrate(*tokens, static_cast<std::int64_t>(
                                       std::ceil(static_cast<double>(*tokens) * factor)));
    const std::string note = fmt::format(
        "the first try filled the server's window ({} prompt tokens counted, num_ctx={}), so "
        "the server cut the prompt; the evidence was refitted and the pass asked again",
        *first.prompt_eval_count, o.num_ctx);
    m_outcome.passes.pop_back();
    tokens = fit_analysis_messages();
    if (!tokens || !run_pass("analysis", *tokens)) {
      return;
    }
    m_outcome.passes.back().metrics.refit_note = note;
  }
  const auto& metrics = m_outcome.passes.back().metrics;
  if (metrics.prompt_eval_count && !filled_the_window(metrics, m_config.options)) {
    m_estimator.calibrate(*tokens, *metrics.prompt_eval_count);
  }
}

void LlmSession::report_pass() {
  if (m_client == nullptr || m_outcome.passes.empty()) {
    return;
  }
  const std::string& answer = m_outcome.passes.back().text;
  m_values["analysis"] = answer;
  auto report = prompt::fill(m_prompts.report, m_values);
  if (!report) {
    fail_run(describe(report.error()));
    return;
  }
  m_messages.push_back({"assistant", answer});
  m_messages.push_back({"user", std::move(*report)});
  std::int64_t estimated = estimate(m_messages);
  if (const auto counted = count(m_messages); counted && *counted > estimated) {
    m_estimator.calibrate(estimated, *counted);
    estimated = *counted;
  }
  const std::int64_t overflow = estimated + answer_reserve(m_config.options) +
                                margin(m_config.options) - m_config.options.num_ctx;
  if (overflow > 0) {
    // The calibrated estimate says the shared prefix no longer fits: resend a shorter evidence
    // pack, giving up the prompt cache rather than the end of the conversation.
    const std::int64_t current = m_estimator.estimate(m_values["evidence"]);
    auto system = system_message(current - overflow);
    auto user = system ? prompt::fill(m_prompts.analysis, m_values) : system;
    auto again = user ? prompt::fill(m_prompts.report, m_values) : user;
    if (!again) {
      fail_run(describe(again.error()));
      return;
    }
    m_messages[0].content = std::move(*system);
    m_messages[1].content = std::move(*user);
    m_messages[3].content = std::move(*again);
    estimated = count(m_messages).value_or(estimate(m_messages));
  }
  run_pass("report", estimated);
}

}  // namespace chimera::app
