#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "chimera/llm/json_fields.hpp"
#include "chimera/llm/line_stream_parser.hpp"

namespace chimera::llm {
namespace {

// Every OpenAI-compatible server sends one whole JSON payload per "data:" line, so each data
// line is handled as it arrives instead of waiting for the blank line that ends the event.
class SseParser final : public LineStreamParser {
 public:
  explicit SseParser(std::size_t max_line_bytes) : LineStreamParser(max_line_bytes) {}

  bool complete() const override { return m_done_marker || !m_metrics.done_reason.empty(); }

 private:
  bool parse_line(std::string_view line, const TokenCallback& on_piece) override {
    ++m_parsed;
    if (line.empty()) {
      m_event.clear();  // a blank line ends the event
      return true;
    }
    if (line.front() == ':') {
      return true;  // a comment, e.g. a keep-alive
    }
    if (line.front() == '{') {
      return parse_data(line, on_piece);  // bare JSON, as some servers send an error
    }
    const auto colon = line.find(':');
    const std::string_view field = line.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') {
      value.remove_prefix(1);
    }
    if (field == "event") {
      m_event = std::string(value);
      return true;
    }
    if (field == "error") {  // llama.cpp's server has sent errors as their own field
      return fail_with_server_error(value);
    }
    if (field != "data") {
      return true;  // id, retry, or a field SSE says to ignore
    }
    if (value == "[DONE]") {
      m_done_marker = true;
      ++m_chunks;
      return true;
    }
    if (m_event == "error") {
      return fail_with_server_error(value);
    }
    return parse_data(value, on_piece);
  }

  bool fail_with_server_error(std::string_view value) {
    const auto payload = parse_server_json(value);
    std::string text = std::string(value);
    if (!payload.is_discarded()) {
      const auto it = payload.is_object() ? payload.find("error") : payload.end();
      text = error_text(it != payload.end() ? *it : payload);
    }
    m_error =
        make_error(FailureKind::server_error, "the server reported an error mid-stream: " + text);
    return false;
  }

  bool parse_data(std::string_view value, const TokenCallback& on_piece) {
    const auto chunk = parse_server_json(value);
    if (chunk.is_discarded() || !chunk.is_object()) {
      m_error = make_error(FailureKind::malformed,
                           fmt::format("malformed stream: line {} is not a JSON object: '{}'",
                                       m_parsed, excerpt(value)));
      return false;
    }
    ++m_chunks;
    if (const auto it = chunk.find("error"); it != chunk.end()) {
      return fail_with_server_error(value);
    }
    if (const auto choices = chunk.find("choices");
        choices != chunk.end() && choices->is_array() && !choices->empty()) {
      const auto& choice = choices->front();
      if (const auto delta = choice.find("delta"); delta != choice.end()) {
        if (auto content = string_field(*delta, "content"); content && !content->empty()) {
          on_piece(*content);
        }
      }
      if (auto reason = string_field(choice, "finish_reason")) {
        m_metrics.done_reason = *reason;
      }
    }
    if (const auto usage = chunk.find("usage"); usage != chunk.end() && usage->is_object()) {
      if (auto prompt = integer_field(*usage, "prompt_tokens")) {
        m_metrics.prompt_eval_count = prompt;
      }
      if (auto completion = integer_field(*usage, "completion_tokens")) {
        m_metrics.eval_count = completion;
      }
    }
    if (const auto timings = chunk.find("timings"); timings != chunk.end()) {
      read_timings(*timings);
    }
    return true;
  }

  // llama.cpp's server: prompt_n counts only the tokens evaluated now, cache_n those reused.
  void read_timings(const nlohmann::json& timings) {
    m_metrics.prompt_eval_ms = number_field(timings, "prompt_ms");
    m_metrics.eval_ms = number_field(timings, "predicted_ms");
    if (!m_metrics.eval_count) {
      m_metrics.eval_count = integer_field(timings, "predicted_n");
    }
    if (!m_metrics.prompt_eval_count) {
      if (auto prompt_n = integer_field(timings, "prompt_n")) {
        m_metrics.prompt_eval_count = *prompt_n + integer_field(timings, "cache_n").value_or(0);
      }
    }
    m_metrics.tokens_per_second = number_field(timings, "predicted_per_second");
  }

  std::string m_event;
  bool m_done_marker = false;
};

}  // namespace

std::unique_ptr<StreamParser> make_sse_parser(std::size_t max_line_bytes) {
  return std::make_unique<SseParser>(max_line_bytes);
}

}  // namespace chimera::llm
