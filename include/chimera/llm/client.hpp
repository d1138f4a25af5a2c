#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "chimera/model/config.hpp"
#include "chimera/model/llm.hpp"

namespace chimera::llm {

struct Message {
  std::string role;  // "system", "user" or "assistant"
  std::string content;
};

struct ChatRequest {
  std::string model;
  std::vector<Message> messages;
  model::LlmOptions options;
  // The client's estimate of the prompt's tokens, for the truncation check; unset if unknown.
  std::optional<std::int64_t> estimated_prompt_tokens;
};

// Why a call to the endpoint failed.
enum class FailureKind : std::uint8_t {
  unreachable,        // connection refused, DNS, TLS
  model_not_found,    // the server does not have the model
  http_client_error,  // 4xx other than model not found
  http_server_error,  // 5xx other than 503
  queue_full,         // 503
  timeout_connect,
  timeout_first_token,
  timeout_idle,       // no chunk parsed for --timeout-idle seconds after the first token
  timeout_pass,       // the pass did not end within --timeout-pass seconds
  incomplete_stream,  // the stream ended without a final chunk
  malformed,          // a line that is not the protocol's JSON, or over the line bound
  server_error,       // an {"error": ...} line mid-stream
  cancelled,          // Ctrl-C
};

[[nodiscard]] std::string_view to_string(FailureKind kind);

struct LlmError {
  FailureKind kind = FailureKind::unreachable;
  std::string message;                        // one line, for people; never holds the API key
  int http_status = 0;                        // 0 when there was no HTTP response
  std::vector<std::string> available_models;  // filled for model_not_found
  std::string partial_text;                   // content streamed before the failure
  model::PassMetrics metrics;  // what the client measured before it: ttft_ms if a token came
};

// An LlmError of `kind` with a message; the other members empty.
[[nodiscard]] LlmError make_error(FailureKind kind, std::string message, int http_status = 0);

// Receives each piece of streamed content as it arrives (whole UTF-8 characters only).
using TokenCallback = std::function<void(std::string_view piece)>;

struct ChatResult {
  std::string text;
  model::PassMetrics metrics;
};

// An LLM endpoint. One implementation per protocol (Ollama native, OpenAI-compatible).
class LlmClient {
 public:
  virtual ~LlmClient() = default;
  // Is the server there, and does it have `model`? Returns what it says about itself.
  [[nodiscard]] virtual tl::expected<model::ServerInfo, LlmError> preflight(
      const std::string& model) = 0;
  // Streams one chat completion. Retries connect failures and 503 before the first token only.
  [[nodiscard]] virtual tl::expected<ChatResult, LlmError> chat(const ChatRequest& request,
                                                                const TokenCallback& on_token) = 0;
  // The tokens of the messages' contents by the model's own tokenizer, when the server offers
  // one (llama.cpp's POST /tokenize); nullopt otherwise. The chat template's tokens around each
  // message are not counted.
  [[nodiscard]] virtual std::optional<std::int64_t> count_tokens(
      const std::vector<Message>& /*messages*/) {
    return std::nullopt;
  }
};

// How a client reaches its endpoint and how long it waits. client_options(config) fills it from
// the command line; tests build it directly to shorten timeouts and backoff.
struct ClientOptions {
  model::ApiKind api = model::ApiKind::ollama;
  std::string host = "http://127.0.0.1:11434";  // normalised base URL, no trailing slash
  double connect_timeout_s = 10.0;
  // Request sent -> first content token, which includes loading the model.
  double first_token_timeout_s = 120.0;
  // Time without a parsed chunk once the first token has arrived. Bytes that make no chunk (a
  // space a second, blank lines, SSE comments) do not count: a trickling server still times out.
  double idle_timeout_s = 120.0;
  // The longest a whole chat may take, tries included, however the server streams.
  double pass_timeout_s = 600.0;
  // Tries for a connect failure, a connect timeout or a 503, never after the first token.
  int max_attempts = 3;
  double backoff_s = 0.5;  // wait before the second try; doubles before each further try
  std::string api_key;     // sent as "Authorization: Bearer"; never printed or logged
  // From --host's userinfo: sent as "Authorization: Basic" unless there is an API key; never
  // printed or logged.
  std::string user;
  std::string password;
  double truncation_tolerance = 0.25;  // see k_truncation_tolerance in metrics.hpp
};

// The options for `config`: host, api, --timeout-connect, and --timeout-idle for both the first
// token and the gaps between chunks. Reads the API key from CHIMERA_API_KEY.
[[nodiscard]] ClientOptions client_options(const model::Config& config);

// The client for options.api at options.host.
[[nodiscard]] std::unique_ptr<LlmClient> make_client(const ClientOptions& options);

// The client for config.api at config.host, with the config's timeouts. Reads CHIMERA_API_KEY.
[[nodiscard]] std::unique_ptr<LlmClient> make_client(const model::Config& config);

}  // namespace chimera::llm
