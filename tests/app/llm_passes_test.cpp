#include "chimera/app/llm_passes.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <deque>

#include "support/process.hpp"
#include "support/report_sample.hpp"

namespace chimera::app {
namespace {

using Reply = tl::expected<llm::ChatResult, llm::LlmError>;

// An LlmClient that records requests and plays back scripted replies.
class FakeClient final : public llm::LlmClient {
 public:
  tl::expected<model::ServerInfo, llm::LlmError> preflight(const std::string& model) override {
    m_preflight_model = model;
    if (m_preflight_error) {
      return tl::unexpected(*m_preflight_error);
    }
    return model::ServerInfo{"0.12.3", "sha256:abc", "gemma3 4.3B Q4_K_M"};
  }
  Reply chat(const llm::ChatRequest& request, const llm::TokenCallback& on_token) override {
    requests.push_back(request);
    Reply reply = replies.front();
    replies.pop_front();
    if (reply) {
      on_token(reply->text);
      if (count_factor && request.estimated_prompt_tokens) {
        // A server counts at most its window: it cuts a longer prompt.
        reply->metrics.prompt_eval_count = std::min(
            static_cast<std::int64_t>(static_cast<double>(*request.estimated_prompt_tokens) *
                                      *count_factor),
            request.options.num_ctx);
      }
    }
    return reply;
  }
  std::optional<std::int64_t> count_tokens(const std::vector<llm::Message>& messages) override {
    if (!bytes_per_token) {
      return std::nullopt;
    }
    double bytes = 0;
    for (const auto& m : messages) {
      bytes += static_cast<double>(m.content.size());
    }
    ++counts;
    return static_cast<std::int64_t>(std::ceil(bytes / *bytes_per_token));
  }

  std::optional<llm::LlmError> m_preflight_error;
  std::string m_preflight_model;
  std::deque<Reply> replies;
  std::optional<double> count_factor;  // the server's prompt count, relative to the estimate
  std::optional<double> bytes_per_token;  // set: the server offers an exact tokenizer
  int counts = 0;
  std::vector<llm::ChatRequest> requests;
};

Reply ok_reply(const std::string& text, std::optional<std::int64_t> prompt_eval_count = {}) {
  llm::ChatResult r;
  r.text = text;
  r.metrics.eval_count = 10;
  r.metrics.prompt_eval_count = prompt_eval_count;
  return r;
}

Reply error_reply(const std::string& message, const std::string& partial) {
  return tl::unexpected(
      llm::LlmError{llm::FailureKind::timeout_idle, message, 0, {}, partial, {}});
}

struct Fixture {
  test::ReportSample sample = test::make_report_sample();
  Progress progress{false};
  FakeClient client;

