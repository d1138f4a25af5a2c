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

}  // namespace
}  // namespace chimera::llm
