#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "chimera/llm/line_splitter.hpp"
#include "chimera/llm/stream_parser.hpp"

namespace chimera::llm {

// The part of a StreamParser that line-based protocols (NDJSON, SSE) share: bytes are cut into
// bounded lines however they arrive, and each whole line goes to parse_line().
class LineStreamParser : public StreamParser {
 public:
  explicit LineStreamParser(std::size_t max_line_bytes)
      : m_lines(max_line_bytes), m_max_line(max_line_bytes) {}

  [[nodiscard]] std::optional<LlmError> feed(std::string_view bytes,
                                             const TokenCallback& on_piece) final;
  [[nodiscard]] std::optional<LlmError> finish(const TokenCallback& on_piece) final;
  [[nodiscard]] const model::PassMetrics& server_metrics() const final { return m_metrics; }
  [[nodiscard]] std::size_t chunks() const final { return m_chunks; }

 protected:
  // Parses one complete line (without its newline). Returns false after setting m_error to stop.
  virtual bool parse_line(std::string_view line, const TokenCallback& on_piece) = 0;

  std::size_t m_parsed = 0;  // lines handed to parse_line, for messages
  std::size_t m_chunks = 0;  // chunks of the protocol parsed, see chunks()
  std::optional<LlmError> m_error;
  model::PassMetrics m_metrics;

 private:
  LineSplitter m_lines;
  std::size_t m_max_line;
};

}  // namespace chimera::llm