  Fixture() {
    sample.config.options.num_ctx = 4096;
    // Forty experiments: more evidence than a 4096-token context holds.
    const auto experiment = sample.analysis.experiments.front();
    for (int i = 0; i < 40; ++i) {
      auto e = experiment;
      e.name = "runs/harness_" + std::to_string(i) + "/*.csv";
      sample.analysis.experiments.push_back(e);
    }
  }
  LlmSession session() { return LlmSession(sample.config, *load_prompts(sample.config), progress); }
};

std::int64_t margin(std::int64_t num_ctx) {
  return 32 + num_ctx / 64;
}

TEST(LlmSession, ReportPassContinuesTheAnalysisConversation) {
  Fixture f;
  f.client.replies = {ok_reply("1. Finding at 69.10 tok/s."), ok_reply("## Executive Summary\nx")};
  auto s = f.session();
  ASSERT_TRUE(s.preflight(f.client));
  EXPECT_EQ(f.client.m_preflight_model, "gemma3:latest");
  s.analysis_pass(f.sample.corpus, f.sample.analysis);
  s.report_pass();
  ASSERT_EQ(f.client.requests.size(), 2u);
  const auto& first = f.client.requests[0].messages;
  const auto& second = f.client.requests[1].messages;
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(second.size(), 4u);
  EXPECT_EQ(second[0].content, first[0].content) << "same leading messages: prompt cache reuse";
  EXPECT_EQ(second[1].content, first[1].content);
  EXPECT_EQ(first[0].role, "system");
  EXPECT_NE(first[0].content.find("## Corpus\n"), std::string::npos);
  EXPECT_NE(first[1].content.find("performance analyst"), std::string::npos);
  EXPECT_EQ(second[2].role, "assistant");
  EXPECT_EQ(second[2].content, "1. Finding at 69.10 tok/s.");
  EXPECT_NE(second[3].content.find("LLM-operations specialist"), std::string::npos);
  EXPECT_NE(second[3].content.find("Risks and Mitigations"), std::string::npos);
  const auto& out = s.outcome();
  EXPECT_EQ(out.status, model::LlmStatus::ok);
  EXPECT_EQ(out.server.version, "0.12.3");
  ASSERT_EQ(out.passes.size(), 2u);
  EXPECT_EQ(out.passes[0].name, "analysis");
  EXPECT_EQ(out.passes[1].name, "report");
  EXPECT_EQ(out.options, "num_gpu=80, num_ctx=4096, temp=0.8");
  EXPECT_NE(s.evidence().find("median 69.10 tok/s"), std::string::npos);
}

TEST(LlmSession, EvidenceIsCutSoBothPassesFitTheContext) {
  Fixture f;
  f.sample.config.options.num_predict = 256;
  f.client.replies = {ok_reply(std::string(600, 'a')), ok_reply("## Executive Summary\nx")};
  auto s = f.session();
  ASSERT_TRUE(s.preflight(f.client));
  s.analysis_pass(f.sample.corpus, f.sample.analysis);
  s.report_pass();
  ASSERT_EQ(f.client.requests.size(), 2u);
  const auto& first = f.client.requests[0];
  ASSERT_TRUE(first.estimated_prompt_tokens);
  EXPECT_LE(*first.estimated_prompt_tokens + 2 * 256 + margin(4096), 4096);
  EXPECT_NE(first.messages[0].content.find("left out to fit the context"), std::string::npos);
  const auto& second = f.client.requests[1];
  EXPECT_LE(*second.estimated_prompt_tokens + 256 + margin(4096), 4096);
  EXPECT_EQ(second.messages[0].content, first.messages[0].content);
}

TEST(LlmSession, ServerTokenCountCalibratesTheReportPass) {
  Fixture f;
  f.sample.config.options.num_predict = 256;
  // The server counts a fifth more tokens than chimera estimated (still inside its window): the
  // report pass must re-cut.
  f.client.replies = {ok_reply("short"), ok_reply("## Executive Summary\nx")};
  f.client.count_factor = 1.2;
  auto s = f.session();
  ASSERT_TRUE(s.preflight(f.client));
  s.analysis_pass(f.sample.corpus, f.sample.analysis);
  s.report_pass();
  ASSERT_EQ(f.client.requests.size(), 2u);
  const auto& second = f.client.requests[1];
  EXPECT_LT(second.messages[0].content.size(), f.client.requests[0].messages[0].content.size());
  EXPECT_LE(*second.estimated_prompt_tokens + 256 + margin(4096), 4096);
  std::size_t bytes = 0;
  for (const auto& m : second.messages) {
    bytes += m.content.size();
  }
  // bytes / 3, then times 1.2 from the server's count: bytes / 2.5.
  const auto at_least = static_cast<std::int64_t>(static_cast<double>(bytes) / 2.6);
  EXPECT_GT(*second.estimated_prompt_tokens, at_least)
      << "the estimate is calibrated by the server's count";
}

// Servers cut a prompt that overflows their window and count the window: the answer rests on
// the prompt's tail. The session must refit and ask again, once, and say so.
TEST(LlmSession, AnAnalysisPromptCountedAtTheWindowIsRefittedAndAskedAgain) {
  Fixture f;
  f.client.replies = {ok_reply("cut"), ok_reply("whole"), ok_reply("## Executive Summary\nx")};
  f.client.count_factor = 2.0;
  auto s = f.session();
  ASSERT_TRUE(s.preflight(f.client));
  s.analysis_pass(f.sample.corpus, f.sample.analysis);
  s.report_pass();
  ASSERT_EQ(f.client.requests.size(), 3u);
  EXPECT_LT(f.client.requests[1].messages[0].content.size(),
            f.client.requests[0].messages[0].content.size() * 3 / 4);
  const auto& out = s.outcome();
  ASSERT_EQ(out.passes.size(), 2u);
  EXPECT_EQ(out.passes[0].text, "whole");
  EXPECT_EQ(out.passes[0].metrics.refit_note,
            "the first try filled the server's window (4096 prompt tokens counted, num_ctx=4096), "
            "so the server cut the prompt; the evidence was refitted and the pass asked again");
}

TEST(LlmSession, AServersExactCountFitsTheEvidence) {
  Fixture f;
  f.sample.config.options.num_predict = 256;
  f.client.bytes_per_token = 1.2;  // far more tokens than the estimate
  f.client.replies = {ok_reply("short"), ok_reply("## Executive Summary\nx")};
  auto s = f.session();
  ASSERT_TRUE(s.preflight(f.client));
  s.analysis_pass(f.sample.corpus, f.sample.analysis);
  s.report_pass();
  ASSERT_EQ(f.client.requests.size(), 2u);
  EXPECT_GE(f.client.counts, 2);
  for (const auto& request : f.client.requests) {
    const auto exact = f.client.count_tokens(request.messages);
    ASSERT_TRUE(exact);
    const std::int64_t with_template =
        *exact + 8 * static_cast<std::int64_t>(request.messages.size());
    EXPECT_EQ(request.estimated_prompt_tokens, with_template);
    EXPECT_LE(with_template + 256 + margin(4096), 4096);
  }
}

TEST(LlmSession, FailedAnalysisPassFailsTheRunAndSkipsTheReportPass) {
  Fixture f;
  f.client.replies = {error_reply("no data for 120 s", "1. Part")};
  auto s = f.session();
  ASSERT_TRUE(s.preflight(f.client));
  s.analysis_pass(f.sample.corpus, f.sample.analysis);
  s.report_pass();
  EXPECT_EQ(f.client.requests.size(), 1u);
  EXPECT_EQ(s.outcome().status, model::LlmStatus::failed);
  EXPECT_EQ(s.outcome().reason, "analysis pass failed: no data for 120 s");
  ASSERT_EQ(s.outcome().passes.size(), 1u);
  EXPECT_FALSE(s.outcome().passes[0].ok);
  EXPECT_EQ(s.outcome().passes[0].text, "1. Part");
}

TEST(LlmSession, FailedReportPassKeepsTheAnalysisPass) {
  Fixture f;
  f.client.replies = {ok_reply("findings"), error_reply("stream ended early", "## Exec")};
  auto s = f.session();
  ASSERT_TRUE(s.preflight(f.client));
  s.analysis_pass(f.sample.corpus, f.sample.analysis);
  s.report_pass();
  EXPECT_EQ(s.outcome().status, model::LlmStatus::failed);
  EXPECT_EQ(s.outcome().reason, "report pass failed: stream ended early");
  ASSERT_EQ(s.outcome().passes.size(), 2u);
  EXPECT_TRUE(s.outcome().passes[0].ok);
  EXPECT_FALSE(s.outcome().passes[1].ok);
}

TEST(LlmSession, FailedPreflightSkipsWithTheServersReasonAndSendsNothing) {
  Fixture f;
  f.client.m_preflight_error = llm::LlmError{
      llm::FailureKind::model_not_found, "model 'gemma3:latest' not found", 404, {"llama3:8b"}, "",
      {}};
  auto s = f.session();
  EXPECT_FALSE(s.preflight(f.client));
  s.analysis_pass(f.sample.corpus, f.sample.analysis);
  s.report_pass();
  EXPECT_TRUE(f.client.requests.empty());
  EXPECT_EQ(s.outcome().status, model::LlmStatus::skipped);
  EXPECT_EQ(s.outcome().reason, "model 'gemma3:latest' not found");
  EXPECT_TRUE(s.evidence().empty());
}

TEST(LlmSession, SkipRecordsTheReason) {
  Fixture f;
  auto s = f.session();
  s.skip("disabled by --llm off");
  s.analysis_pass(f.sample.corpus, f.sample.analysis);
  EXPECT_EQ(s.outcome().status, model::LlmStatus::skipped);
  EXPECT_EQ(s.outcome().reason, "disabled by --llm off");
  EXPECT_TRUE(s.outcome().passes.empty());
}

TEST(FormatOptions, ListsSetOptionsInTheReportsOrder) {
  model::LlmOptions o;
  EXPECT_EQ(format_options(o), "num_ctx=8192");
  o.num_gpu = 140;
  o.num_ctx = 2048;
  o.temperature = 0.8;
  o.top_k = 40;
  o.seed = 7;
  o.keep_alive = "5m";
  EXPECT_EQ(format_options(o),
            "num_gpu=140, num_ctx=2048, temp=0.8, top_k=40, seed=7, keep_alive=5m");
}

TEST(LoadPrompts, BadOverrideIsAUsageErrorNamingTheFile) {
  test::TempDir dir;
  dir.write("system.md", "{{evidence}}\n{{nope}}\n");
  model::Config config;
  config.prompts_dir = std::filesystem::path(dir.path());
  const auto prompts = load_prompts(config);
  ASSERT_FALSE(prompts);
  EXPECT_EQ(prompts.error().code, ErrorCode::usage);
  EXPECT_EQ(prompts.error().where, dir.path() + "/system.md:2");
}

}  // namespace
}  // namespace chimera::app

namespace chimera::app {
namespace {

TEST(LlmSession, SmallContextStillCarriesTheMostImportantEvidence) {
  Fixture f;
  f.sample.config.options.num_ctx = 2048;
  f.client.replies = {ok_reply("findings"), ok_reply("## Executive Summary\nx")};
  auto s = f.session();
  ASSERT_TRUE(s.preflight(f.client));
  s.analysis_pass(f.sample.corpus, f.sample.analysis);
  ASSERT_EQ(f.client.requests.size(), 1u);
  const auto& system = f.client.requests[0].messages[0].content;
  EXPECT_NE(system.find("## Corpus\n"), std::string::npos) << system;
  EXPECT_NE(system.find("## Key findings (computed)\n"), std::string::npos) << system;
}

}  // namespace
}  // namespace chimera::app
