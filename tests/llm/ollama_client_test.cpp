#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chimera/llm/client.hpp"
#include "support/llm_fixtures.hpp"
#include "support/llm_server.hpp"

namespace chimera::llm {
namespace {

using test::LlmTestServer;

struct Run {
  tl::expected<ChatResult, LlmError> result;
  std::vector<std::string> pieces;
};

Run chat(LlmTestServer& server, const ChatRequest& request = test::hello_request(),
         const std::optional<ClientOptions>& options = std::nullopt) {
  Run run{tl::unexpected(LlmError{}), {}};
  run.result = make_client(options.value_or(test::fast_options(server)))
                   ->chat(request, [&](std::string_view piece) { run.pieces.emplace_back(piece); });
  return run;
}

TEST(OllamaClient, StreamsTextAndReportsTheServersMetrics) {
  LlmTestServer server;
  server.script_ollama_chat(test::ollama_stream({"The", " fastest", " run", "."}));
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_EQ(run.result->text, "The fastest run.");
  EXPECT_EQ(run.pieces, (std::vector<std::string>{"The", " fastest", " run", "."}));
  const auto& m = run.result->metrics;
  EXPECT_EQ(m.done_reason, "stop");
  EXPECT_DOUBLE_EQ(*m.total_ms, 5589.157167);
  EXPECT_DOUBLE_EQ(*m.load_ms, 3013.7015);
  EXPECT_DOUBLE_EQ(*m.prompt_eval_ms, 130.079);
  EXPECT_DOUBLE_EQ(*m.eval_ms, 2435.0);
  EXPECT_EQ(*m.prompt_eval_count, 26);
  EXPECT_EQ(*m.eval_count, 259);
  EXPECT_DOUBLE_EQ(*m.tokens_per_second, 259 / 2.435);
  ASSERT_TRUE(m.ttft_ms && m.wall_ms && m.end_to_end_tokens_per_second);
  EXPECT_GE(*m.wall_ms, *m.ttft_ms);
  EXPECT_DOUBLE_EQ(*m.end_to_end_tokens_per_second, 259 / (*m.wall_ms / 1000.0));
  EXPECT_FALSE(m.truncated);
}

TEST(OllamaClient, SendsOptionsKeepAliveAndTheSystemMessage) {
  LlmTestServer server;
  auto request = test::hello_request();
  request.options.num_ctx = 4096;
  request.options.temperature = 0.5;
  request.options.keep_alive = "10m";
  ASSERT_TRUE(chat(server, request).result);
  const auto sent = server.requests("/api/chat");
  ASSERT_EQ(sent.size(), 1U);
  const auto body = sent[0].json();
  EXPECT_EQ(body["options"], (nlohmann::json{{"num_ctx", 4096}, {"temperature", 0.5}}));
  EXPECT_EQ(body["keep_alive"], "10m");
  EXPECT_EQ(body["stream"], true);
  EXPECT_EQ(body["messages"][0]["role"], "system");
  EXPECT_EQ(body["messages"][0]["content"], "You are a benchmark analyst.");
  EXPECT_EQ(sent[0].content_type, "application/json");
  EXPECT_EQ(sent[0].authorization, "");
}

TEST(OllamaClient, ReadsAStreamWrittenOneBytePerWrite) {
  LlmTestServer server;
  const auto body = test::joined(test::ollama_stream({"one", " byte"}));
  server.script_ollama_chat(test::rechunk(body, 1));
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_EQ(run.result->text, "one byte");
  EXPECT_EQ(run.pieces, (std::vector<std::string>{"one", " byte"}));
  EXPECT_EQ(*run.result->metrics.eval_count, 259);
}

TEST(OllamaClient, ReadsSeveralLinesInOneWrite) {
  LlmTestServer server;
  server.script_ollama_chat({test::write(test::joined(test::ollama_stream({"a", "b", "c"})))});
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_EQ(run.pieces, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(run.result->metrics.done_reason, "stop");
  EXPECT_EQ(*run.result->metrics.eval_count, 259);
}

TEST(OllamaClient, KeepsAFourByteCharacterSplitAcrossWritesWhole) {
  LlmTestServer server;
  const std::string emoji = "\xF0\x9F\x9A\x80";  // U+1F680
  const auto body = test::joined(test::ollama_stream({"go ", emoji, "!"}));
  const auto at = body.find(emoji);
  ASSERT_NE(at, std::string::npos);
  server.script_ollama_chat(
      {test::write(body.substr(0, at + 1)), test::pause(std::chrono::milliseconds(20)),
       test::write(body.substr(at + 1, 2)), test::pause(std::chrono::milliseconds(20)),
       test::write(body.substr(at + 3))});
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_EQ(run.pieces, (std::vector<std::string>{"go ", emoji, "!"}));
  EXPECT_EQ(run.result->text, "go " + emoji + "!");
}

TEST(OllamaClient, MeasuresTimeToFirstTokenOnTheTokenNotTheHeaders) {
  LlmTestServer server;
  // The chunked response's headers go out at once; the first token 300 ms later.
  auto steps = test::ollama_stream({"late"});
  steps.insert(steps.begin(), test::pause(std::chrono::milliseconds(300)));
  server.script_ollama_chat(steps);
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_GE(*run.result->metrics.ttft_ms, 300.0);
  EXPECT_GE(*run.result->metrics.wall_ms, *run.result->metrics.ttft_ms);
}

TEST(OllamaClient, LeavesMissingServerFieldsUnknown) {
  LlmTestServer server;
  test::FinalFields sparse;
  sparse.done_reason.reset();
  sparse.load_duration_ns.reset();
  sparse.total_duration_ns.reset();
  sparse.eval_duration_ns.reset();
  sparse.prompt_eval_duration_ns.reset();
  sparse.prompt_eval_count.reset();
  server.script_ollama_chat(test::ollama_stream({"x"}, sparse));
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  const auto& m = run.result->metrics;
  EXPECT_FALSE(m.load_ms);
  EXPECT_FALSE(m.total_ms);
  EXPECT_FALSE(m.eval_ms);
  EXPECT_FALSE(m.prompt_eval_ms);
  EXPECT_FALSE(m.prompt_eval_count);
  EXPECT_FALSE(m.tokens_per_second);
  EXPECT_EQ(*m.eval_count, 259);
  EXPECT_TRUE(m.end_to_end_tokens_per_second);
  EXPECT_EQ(m.done_reason, "");
}

TEST(OllamaClient, NoticesAPromptTheServerTruncated) {
  LlmTestServer server;
  test::FinalFields fields;
  fields.prompt_eval_count = 2048;
  server.script_ollama_chat(test::ollama_stream({"x"}, fields));
  auto request = test::hello_request();
  request.options.num_ctx = 2048;
  request.estimated_prompt_tokens = 5000;
  const auto run = chat(server, request);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_TRUE(run.result->metrics.truncated);
  EXPECT_EQ(run.result->metrics.truncation_note,
            "the server evaluated 2048 prompt tokens, at the window size (num_ctx=2048): the "
            "prompt was probably cut to fit; raise --num-ctx");
}

TEST(OllamaClient, NoticesGenerationCutAtTheContextLimit) {
  LlmTestServer server;
  test::FinalFields fields;
  fields.done_reason = "length";
  fields.eval_count = 120;
  server.script_ollama_chat(test::ollama_stream({"x"}, fields));
  auto request = test::hello_request();
  request.options.num_predict = 1024;
  const auto run = chat(server, request);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_TRUE(run.result->metrics.truncated);
  EXPECT_EQ(run.result->metrics.done_reason, "length");
}

TEST(OllamaClient, FailsOnAnErrorLineMidStreamAndKeepsThePartialText) {
  LlmTestServer server;
  server.script_ollama_chat(
      {test::write(test::ollama_token_line("par")), test::write(test::ollama_token_line("tial")),
       test::write(test::ollama_error_line("llama runner process has terminated")),
       test::write(test::ollama_final_line())});
  const auto run = chat(server);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::server_error);
  EXPECT_EQ(run.result.error().message,
            "the server reported an error mid-stream: llama runner process has terminated");
  EXPECT_EQ(run.result.error().partial_text, "partial");
  EXPECT_EQ(run.result.error().http_status, 200);
}

TEST(OllamaClient, ReportsAModelNotFoundWithTheModelsTheServerHas) {
  LlmTestServer server;
  const auto run = chat(server, test::hello_request("mistral:7b"));
  ASSERT_FALSE(run.result);
  const auto& e = run.result.error();
  EXPECT_EQ(e.kind, FailureKind::model_not_found);
  EXPECT_EQ(e.http_status, 404);
  EXPECT_EQ(e.available_models, (std::vector<std::string>{"gemma3:latest", "llama3.2:3b"}));
  EXPECT_EQ(e.message, "model 'mistral:7b' not found at " + server.url() +
                           " (model \"mistral:7b\" not found, try pulling it first); available: "
                           "gemma3:latest, llama3.2:3b (--model)");
}

TEST(OllamaClient, ReportsA500WithTheServersMessageWithoutRetrying) {
  LlmTestServer server;
  server.script_ollama_chat(
      test::status_reply(500, R"({"error":"llama runner process has terminated: exit status 2"})"));
  const auto run = chat(server);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::http_server_error);
  EXPECT_EQ(run.result.error().http_status, 500);
  EXPECT_EQ(run.result.error().message,
            "HTTP 500 from " + server.url() +
                "/api/chat: llama runner process has terminated: exit status 2");
  EXPECT_EQ(server.requests("/api/chat").size(), 1U);
}

TEST(OllamaClient, ReportsA400WithTheServersMessage) {
  LlmTestServer server;
  server.script_ollama_chat(test::status_reply(400, R"({"error":"invalid options: num_ctx"})"));
  const auto run = chat(server);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::http_client_error);
  EXPECT_EQ(run.result.error().message,
            "HTTP 400 from " + server.url() + "/api/chat: invalid options: num_ctx");
}

