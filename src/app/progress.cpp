#include "chimera/app/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace chimera::app {

using Clock = std::chrono::steady_clock;

Progress::Progress(bool enabled) : m_enabled(enabled && isatty(STDERR_FILENO) == 1) {}

void Progress::files_ingested(std::size_t files, std::size_t tables) {
  if (m_enabled) {
    std::fprintf(stderr, "chimera: ingested %zu files, %zu tables\n", files, tables);
  }
}

void Progress::pass_started(std::string_view name) {
  m_pass = name;
  m_pieces = 0;
  m_start = Clock::now();
  m_drawn = m_start;
  if (m_enabled) {
    std::fprintf(stderr, "chimera: %s pass: waiting for the first token", m_pass.c_str());
    std::fflush(stderr);
  }
}

void Progress::token(std::string_view piece) {
  if (piece.empty()) {
    return;
  }
  const auto now = Clock::now();
  if (m_pieces++ == 0) {
    m_first = now;
  }
  if (m_enabled && now - m_drawn >= std::chrono::milliseconds(100)) {
    m_drawn = now;
    draw();
  }
}

void Progress::draw() {
  // Streamed pieces stand in for tokens: servers send about one token per chunk.
  const double seconds = std::chrono::duration<double>(Clock::now() - m_first).count();
  const double rate = seconds > 0 && m_pieces > 1 ? static_cast<double>(m_pieces - 1) / seconds : 0;
  std::fprintf(stderr, "\r\033[Kchimera: %s pass: %zu tokens, %.1f tok/s", m_pass.c_str(), m_pieces,
               rate);
  std::fflush(stderr);
}

void Progress::pass_finished() {
  if (m_enabled) {
    draw();
    std::fputc('\n', stderr);
  }
}

}  // namespace chimera::app
