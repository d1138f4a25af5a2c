#include "chimera/llm/line_stream_parser.hpp"

#include <string>

#include <fmt/format.h>

namespace chimera::llm {

std::optional<LlmError> LineStreamParser::feed(std::string_view bytes,
                                               const TokenCallback& on_piece) {
  const auto status =
      m_lines.feed(bytes, [&](std::string_view line) { return parse_line(line, on_piece); });
  if (status == LineSplitter::Status::line_too_long) {
    m_error = make_error(FailureKind::malformed,
                         fmt::format("malformed stream: line {} is longer than {} bytes",
                                     m_lines.lines_seen() + 1, m_max_line));
  }
  return m_error;
}

std::optional<LlmError> LineStreamParser::finish(const TokenCallback& on_piece) {
  if (!m_error && !m_lines.remainder().empty()) {
    const std::string last(m_lines.remainder());  // parse_line may not keep a view into m_lines
    parse_line(last, on_piece);
  }
  return m_error;
}

}  // namespace chimera::llm