TEST(OllamaClient, RetriesA503AndThenSucceeds) {
  LlmTestServer server;
  server.script_ollama_chat(test::status_reply(
      503, R"({"error":"server busy, please try again.  maximum pending requests exceeded"})"));
  server.script_ollama_chat(test::ollama_stream({"ok"}));
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  EXPECT_EQ(run.result->text, "ok");
  EXPECT_EQ(server.requests("/api/chat").size(), 2U);
}

TEST(OllamaClient, GivesUpOnA503AfterThreeTries) {
  LlmTestServer server;
  for (int i = 0; i < 4; ++i) {
    server.script_ollama_chat(test::status_reply(503, R"({"error":"server busy"})"));
  }
  const auto run = chat(server);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::queue_full);
  EXPECT_EQ(run.result.error().http_status, 503);
  EXPECT_EQ(run.result.error().message, "HTTP 503 from " + server.url() +
                                            "/api/chat: the server is busy: server busy "
                                            "(after 3 tries)");
  EXPECT_EQ(server.requests("/api/chat").size(), 3U);
}

TEST(OllamaClient, LeavesOutNegativeDurationsAndCounts) {
  LlmTestServer server;
  test::FinalFields fields;
  fields.eval_duration_ns = -5'000'000;
  fields.eval_count = -3;
  server.script_ollama_chat(test::ollama_stream({"ok"}, fields));
  const auto run = chat(server);
  ASSERT_TRUE(run.result) << run.result.error().message;
  const auto& m = run.result->metrics;
  EXPECT_FALSE(m.eval_ms);
  EXPECT_FALSE(m.eval_count);
  EXPECT_FALSE(m.tokens_per_second);
  EXPECT_DOUBLE_EQ(*m.load_ms, 3013.7015);
  EXPECT_EQ(m.implausible, "eval_duration -5 ms, eval_count -3");
}

