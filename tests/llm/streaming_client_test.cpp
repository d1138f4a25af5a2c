#include "chimera/llm/streaming_client.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "chimera/util/cancel.hpp"
#include "support/llm_fixtures.hpp"
#include "support/llm_server.hpp"

namespace chimera::llm {
namespace {

using test::LlmTestServer;
using namespace std::chrono_literals;

// Nothing listens on port 1 of the loopback interface: connections are refused at once.
ClientOptions refused_options() {
  ClientOptions o;
  o.host = "http://127.0.0.1:1";
  o.connect_timeout_s = 2.0;
  o.backoff_s = 0.01;
  return o;
}

TEST(StreamingClient, ReportsAnUnreachableServerAfterThreeTries) {
  const auto result = make_client(refused_options())->chat(test::hello_request(), {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, FailureKind::unreachable);
  EXPECT_EQ(result.error().http_status, 0);
  const std::string& m = result.error().message;
  EXPECT_EQ(m.rfind("cannot connect to http://127.0.0.1:1: ", 0), 0U) << m;
  EXPECT_NE(m.find("is the server running? (--host, OLLAMA_HOST) (after 3 tries)"),
            std::string::npos)
      << m;
}

TEST(StreamingClient, TriesAsOftenAsConfigured) {
  auto options = refused_options();
  options.max_attempts = 1;
  const auto result = make_client(options)->chat(test::hello_request(), {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message.find("tries"), std::string::npos) << result.error().message;
}

TEST(StreamingClient, CancelsATransferInProgressAndKeepsThePartialText) {
  LlmTestServer server;
  server.script_ollama_chat(
      {test::write(test::ollama_token_line("before ctrl-c")), test::pause(5s)});
  const auto options = test::fast_options(server);
  std::thread canceller([] {
    std::this_thread::sleep_for(200ms);
    util::request_cancel();
  });
  const auto result = make_client(options)->chat(test::hello_request(), {});
  canceller.join();
  util::reset_cancel();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, FailureKind::cancelled);
  EXPECT_EQ(result.error().partial_text, "before ctrl-c");
  EXPECT_EQ(server.requests("/api/chat").size(), 1U);
}

TEST(StreamingClient, DoesNotStartATransferAfterACancelRequest) {
  LlmTestServer server;
  util::request_cancel();
  const auto result = make_client(test::fast_options(server))->chat(test::hello_request(), {});
  util::reset_cancel();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, FailureKind::cancelled);
  EXPECT_TRUE(server.requests().empty());
  // Works again once the request is cleared.
  EXPECT_TRUE(make_client(test::fast_options(server))->chat(test::hello_request(), {}));
}

TEST(StreamingClient, NeverRetriesAfterTheFirstToken) {
  LlmTestServer server;
  server.script_ollama_chat({test::write(test::ollama_token_line("a")), test::drop()});
  server.script_ollama_chat(test::ollama_stream({"second try"}));
  const auto result = make_client(test::fast_options(server))->chat(test::hello_request(), {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, FailureKind::incomplete_stream);
  EXPECT_EQ(server.requests("/api/chat").size(), 1U);
}

// A server that sends one token, then bytes that make no chunk (here a space every 20 ms, far
// more often than the idle timeout) kept the pass alive for as long as it trickled: the idle
// timer was reset by any byte. It must time out from the last chunk. The trickle lasts 20 s, so
// a client that waited for it would end with an incomplete stream instead.
std::vector<test::Step> trickle(test::Step first, std::string_view filler) {
  std::vector<test::Step> steps{std::move(first)};
  for (int i = 0; i < 1000; ++i) {
    steps.push_back(test::write(std::string(filler)));
    steps.push_back(test::pause(20ms));
  }
  return steps;
}

TEST(StreamingClient, IdleTimeoutRunsFromTheLastChunkNotTheLastByte) {
  LlmTestServer server;
  server.script_ollama_chat(trickle(test::write(test::ollama_token_line("one")), " "));
  const auto result =
      make_client(test::stall_options(server))->chat(test::hello_request(), {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, FailureKind::timeout_idle) << result.error().message;
  EXPECT_EQ(result.error().message, "the stream stalled: no chunk for 0.3 s (--timeout-idle)");
  EXPECT_EQ(result.error().partial_text, "one");
}

TEST(StreamingClient, BlankLinesAndSseCommentsAreNotChunksEither) {
  LlmTestServer server;
  server.script_ollama_chat(trickle(test::write(test::ollama_token_line("one")), "\n"));
  server.script_openai_chat(trickle(test::write(test::openai_token_event("one")), ": ping\n\n"));
  const auto ollama = make_client(test::stall_options(server))->chat(test::hello_request(), {});
  ASSERT_FALSE(ollama);
  EXPECT_EQ(ollama.error().kind, FailureKind::timeout_idle) << ollama.error().message;
  const auto openai = make_client(test::stall_options(server, model::ApiKind::openai))
                          ->chat(test::hello_request(), {});
  ASSERT_FALSE(openai);
  EXPECT_EQ(openai.error().kind, FailureKind::timeout_idle) << openai.error().message;
}

// A server that streams a real token every 20 ms and never its final chunk: no idle timeout
// ever fires, and only the per-pass deadline ends the pass. The stream would last 40 s.
TEST(StreamingClient, APassThatNeverEndsStopsAtItsDeadlineKeepingItsText) {
  LlmTestServer server;
  std::vector<test::Step> steps;
  for (int i = 0; i < 2000; ++i) {
    steps.push_back(test::write(test::ollama_token_line("x")));
    steps.push_back(test::pause(20ms));
  }
  server.script_ollama_chat(steps);
  auto options = test::stall_options(server);
  options.pass_timeout_s = 1.0;
  const auto result = make_client(options)->chat(test::hello_request(), {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, FailureKind::timeout_pass) << result.error().message;
  EXPECT_EQ(result.error().message, "the pass did not finish within 1 s (--timeout-pass)");
  EXPECT_FALSE(result.error().partial_text.empty());
  EXPECT_EQ(result.error().partial_text.find_first_not_of('x'), std::string::npos);
  EXPECT_EQ(server.requests("/api/chat").size(), 1U);
}

}  // namespace
}  // namespace chimera::llm
