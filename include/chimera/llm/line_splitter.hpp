#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace chimera::llm {

// The longest line a stream may hold; a longer one is malformed rather than a reason to grow
// without bound.
inline constexpr std::size_t k_max_line_bytes = std::size_t{8} * 1024 * 1024;

// Splits a byte stream into lines however the bytes were cut into reads: a line may arrive in
// many reads and one read may hold many lines. Lines are whole, so a multibyte UTF-8 character
// is never split. "\n" and "\r\n" both end a line; the terminator is not part of the line.
class LineSplitter {
 public:
  enum class Status : std::uint8_t { ok, line_too_long, stopped };
  // Receives one complete line; returns false to stop splitting.
  using LineCallback = std::function<bool(std::string_view line)>;

  explicit LineSplitter(std::size_t max_line_bytes = k_max_line_bytes);

  // Appends `bytes` and calls `on_line` for each line completed. After line_too_long or stopped
  // the splitter must not be fed again.
  [[nodiscard]] Status feed(std::string_view bytes, const LineCallback& on_line);
  // The bytes after the last newline: the unterminated last line at the end of a stream.
  [[nodiscard]] std::string_view remainder() const { return m_buffer; }
  // How many lines have been completed so far, for messages ("line 3").
  [[nodiscard]] std::size_t lines_seen() const { return m_lines; }

 private:
  std::string m_buffer;
  std::size_t m_max;
  std::size_t m_lines = 0;
};

}  // namespace chimera::llm
