#include "chimera/llm/streaming_client.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <thread>

#include "chimera/util/cancel.hpp"
#include "chimera/llm/endpoint.hpp"
#include "chimera/llm/json_fields.hpp"
#include "chimera/llm/metrics.hpp"

namespace chimera::llm {
namespace {

constexpr std::size_t k_max_json_body = 64 * 1024 * 1024;

double seconds(SteadyClock::duration d) {
  return std::chrono::duration<double>(d).count();
}

double milliseconds(SteadyClock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// Waits `s` seconds unless a cancel request comes first; returns false if cancelled.
bool wait_unless_cancelled(double s) {
  const auto until = SteadyClock::now() + std::chrono::duration<double>(s);
  while (SteadyClock::now() < until) {
    if (util::cancel_requested()) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return !util::cancel_requested();
}

// What a server said in an error body: Ollama's {"error": "..."}, OpenAI's
// {"error": {"message": "..."}}, or the start of the raw text.
std::string server_message(const std::string& body) {
  const auto json = parse_server_json(body);
  if (!json.is_discarded() && json.is_object()) {
    if (const auto it = json.find("error"); it != json.end()) {
      return error_text(*it);
    }
    if (auto message = string_field(json, "message")) {
      return *message;
    }
  }
  std::string text = excerpt(body, 200);
  for (char& c : text) {
    if (c == '\n' || c == '\r') {
      c = ' ';
    }
  }
  return text.empty() ? "(no message)" : text;
}

}  // namespace

StreamingClient::StreamingClient(ClientOptions options) : m_options(std::move(options)) {}

std::string StreamingClient::redact(std::string text) const {
  // A password of a character or two would blank out ordinary words; no message holds one.
  for (const std::string* secret : {&m_options.api_key, &m_options.password}) {
    if (secret->size() < 3) {
      continue;
    }
    for (auto pos = text.find(*secret); pos != std::string::npos; pos = text.find(*secret, pos)) {
      text.replace(pos, secret->size(), "[redacted]");
    }
  }
  return text;
}

HttpRequest StreamingClient::make_request(const std::string& path,
                                          std::optional<std::string> body) const {
  HttpRequest request{m_options.host + path, std::move(body), {}};
  if (!m_options.api_key.empty()) {
    request.headers.push_back("Authorization: Bearer " + m_options.api_key);
  } else if (!m_options.user.empty() || !m_options.password.empty()) {
    request.headers.push_back(basic_authorization(m_options.user, m_options.password));
  }
  return request;
}

template <typename T, typename Try>
tl::expected<T, LlmError> StreamingClient::with_retries(const Try& attempt) {
  double backoff = m_options.backoff_s;
  const int tries = std::max(1, m_options.max_attempts);
  for (int n = 1;; ++n) {
    auto result = attempt();
    if (result) {
      return std::move(*result);
    }
    Failure& failure = result.error();
    if (!failure.retryable || n == tries) {
      if (failure.retryable && n > 1) {
        failure.error.message += fmt::format(" (after {} tries)", n);
      }
      failure.error.message = redact(std::move(failure.error.message));
      return tl::unexpected(std::move(failure.error));
    }
    if (!wait_unless_cancelled(backoff)) {
      return tl::unexpected(make_error(FailureKind::cancelled, "cancelled"));
    }
    backoff *= 2;
  }
}

tl::expected<ChatResult, LlmError> StreamingClient::chat(const ChatRequest& request,
                                                         const TokenCallback& on_token) {
  const std::string body = chat_body(request);
  const auto deadline =
      SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(
                               std::chrono::duration<double>(m_options.pass_timeout_s));
  return with_retries<ChatResult>([&] { return chat_once(request, body, on_token, deadline); });
}

tl::expected<ChatResult, StreamingClient::Failure> StreamingClient::chat_once(
    const ChatRequest& request, const std::string& body, const TokenCallback& on_token,
    SteadyClock::time_point deadline) {
  const auto parser = make_parser();
  ChatResult result;
  std::optional<SteadyClock::time_point> first_token;
  std::optional<LlmError> parse_error;
  const TokenCallback on_piece = [&](std::string_view piece) {
    if (!first_token) {
      first_token = SteadyClock::now();
    }
    result.text.append(piece);
    if (on_token) {
      on_token(piece);
    }
  };
  const auto start = SteadyClock::now();
  // The idle timeout runs from the last chunk parsed, not the last byte received: a server that
  // sends a space a second after its first token would otherwise hold the pass forever.
  SteadyClock::time_point last_chunk = start;
  const BodySink sink = [&](std::string_view bytes) {
    const std::size_t before = parser->chunks();
    parse_error = parser->feed(bytes, on_piece);
    if (parser->chunks() != before) {
      last_chunk = SteadyClock::now();
    }
    return !parse_error;
  };
  const Watchdog watchdog = [&](SteadyClock::time_point /*last_bytes*/) -> std::optional<LlmError> {
    const auto now = SteadyClock::now();
    if (now > deadline) {
      return make_error(FailureKind::timeout_pass,
                        fmt::format("the pass did not finish within {:g} s (--timeout-pass)",
                                    m_options.pass_timeout_s));
    }
    if (!first_token && seconds(now - start) > m_options.first_token_timeout_s) {
      return make_error(FailureKind::timeout_first_token,
                        fmt::format("no token within {:g} s of sending the request "
                                    "(--timeout-idle)",
                                    m_options.first_token_timeout_s));
    }
    if (first_token && seconds(now - last_chunk) > m_options.idle_timeout_s) {
      return make_error(FailureKind::timeout_idle,
                        fmt::format("the stream stalled: no chunk for {:g} s (--timeout-idle)",
                                    m_options.idle_timeout_s));
    }
    return std::nullopt;
  };

  const auto transfer =
      perform(make_request(chat_path(), body), m_options.connect_timeout_s, sink, watchdog);
  const auto end = SteadyClock::now();

  const bool http_ok = transfer.status >= 200 && transfer.status < 300;
  const bool body_ended = transfer.end == TransferEnd::complete ||
                          transfer.end == TransferEnd::broken || parse_error.has_value();
  if (http_ok && body_ended && !parse_error) {
    parse_error = parser->finish(on_piece);
  }
  std::optional<Failure> failure;
  if (parse_error) {
    failure = Failure{std::move(*parse_error)};
  } else if (transfer.status != 0 && !http_ok) {
    failure = http_failure(transfer.status, chat_path(), transfer.error_body, request.model);
  } else if (transfer.end == TransferEnd::complete || transfer.end == TransferEnd::broken) {
    if (!parser->complete()) {
      const std::string why =
          transfer.end == TransferEnd::broken ? transfer.detail : "the server closed it";
      failure = Failure{make_error(
          transfer.status == 0 ? FailureKind::unreachable : FailureKind::incomplete_stream,
          transfer.status == 0
              ? fmt::format("the connection to {} failed: {}", m_options.host, why)
              : fmt::format("the stream ended before its final chunk ({}; {} bytes received)", why,
                            transfer.body_bytes))};
    }
  } else {
    failure = transfer_failure(transfer, chat_path());
  }
  if (failure) {
    failure->error.http_status = static_cast<int>(transfer.status);
    failure->error.partial_text = std::move(result.text);
    if (first_token) {
      failure->error.metrics.ttft_ms = milliseconds(*first_token - start);
    }
    failure->error.metrics.wall_ms = milliseconds(end - start);
    return tl::unexpected(std::move(*failure));
  }

  result.metrics = parser->server_metrics();
  if (first_token) {
    result.metrics.ttft_ms = milliseconds(*first_token - start);
  }
  result.metrics.wall_ms = milliseconds(end - start);
  finish_metrics(result.metrics, request, m_options.truncation_tolerance);
  return result;
}

StreamingClient::Failure StreamingClient::transfer_failure(const TransferResult& transfer,
                                                           const std::string& path) {
  switch (transfer.end) {
    case TransferEnd::connect_failed:
      return {make_error(FailureKind::unreachable,
                         fmt::format("cannot connect to {}: {}; is the server running? (--host, "
                                     "OLLAMA_HOST)",
                                     m_options.host, transfer.detail)),
              true};
    case TransferEnd::connect_timeout:
      return {make_error(FailureKind::timeout_connect,
                         fmt::format("no connection to {} within {:g} s (--timeout-connect)",
                                     m_options.host, m_options.connect_timeout_s)),
              true};
    case TransferEnd::resolve_failed:
      return {make_error(FailureKind::unreachable,
                         fmt::format("cannot resolve the host of {}: {} (--host, OLLAMA_HOST)",
                                     m_options.host, transfer.detail))};
    case TransferEnd::cancelled:
      return {make_error(FailureKind::cancelled, "cancelled")};
    case TransferEnd::watchdog:
      return {transfer.watchdog.value_or(make_error(FailureKind::timeout_idle, "timed out"))};
    case TransferEnd::sink_stopped:
    case TransferEnd::broken:
    case TransferEnd::complete:
      break;
  }
  return {make_error(FailureKind::unreachable,
                     fmt::format("the request to {}{} failed: {}", m_options.host, path,
                                 transfer.detail.empty() ? "no response" : transfer.detail))};
}

StreamingClient::Failure StreamingClient::http_failure(long status, const std::string& path,
                                                       const std::string& body,
                                                       const std::string& model) {
  const std::string message = server_message(body);
  const std::string where = fmt::format("HTTP {} from {}{}", status, m_options.host, path);
  if (status == 404 && !model.empty() && message.find("model") != std::string::npos) {
    LlmError error = make_error(FailureKind::model_not_found, "", static_cast<int>(status));
    error.available_models = list_models();
    error.message = fmt::format("model '{}' not found at {} ({})", model, m_options.host, message);
    error.message +=
        error.available_models.empty()
            ? "; pull it or choose another with --model"
            : fmt::format("; available: {} (--model)", fmt::join(error.available_models, ", "));
    return {std::move(error)};
  }
  if (status == 503) {
    return {make_error(FailureKind::queue_full,
                       fmt::format("{}: the server is busy: {}", where, message),
                       static_cast<int>(status)),
            true};
  }
  const auto kind = status >= 500 ? FailureKind::http_server_error : FailureKind::http_client_error;
  return {make_error(kind, fmt::format("{}: {}", where, message), static_cast<int>(status))};
}

tl::expected<nlohmann::json, LlmError> StreamingClient::get_json(const std::string& path) {
  return with_retries<nlohmann::json>([&] { return json_once(path, std::nullopt); });
}

tl::expected<nlohmann::json, LlmError> StreamingClient::post_json(const std::string& path,
                                                                  const std::string& body) {
  return with_retries<nlohmann::json>([&] { return json_once(path, body); });
}

tl::expected<nlohmann::json, StreamingClient::Failure> StreamingClient::json_once(
    const std::string& path, std::optional<std::string> request_body) {
  std::string body;
  const auto start = SteadyClock::now();
  const BodySink sink = [&body](std::string_view bytes) {
    body.append(bytes);
    return body.size() <= k_max_json_body;
  };
  // A preflight or tokenizer answer is small: the whole of it gets the idle timeout.
  const Watchdog watchdog = [&](SteadyClock::time_point) -> std::optional<LlmError> {
    if (seconds(SteadyClock::now() - start) > m_options.idle_timeout_s) {
      return make_error(FailureKind::timeout_idle,
                        fmt::format("{}{} did not answer within {:g} s (--timeout-idle)",
                                    m_options.host, path, m_options.idle_timeout_s));
    }
    return std::nullopt;
  };
  const auto transfer = perform(make_request(path, std::move(request_body)),
                                m_options.connect_timeout_s, sink, watchdog);
  if (transfer.status != 0 && (transfer.status < 200 || transfer.status >= 300)) {
    return tl::unexpected(http_failure(transfer.status, path, transfer.error_body, ""));
  }
  if (transfer.end != TransferEnd::complete) {
    return tl::unexpected(transfer_failure(transfer, path));
  }
  auto json = parse_server_json(body);
  if (json.is_discarded()) {
    return tl::unexpected(Failure{make_error(
        FailureKind::malformed, fmt::format("{}{} answered with something that is not JSON: "
                                            "'{}'",
                                            m_options.host, path, excerpt(body)))});
  }
  return json;
}

}  // namespace chimera::llm
