#include "chimera/ingest/markdown_passages.hpp"

#include <algorithm>

namespace chimera::ingest {
namespace {

constexpr std::size_t k_heading_chars = 240;

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `text` cut to the limit at the last space before it, never inside a UTF-8 sequence.
std::string_view bounded(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) {
    return text;
  }
  std::size_t cut = text.rfind(' ', limit);
  if (cut == std::string_view::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
      --cut;
    }
  }
  return text.substr(0, cut);
}

// Where a sentence ends: ". ", "! " or "? " followed by a capital, a digit or markup. A decimal
// point is never followed by a space, and "e.g. x" goes on.
bool sentence_end(std::string_view text, std::size_t i) {
  if (text[i] != '.' && text[i] != '!' && text[i] != '?') {
    return false;
  }
  if (i + 2 >= text.size() || text[i + 1] != ' ') {
    return false;
  }
  const char next = text[i + 2];
  return (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') || next == '*' ||
         next == '`' || next == '(';
}

}  // namespace

PassageKeeper::PassageKeeper(std::string_view source) : m_source(source) {}

void PassageKeeper::heading(int level, std::string_view text) {
  while (!m_headings.empty() && m_headings.back().first >= level) {
    m_headings.pop_back();
  }
  m_headings.emplace_back(level, std::string(bounded(text, k_heading_chars)));
  m_heading.clear();
  for (const auto& [l, h] : m_headings) {
    if (!m_heading.empty()) {
      m_heading += " > ";
    }
    m_heading += h;
  }
  m_heading = std::string(bounded(m_heading, k_heading_chars * 2));
}

void PassageKeeper::line(model::PassageKind kind, std::uint64_t line, std::string_view text) {
  if (!has_digit(text)) {
    return;
  }
  if (kind != model::PassageKind::text) {
    keep(kind, line, text);
    return;
  }
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (sentence_end(text, i)) {
      const auto sentence = text.substr(begin, i + 1 - begin);
      if (has_digit(sentence)) {
        keep(kind, line, sentence);
      }
      begin = i + 2;
    }
  }
  if (begin < text.size() && has_digit(text.substr(begin))) {
    keep(kind, line, text.substr(begin));
  }
}

void PassageKeeper::row(bool header, std::uint64_t line, std::span<const std::string_view> cells) {
  std::string text;
  for (const auto cell : cells) {
    if (!text.empty()) {
      text += " | ";
    }
    text += cell;
  }
  if (header) {
    m_header = {m_source, static_cast<std::uint32_t>(std::min<std::uint64_t>(line, UINT32_MAX)),
                model::PassageKind::table_header, m_heading,
                std::string(bounded(text, model::k_passage_chars))};
    m_header_kept = false;
    return;
  }
  if (!has_digit(text)) {
    return;
  }
  if (!m_header_kept) {
    if (m_passages.size() + 2 > model::k_passages_per_file) {
      return;
    }
    m_passages.push_back(std::move(m_header));
    m_header_kept = true;
  }
  keep(model::PassageKind::table_row, line, text);
}

void PassageKeeper::keep(model::PassageKind kind, std::uint64_t line, std::string_view text) {
  if (m_passages.size() >= model::k_passages_per_file) {
    return;
  }
  const auto trimmed = bounded(text, model::k_passage_chars);
  m_passages.push_back({m_source,
                        static_cast<std::uint32_t>(std::min<std::uint64_t>(line, UINT32_MAX)), kind,
                        m_heading, std::string(trimmed)});
}

}  // namespace chimera::ingest
