#include "chimera/llm/client.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "support/llm_fixtures.hpp"
#include "support/llm_server.hpp"

namespace chimera::llm {
namespace {

TEST(FailureKind, HasADistinctNameForEveryKind) {
  std::set<std::string_view> names;
  for (int k = 0; k <= static_cast<int>(FailureKind::cancelled); ++k) {
    names.insert(to_string(static_cast<FailureKind>(k)));
  }
  EXPECT_EQ(names.size(), static_cast<std::size_t>(FailureKind::cancelled) + 1);
  EXPECT_EQ(to_string(FailureKind::queue_full), "queue full");
}

TEST(ClientOptions, TakesHostApiAndTimeoutsFromTheConfigAndTheKeyFromTheEnvironment) {
  model::Config config;
  config.host = "http://gpu-box:11434";
  config.api = model::ApiKind::openai;
  config.timeout_connect_s = 3.0;
  config.timeout_idle_s = 45.0;
  config.timeout_pass_s = 300.0;
  ::setenv("CHIMERA_API_KEY", "sk-from-env", 1);
  const auto options = client_options(config);
  ::unsetenv("CHIMERA_API_KEY");
  EXPECT_EQ(options.host, "http://gpu-box:11434");
  EXPECT_EQ(options.api, model::ApiKind::openai);
  EXPECT_DOUBLE_EQ(options.connect_timeout_s, 3.0);
  EXPECT_DOUBLE_EQ(options.first_token_timeout_s, 45.0);
  EXPECT_DOUBLE_EQ(options.idle_timeout_s, 45.0);
  EXPECT_DOUBLE_EQ(options.pass_timeout_s, 300.0);
  EXPECT_EQ(options.max_attempts, 3);
  EXPECT_EQ(options.api_key, "sk-from-env");
  EXPECT_EQ(client_options(config).api_key, "");
}

TEST(MakeClient, SpeaksTheConfiguredProtocol) {
  test::LlmTestServer server;
  model::Config config;
  config.host = server.url();
  config.api = model::ApiKind::openai;
  ASSERT_TRUE(make_client(config)->chat(test::hello_request(), {}));
  config.api = model::ApiKind::ollama;
  ASSERT_TRUE(make_client(config)->chat(test::hello_request(), {}));
  const auto sent = server.requests();
  ASSERT_EQ(sent.size(), 2U);
  EXPECT_EQ(sent[0].path, "/v1/chat/completions");
  EXPECT_EQ(sent[1].path, "/api/chat");
}

}  // namespace
}  // namespace chimera::llm