TEST(OllamaClient, TimesOutWhenTheStreamStallsAfterTheFirstToken) {
  LlmTestServer server;
  server.script_ollama_chat({test::write(test::ollama_token_line("stuck")),
                             test::pause(std::chrono::seconds(5)),
                             test::write(test::ollama_final_line())});
  const auto start = std::chrono::steady_clock::now();
  const auto run = chat(server, test::hello_request(), test::stall_options(server));
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::timeout_idle);
  EXPECT_EQ(run.result.error().message, "the stream stalled: no chunk for 0.3 s (--timeout-idle)");
  EXPECT_EQ(run.result.error().partial_text, "stuck");
  EXPECT_LT(waited, std::chrono::seconds(4));          // it did not wait for the server
  EXPECT_EQ(server.requests("/api/chat").size(), 1U);  // never retried after a token
}

TEST(OllamaClient, TimesOutWaitingForTheFirstToken) {
  LlmTestServer server;
  server.script_ollama_chat(
      {test::pause(std::chrono::seconds(5)), test::write(test::ollama_token_line("late"))});
  const auto run = chat(server, test::hello_request(), test::stall_options(server));
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::timeout_first_token);
  EXPECT_EQ(run.result.error().message,
            "no token within 0.3 s of sending the request (--timeout-idle)");
  EXPECT_EQ(server.requests("/api/chat").size(), 1U);
}

