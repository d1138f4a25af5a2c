#pragma once

#include <string>

#include "chimera/llm/client.hpp"
#include "support/llm_server.hpp"

namespace chimera::test {

// Client options for `server` for tests that expect no timeout: timeouts long enough for a
// loaded machine (10 s), 10 ms backoff so retries are quick.
inline llm::ClientOptions fast_options(const LlmTestServer& server,
                                       model::ApiKind api = model::ApiKind::ollama) {
  llm::ClientOptions o;
  o.api = api;
  o.host = server.url();
  o.connect_timeout_s = 2.0;
  o.first_token_timeout_s = 10.0;
  o.idle_timeout_s = 10.0;
  o.backoff_s = 0.01;
  return o;
}

// fast_options() with 0.3 s first-token and idle timeouts, for tests of a stalling server.
inline llm::ClientOptions stall_options(const LlmTestServer& server,
                                        model::ApiKind api = model::ApiKind::ollama) {
  llm::ClientOptions o = fast_options(server, api);
  o.first_token_timeout_s = 0.3;
  o.idle_timeout_s = 0.3;
  return o;
}

// A two-message chat (system and user) for `model`.
inline llm::ChatRequest hello_request(std::string model = "gemma3:latest") {
  llm::ChatRequest r;
  r.model = std::move(model);
  r.messages = {{"system", "You are a benchmark analyst."}, {"user", "Say hello."}};
  return r;
}

}  // namespace chimera::test
