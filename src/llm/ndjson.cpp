#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "chimera/llm/json_fields.hpp"
#include "chimera/llm/line_stream_parser.hpp"

namespace chimera::llm {
namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::optional<double> nanoseconds_to_ms(const nlohmann::json& chunk, std::string_view key) {
  const auto ns = number_field(chunk, key);
  return ns ? std::optional<double>(*ns / 1e6) : std::nullopt;
}

class NdjsonParser final : public LineStreamParser {
 public:
  explicit NdjsonParser(std::size_t max_line_bytes) : LineStreamParser(max_line_bytes) {}

  bool complete() const override { return m_done; }

 private:
  bool parse_line(std::string_view line, const TokenCallback& on_piece) override {
    ++m_parsed;
    if (is_blank(line)) {
      return true;
    }
    const auto chunk = parse_server_json(line);
    if (chunk.is_discarded() || !chunk.is_object()) {
      m_error = make_error(FailureKind::malformed,
                           fmt::format("malformed stream: line {} is not a JSON object: '{}'",
                                       m_parsed, excerpt(line)));
      return false;
    }
    ++m_chunks;
    if (const auto it = chunk.find("error"); it != chunk.end()) {
      m_error = make_error(FailureKind::server_error,
                           "the server reported an error mid-stream: " + error_text(*it));
      return false;
    }
    if (const auto message = chunk.find("message"); message != chunk.end()) {
      if (auto content = string_field(*message, "content"); content && !content->empty()) {
        on_piece(*content);
      }
    }
    if (const auto done = chunk.find("done");
        done != chunk.end() && done->is_boolean() && done->get<bool>()) {
      read_final(chunk);
    }
    return true;
  }

  void read_final(const nlohmann::json& chunk) {
    m_done = true;
    m_metrics.done_reason = string_field(chunk, "done_reason").value_or("");
    m_metrics.total_ms = nanoseconds_to_ms(chunk, "total_duration");
    m_metrics.load_ms = nanoseconds_to_ms(chunk, "load_duration");
    m_metrics.prompt_eval_ms = nanoseconds_to_ms(chunk, "prompt_eval_duration");
    m_metrics.eval_ms = nanoseconds_to_ms(chunk, "eval_duration");
    m_metrics.prompt_eval_count = integer_field(chunk, "prompt_eval_count");
    m_metrics.eval_count = integer_field(chunk, "eval_count");
  }

  bool m_done = false;
};

}  // namespace

std::unique_ptr<StreamParser> make_ndjson_parser(std::size_t max_line_bytes) {
  return std::make_unique<NdjsonParser>(max_line_bytes);
}

}  // namespace chimera::llm
