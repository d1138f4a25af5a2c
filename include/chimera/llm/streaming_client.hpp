#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <tl/expected.hpp>
#include <vector>

#include "chimera/llm/client.hpp"
#include "chimera/llm/stream_parser.hpp"
#include "chimera/llm/transport.hpp"

namespace chimera::llm {

// What both protocols share: the streamed chat with its retries, timeouts and metrics, GETs of
// JSON for preflight, and turning HTTP errors into typed failures. A protocol supplies its
// paths, body, stream parser, preflight and model list.
class StreamingClient : public LlmClient {
 public:
  explicit StreamingClient(ClientOptions options);

  [[nodiscard]] tl::expected<ChatResult, LlmError> chat(const ChatRequest& request,
                                                        const TokenCallback& on_token) final;

 protected:
  // A failure of one try, and whether trying again could help.
  struct Failure {
    LlmError error;
    bool retryable = false;
  };

  [[nodiscard]] virtual std::string chat_path() const = 0;
  [[nodiscard]] virtual std::string chat_body(const ChatRequest& request) const = 0;
  [[nodiscard]] virtual std::unique_ptr<StreamParser> make_parser() const = 0;
  // The models the server has, for a model-not-found message; empty when it cannot say.
  [[nodiscard]] virtual std::vector<std::string> list_models() = 0;

  // GETs `path` (retrying like chat) and parses the body as JSON.
  [[nodiscard]] tl::expected<nlohmann::json, LlmError> get_json(const std::string& path);
  // POSTs the JSON `body` to `path` (retrying like chat) and parses the answer as JSON.
  [[nodiscard]] tl::expected<nlohmann::json, LlmError> post_json(const std::string& path,
                                                                 const std::string& body);
  // The typed failure for a response with status >= 300 to `path`.
  [[nodiscard]] Failure http_failure(long status, const std::string& path, const std::string& body,
                                     const std::string& model);
  [[nodiscard]] const ClientOptions& options() const { return m_options; }
  // `text` with the API key and the host's password blanked out, for anything a person may read.
  [[nodiscard]] std::string redact(std::string text) const;

 private:
  template <typename T, typename Try>
  tl::expected<T, LlmError> with_retries(const Try& attempt);
  [[nodiscard]] tl::expected<ChatResult, Failure> chat_once(const ChatRequest& request,
                                                            const std::string& body,
                                                            const TokenCallback& on_token,
                                                            SteadyClock::time_point deadline);
  [[nodiscard]] tl::expected<nlohmann::json, Failure> json_once(const std::string& path,
                                                               std::optional<std::string> body);
  [[nodiscard]] Failure transfer_failure(const TransferResult& transfer, const std::string& path);
  [[nodiscard]] HttpRequest make_request(const std::string& path,
                                         std::optional<std::string> body) const;

  ClientOptions m_options;
};

// The protocol clients; make_client picks one from ClientOptions::api.
[[nodiscard]] std::unique_ptr<LlmClient> make_ollama_client(const ClientOptions& options);
[[nodiscard]] std::unique_ptr<LlmClient> make_openai_client(const ClientOptions& options);

}  // namespace chimera::llm
