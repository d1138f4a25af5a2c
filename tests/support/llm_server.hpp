#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/llm_wire.hpp"

// A real HTTP server on 127.0.0.1 that speaks Ollama's native API and the OpenAI-compatible API,
// for tests and benchmarks. It starts in the constructor on an ephemeral port, runs in its own
// threads, and stops in the destructor (which also cuts short any scripted pause).
//
//   LlmTestServer server;                                  // answers at server.url()
//   server.script_ollama_chat({ollama_stream({"Hel", "lo"})});
//   auto client = make_client(ClientOptions{.host = server.url()});
//   ... client->chat(...) ...
//   EXPECT_EQ(server.requests("/api/chat").at(0).json()["keep_alive"], "5m");
//
// Endpoints:
//   GET  /api/version           {"version": version()}
//   GET  /api/tags              the models (name, model, digest, size, details)
//   POST /api/show              {"model": name}: details and model_info, or 404
//   POST /api/chat              the next Ollama chat script (NDJSON)
//   GET  /v1/models             the models as OpenAI lists them
//   POST /v1/chat/completions   the next OpenAI chat script (Server-Sent Events)
//   GET  /props                 llama.cpp's build_info, only after serve_as_llama_cpp()
//   POST /tokenize              {"content": s}: {"tokens": [...]}, only after set_tokenizer()
// A chat naming a model the server does not have gets 404 with Ollama's own message
// ("model \"x\" not found, try pulling it first"), as {"error": "..."} on /api/chat and
// {"error": {"message": "..."}} on /v1. Each chat request takes the next script queued for its
// protocol; with none queued it gets the default (see set_default_ollama_chat()).
// Every request is recorded, see requests().

namespace chimera::test {

struct TestModel {
  std::string name;  // "gemma3:latest"
  std::string digest;
  std::string family;
  std::string parameter_size;
  std::string quantization_level;
};

struct RecordedRequest {
  std::string method;
  std::string path;
  std::string body;
  std::string authorization;  // the Authorization header, empty if none
  std::string content_type;
  // The body parsed as JSON (null if it is not JSON).
  [[nodiscard]] nlohmann::json json() const;
};

class LlmTestServer {
 public:
  LlmTestServer();
  ~LlmTestServer();
  LlmTestServer(const LlmTestServer&) = delete;
  LlmTestServer& operator=(const LlmTestServer&) = delete;

  [[nodiscard]] int port() const;
  // "http://127.0.0.1:PORT", the form --host and ClientOptions::host take.
  [[nodiscard]] std::string url() const;

  // Queues the answer to the next chat request of that protocol (first queued, first served).
  void script_ollama_chat(ChatScript script);
  void script_openai_chat(ChatScript script);
  void script_ollama_chat(std::vector<Step> steps) { script_ollama_chat({200, std::move(steps)}); }
  void script_openai_chat(std::vector<Step> steps) { script_openai_chat({200, std::move(steps)}); }
  // Replaces the answer given when no script is queued (default: default_ollama_stream() and
  // default_openai_stream()); for benchmarks and tests that chat many times.
  void set_default_ollama_chat(std::vector<Step> steps);
  void set_default_openai_chat(std::vector<Step> steps);
  // Answers the next request to `path` (any method, e.g. "/api/version") with this status and
  // body instead of the canned answer; queued like chat scripts.
  void script_reply(const std::string& path, int status, std::string body);

  // Replaces the models (default: gemma3:latest and llama3.2:3b).
  void set_models(std::vector<TestModel> models);
  [[nodiscard]] std::vector<TestModel> models() const;
  void set_version(std::string version);  // default "0.6.2"
  // Answers /v1/models as llama-server does (one model, owned_by "llamacpp") and serves /props.
  void serve_as_llama_cpp(std::string model_id, std::string build_info);
  // Gives the server a tokenizer of `bytes_per_token` bytes a token (rounded up), and a window:
  // POST /tokenize answers as llama-server's does, and a chat answered without a script reports
  // as its prompt tokens those of its messages' contents, cut to the window, as a server that
  // truncates would: the request's options.num_ctx for Ollama, `openai_window` for OpenAI (as
  // llama-server's -c).
  void set_tokenizer(double bytes_per_token, std::int64_t openai_window);
  // The tokens of `text` by that tokenizer.
  [[nodiscard]] std::int64_t count_tokens(std::string_view text) const;
  // The tokens of a recorded chat request's messages' contents.
  [[nodiscard]] std::int64_t prompt_tokens(const RecordedRequest& request) const;

  // Time spent so far in route handlers: reading the request's JSON and choosing the answer,
  // not streaming the body. A benchmark subtracts it to leave the client's own overhead.
  [[nodiscard]] std::chrono::nanoseconds handler_time() const;

  // Every request received so far, in order; or those to one path.
  [[nodiscard]] std::vector<RecordedRequest> requests() const;
  [[nodiscard]] std::vector<RecordedRequest> requests(const std::string& path) const;

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

}  // namespace chimera::test
