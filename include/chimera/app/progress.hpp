#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace chimera::app {

// Progress lines on stderr for a person watching a terminal; silent otherwise.
class Progress {
 public:
  // Enabled only when `enabled` (not --quiet) and stderr is a terminal.
  explicit Progress(bool enabled);
  void files_ingested(std::size_t files, std::size_t tables);
  void pass_started(std::string_view name);
  // One streamed piece of content; redraws "N tokens, X tok/s" at most ten times a second.
  void token(std::string_view piece);
  void pass_finished();
  [[nodiscard]] bool enabled() const { return m_enabled; }

 private:
  void draw();

  bool m_enabled = false;
  std::string m_pass;
  std::size_t m_pieces = 0;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_first;
  std::chrono::steady_clock::time_point m_drawn;
};

}  // namespace chimera::app
