#include "chimera/llm/client.hpp"

#include <cstdlib>

#include "chimera/llm/metrics.hpp"
#include "chimera/llm/streaming_client.hpp"

namespace chimera::llm {

std::string_view to_string(FailureKind kind) {
  switch (kind) {
    case FailureKind::unreachable:
      return "unreachable";
    case FailureKind::model_not_found:
      return "model not found";
    case FailureKind::http_client_error:
      return "HTTP client error";
    case FailureKind::http_server_error:
      return "HTTP server error";
    case FailureKind::queue_full:
      return "queue full";
    case FailureKind::timeout_connect:
      return "connect timeout";
    case FailureKind::timeout_first_token:
      return "first-token timeout";
    case FailureKind::timeout_idle:
      return "idle timeout";
    case FailureKind::timeout_pass:
      return "pass deadline";
    case FailureKind::incomplete_stream:
      return "incomplete stream";
    case FailureKind::malformed:
      return "malformed stream";
    case FailureKind::server_error:
      return "server error";
    case FailureKind::cancelled:
      return "cancelled";
  }
  return "unknown";
}

LlmError make_error(FailureKind kind, std::string message, int http_status) {
  LlmError error;
  error.kind = kind;
  error.message = std::move(message);
  error.http_status = http_status;
  return error;
}

ClientOptions client_options(const model::Config& config) {
  ClientOptions options;
  options.api = config.api;
  options.host = config.host;
  options.connect_timeout_s = config.timeout_connect_s;
  options.first_token_timeout_s = config.timeout_idle_s;
  options.idle_timeout_s = config.timeout_idle_s;
  options.pass_timeout_s = config.timeout_pass_s;
  options.truncation_tolerance = k_truncation_tolerance;
  options.user = config.host_user;
  options.password = config.host_password;
  if (const char* key = std::getenv("CHIMERA_API_KEY"); key != nullptr) {
    options.api_key = key;
  }
  return options;
}

std::unique_ptr<LlmClient> make_client(const ClientOptions& options) {
  return options.api == model::ApiKind::openai ? make_openai_client(options)
                                               : make_ollama_client(options);
}

std::unique_ptr<LlmClient> make_client(const model::Config& config) {
  return make_client(client_options(config));
}

}  // namespace chimera::llm