TEST(OllamaClient, ReportsAConnectionDroppedBeforeTheFinalChunk) {
  LlmTestServer server;
  server.script_ollama_chat({test::write(test::ollama_token_line("cut")),
                             test::write(test::ollama_token_line(" off")), test::drop()});
  const auto run = chat(server);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::incomplete_stream);
  EXPECT_EQ(run.result.error().partial_text, "cut off");
  EXPECT_NE(run.result.error().message.find("the stream ended before its final chunk"),
            std::string::npos)
      << run.result.error().message;
}

TEST(OllamaClient, ReportsAStreamThatEndsCleanlyWithoutAFinalChunk) {
  LlmTestServer server;
  server.script_ollama_chat({test::write(test::ollama_token_line("half"))});
  const auto run = chat(server);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::incomplete_stream);
  EXPECT_EQ(run.result.error().message,
            "the stream ended before its final chunk (the server closed it; " +
                std::to_string(test::ollama_token_line("half").size()) + " bytes received)");
}

TEST(OllamaClient, RejectsALineOverTheEightMebibyteBound) {
  LlmTestServer server;
  const std::string huge = R"({"message":{"content":")" + std::string(8 * 1024 * 1024, 'x');
  server.script_ollama_chat(
      {test::write(test::ollama_token_line("before")), test::write(huge), test::write("\"}}\n")});
  const auto run = chat(server);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::malformed);
  EXPECT_EQ(run.result.error().message, "malformed stream: line 2 is longer than 8388608 bytes");
  EXPECT_EQ(run.result.error().partial_text, "before");
}

TEST(OllamaClient, RejectsALineThatIsNotJson) {
  LlmTestServer server;
  server.script_ollama_chat({test::write("<html>proxy error</html>\n")});
  const auto run = chat(server);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().kind, FailureKind::malformed);
  EXPECT_EQ(run.result.error().message,
            "malformed stream: line 1 is not a JSON object: '<html>proxy error</html>'");
}

TEST(OllamaPreflight, ReportsVersionDigestAndDetails) {
  LlmTestServer server;
  server.set_version("0.12.3");
  const auto info = make_client(test::fast_options(server))->preflight("gemma3:latest");
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->version, "0.12.3");
  EXPECT_EQ(info->model_digest, server.models()[0].digest);
  EXPECT_EQ(info->model_details, "gemma3 4.3B Q4_K_M");
  EXPECT_EQ(server.requests("/api/version").size(), 1U);
  EXPECT_EQ(server.requests("/api/tags").size(), 1U);
}

TEST(OllamaPreflight, ReadsABareModelNameAsLatest) {
  LlmTestServer server;
  const auto info = make_client(test::fast_options(server))->preflight("gemma3");
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->model_details, "gemma3 4.3B Q4_K_M");
}

TEST(OllamaPreflight, ReportsAMissingModelWithTheModelsTheServerHas) {
  LlmTestServer server;
  const auto info = make_client(test::fast_options(server))->preflight("qwen3:8b");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().kind, FailureKind::model_not_found);
  EXPECT_EQ(info.error().available_models,
            (std::vector<std::string>{"gemma3:latest", "llama3.2:3b"}));
  EXPECT_EQ(info.error().message, "model 'qwen3:8b' not found at " + server.url() +
                                      "; available: gemma3:latest, llama3.2:3b (--model)");
}

TEST(OllamaPreflight, SaysHowToPullWhenTheServerHasNoModels) {
  LlmTestServer server;
  server.set_models({});
  const auto info = make_client(test::fast_options(server))->preflight("gemma3:latest");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().message, "model 'gemma3:latest' not found at " + server.url() +
                                      "; the server has no models: `ollama pull gemma3:latest`");
}

TEST(OllamaPreflight, SuggestsTheOpenAiProtocolWhenThereIsNoApiVersion) {
  LlmTestServer server;
  server.script_reply("/api/version", 404, "404 page not found");
  const auto info = make_client(test::fast_options(server))->preflight("gemma3:latest");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().kind, FailureKind::http_client_error);
  EXPECT_EQ(info.error().message,
            "HTTP 404 from " + server.url() +
                "/api/version: 404 page not found (is this an Ollama server? for an "
                "OpenAI-compatible one use --api openai)");
}

TEST(OllamaPreflight, RetriesABusyServer) {
  LlmTestServer server;
  server.script_reply("/api/tags", 503, R"({"error":"busy"})");
  const auto info = make_client(test::fast_options(server))->preflight("gemma3:latest");
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(server.requests("/api/tags").size(), 2U);
}

}  // namespace
}  // namespace chimera::llm
