#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chimera/llm/client.hpp"
#include "support/llm_fixtures.hpp"
#include "support/llm_server.hpp"

namespace chimera::llm {
namespace {

using test::LlmTestServer;
using namespace std::chrono_literals;

struct Run {
  tl::expected<ChatResult, LlmError> result;
  std::vector<std::string> pieces;
};

ClientOptions openai_options(const LlmTestServer& server) {
  return test::fast_options(server, model::ApiKind::openai);
}

Run chat(LlmTestServer& server, const ChatRequest& request = test::hello_request(),
         const std::optional<ClientOptions>& options = std::nullopt) {
  Run run{tl::unexpected(LlmError{}), {}};
  run.result =
      make_client(options.value_or(openai_options(server)))->chat(request, [&](std::string_view p) {
        run.pieces.emplace_back(p);
      });
  return run;
}

TEST(OpenAiClient, StreamsTextAndUsesLlamaCppTimings) {
  LlmTestServer server;
  test::FinalFields fields;
  fields.llama_cpp_timings = true;
  fields.cache_n = 6;
  server.script_openai_chat(test::openai_stream({"Median", " is", " 42"}, fields));
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_EQ(run.result->text, "Median is 42");
  EXPECT_EQ(run.pieces, (std::vector<std::string>{"Median", " is", " 42"}));
  const auto& m = run.result->metrics;
  EXPECT_EQ(m.done_reason, "stop");
  EXPECT_EQ(*m.prompt_eval_count, 26);
  EXPECT_EQ(*m.eval_count, 259);
  EXPECT_DOUBLE_EQ(*m.prompt_eval_ms, 130.079);
  EXPECT_DOUBLE_EQ(*m.eval_ms, 2435.0);
  EXPECT_DOUBLE_EQ(*m.tokens_per_second, 259 / 2.435);
  EXPECT_FALSE(m.load_ms);  // OpenAI-compatible servers do not report these
  EXPECT_FALSE(m.total_ms);
  ASSERT_TRUE(m.ttft_ms && m.wall_ms && m.end_to_end_tokens_per_second);
}

// A llama.cpp server that reports 1e308 tok/s and negative token counts: shown as absent, noted.
TEST(OpenAiClient, LeavesOutImplausibleTimingsAndCounts) {
  LlmTestServer server;
  test::FinalFields fields;
  fields.llama_cpp_timings = true;
  fields.predicted_per_second = 1e308;
  fields.prompt_eval_count = -40;
  fields.eval_count = -3;
  server.script_openai_chat(test::openai_stream({"ok"}, fields));
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  const auto& m = run.result->metrics;
  EXPECT_FALSE(m.tokens_per_second);
  EXPECT_FALSE(m.eval_count);
  EXPECT_FALSE(m.prompt_eval_count);
  EXPECT_DOUBLE_EQ(*m.eval_ms, 2435.0);
  EXPECT_EQ(m.implausible, "prompt_eval_count -40, eval_count -3, tokens per second 1e+308");
}

TEST(OpenAiClient, CountsTokensWithLlamaCppsOwnTokenizer) {
  LlmTestServer server;
  server.serve_as_llama_cpp("gemma-3-4b-it-Q4_K_M.gguf", "b6000-abc");
  server.set_tokenizer(1.5, 4096);
  const auto client = make_client(openai_options(server));
  ASSERT_TRUE(client->preflight("anything"));
  const std::vector<Message> messages{{"system", std::string(300, 'e')}, {"user", "abc"}};
  EXPECT_EQ(client->count_tokens(messages), server.count_tokens(std::string(300, 'e') + "\nabc"));
  ASSERT_EQ(server.requests("/tokenize").size(), 1U);
  EXPECT_EQ(server.requests("/tokenize")[0].json()["content"], std::string(300, 'e') + "\nabc");
}

TEST(OpenAiClient, CountsNoTokensWithoutATokenizer) {
  LlmTestServer server;
  const auto client = make_client(openai_options(server));
  ASSERT_TRUE(client->preflight("gemma3:latest"));
  EXPECT_EQ(client->count_tokens({{"user", "abc"}}), std::nullopt);
  EXPECT_TRUE(server.requests("/tokenize").empty());
}

TEST(OpenAiClient, LeavesServerTimesUnknownWithUsageOnly) {
  LlmTestServer server;
  server.script_openai_chat(test::openai_stream({"x"}));
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  const auto& m = run.result->metrics;
  EXPECT_EQ(*m.prompt_eval_count, 26);
  EXPECT_EQ(*m.eval_count, 259);
  EXPECT_FALSE(m.eval_ms);
  EXPECT_FALSE(m.prompt_eval_ms);
  EXPECT_FALSE(m.tokens_per_second);
  EXPECT_TRUE(m.end_to_end_tokens_per_second);
}

TEST(OpenAiClient, SendsStreamOptionsMappedOptionsAndTheBearerToken) {
  LlmTestServer server;
  auto options = openai_options(server);
  options.api_key = "sk-test-123";
  auto request = test::hello_request();
  request.options.num_predict = 256;
  request.options.seed = 3;
  ASSERT_TRUE(chat(server, request, options).result);
  const auto sent = server.requests("/v1/chat/completions");
  ASSERT_EQ(sent.size(), 1U);
  EXPECT_EQ(sent[0].authorization, "Bearer sk-test-123");
  const auto body = sent[0].json();
  EXPECT_EQ(body["stream"], true);
  EXPECT_EQ(body["stream_options"]["include_usage"], true);
  EXPECT_EQ(body["max_tokens"], 256);
  EXPECT_EQ(body["seed"], 3);
  EXPECT_EQ(body["messages"][0]["role"], "system");
  EXPECT_FALSE(body.contains("options"));
}

TEST(OpenAiClient, MeasuresTimeToFirstTokenPastTheEmptyRoleChunk) {
  LlmTestServer server;
  auto steps = test::openai_stream({"late"});
  steps.insert(steps.begin() + 1, test::pause(300ms));  // after the role chunk
  server.script_openai_chat(steps);
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_GE(*run.result->metrics.ttft_ms, 300.0);
}

TEST(OpenAiClient, ReadsAStreamWrittenOneBytePerWrite) {
  LlmTestServer server;
  const std::string emoji = "\xF0\x9F\x98\x80";
  server.script_openai_chat(test::rechunk(test::joined(test::openai_stream({"a", emoji})), 1));
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_EQ(run.pieces, (std::vector<std::string>{"a", emoji}));
  EXPECT_EQ(*run.result->metrics.eval_count, 259);
}

TEST(OpenAiClient, FailsOnAnErrorEventMidStream) {
  LlmTestServer server;
  server.script_openai_chat({test::write(test::openai_role_event()),
                             test::write(test::openai_token_event("so far")),
                             test::write(test::openai_error_event("context shift is disabled")),
                             test::write(test::openai_final_events())});
  const auto run = chat(server);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::server_error);
  EXPECT_EQ(run.result.error().message,
            "the server reported an error mid-stream: context shift is disabled");
  EXPECT_EQ(run.result.error().partial_text, "so far");
}

TEST(OpenAiClient, ReportsAModelNotFoundWithTheListedModels) {
  LlmTestServer server;
  const auto run = chat(server, test::hello_request("gpt-4o"));
  ASSERT_FALSE(run.result);
  const auto& e = run.result.error();
  EXPECT_EQ(e.kind, FailureKind::model_not_found);
  EXPECT_EQ(e.http_status, 404);
  EXPECT_EQ(e.available_models, (std::vector<std::string>{"gemma3:latest", "llama3.2:3b"}));
  EXPECT_EQ(e.message, "model 'gpt-4o' not found at " + server.url() +
                           " (model \"gpt-4o\" not found, try pulling it first); available: "
                           "gemma3:latest, llama3.2:3b (--model)");
}

TEST(OpenAiClient, ReportsAConnectionDroppedBeforeTheFinalChunk) {
  LlmTestServer server;
  server.script_openai_chat({test::write(test::openai_role_event()),
                             test::write(test::openai_token_event("cut")), test::drop()});
  const auto run = chat(server);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::incomplete_stream);
  EXPECT_EQ(run.result.error().partial_text, "cut");
}

