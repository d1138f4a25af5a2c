#include "chimera/llm/line_splitter.hpp"

namespace chimera::llm {

LineSplitter::LineSplitter(std::size_t max_line_bytes) : m_max(max_line_bytes) {}

LineSplitter::Status LineSplitter::feed(std::string_view bytes, const LineCallback& on_line) {
  std::size_t start = 0;
  while (start <= bytes.size()) {
    const std::size_t newline = bytes.find('\n', start);
    if (newline == std::string_view::npos) {
      break;
    }
    const std::string_view piece = bytes.substr(start, newline - start);
    // Most reads hold whole lines: hand them out in place and copy only a line cut by a read.
    std::string_view line = piece;
    if (!m_buffer.empty()) {
      if (m_buffer.size() + piece.size() > m_max) {
        return Status::line_too_long;
      }
      m_buffer.append(piece);
      line = m_buffer;
    }
    if (line.size() > m_max) {
      return Status::line_too_long;
    }
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    ++m_lines;
    const bool go_on = on_line(line);
    m_buffer.clear();
    start = newline + 1;
    if (!go_on) {
      return Status::stopped;
    }
  }
  const std::string_view tail = bytes.substr(start);
  if (m_buffer.size() + tail.size() > m_max) {
    return Status::line_too_long;
  }
  m_buffer.append(tail);
  return Status::ok;
}

}  // namespace chimera::llm