TEST(OpenAiClient, TimesOutWhenTheStreamStalls) {
  LlmTestServer server;
  server.script_openai_chat({test::write(test::openai_role_event()),
                             test::write(test::openai_token_event("a")), test::pause(5s),
                             test::write(test::openai_final_events())});
  const auto run = chat(server, test::hello_request(),
                        test::stall_options(server, model::ApiKind::openai));
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::timeout_idle);
  EXPECT_EQ(run.result.error().partial_text, "a");
}

TEST(OpenAiClient, RetriesA503AndThenSucceeds) {
  LlmTestServer server;
  server.script_openai_chat(test::status_reply(
      503, R"({"error":{"code":503,"message":"Loading model","type":"unavailable_error"}})"));
  server.script_openai_chat(test::openai_stream({"ready"}));
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_EQ(run.result->text, "ready");
  EXPECT_EQ(server.requests("/v1/chat/completions").size(), 2U);
}

TEST(OpenAiClient, NeverShowsTheApiKeyInAnError) {
  LlmTestServer server;
  auto options = openai_options(server);
  options.api_key = "sk-secret-987";
  server.script_openai_chat(test::status_reply(
      401,
      R"({"error":{"message":"Incorrect API key provided: sk-secret-987","type":"invalid_request_error"}})"));
  const auto run = chat(server, test::hello_request(), options);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::http_client_error);
  EXPECT_EQ(run.result.error().http_status, 401);
  EXPECT_EQ(run.result.error().message, "HTTP 401 from " + server.url() +
                                            "/v1/chat/completions: Incorrect API key provided: "
                                            "[redacted]");
}

TEST(OpenAiPreflight, FindsAListedModel) {
  LlmTestServer server;
  const auto info = make_client(openai_options(server))->preflight("llama3.2:3b");
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->version, "");
  EXPECT_EQ(server.requests("/v1/models").size(), 1U);
}

TEST(OpenAiPreflight, ReportsAModelTheServerDoesNotList) {
  LlmTestServer server;
  const auto info = make_client(openai_options(server))->preflight("gpt-4o");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().kind, FailureKind::model_not_found);
  EXPECT_EQ(info.error().message, "model 'gpt-4o' not found at " + server.url() +
                                      "; available: gemma3:latest, llama3.2:3b (--model)");
}

TEST(OpenAiPreflight, AcceptsAnyModelFromLlamaServerAndRecordsItsBuild) {
  LlmTestServer server;
  server.serve_as_llama_cpp("gemma-3-4b-it-Q4_K_M.gguf", "b4600-5598f475");
  const auto info = make_client(openai_options(server))->preflight("gemma3:latest");
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->version, "llama.cpp b4600-5598f475");
  EXPECT_EQ(info->model_details, "gemma-3-4b-it-Q4_K_M.gguf");
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_EQ(run.result->text, test::default_text());
}

}  // namespace
}  // namespace chimera::llm
