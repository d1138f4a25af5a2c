#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// Collects the passages of one Markdown document as its walk meets them: the lines that hold a
// digit (a sentence of running text, a list item's line, a table's header and rows), each with
// the headings it sits under. At most model::k_passages_per_file of them, each cut to
// model::k_passage_chars at a word boundary; a table's header is kept with its first row that
// holds a digit, so that the claims engine always has the header of a row it reads.
class PassageKeeper {
 public:
  explicit PassageKeeper(std::string_view source);

  // A heading of level `level` (1 for '#'): it replaces the headings of its level and below.
  void heading(int level, std::string_view text);
  // A line of a paragraph (`kind` text, split into sentences) or of a list item.
  void line(model::PassageKind kind, std::uint64_t line, std::string_view text);
  // A table's row: its header when `header`, else a row under the last header seen.
  void row(bool header, std::uint64_t line, std::span<const std::string_view> cells);

  [[nodiscard]] std::vector<model::Passage> take() { return std::move(m_passages); }

 private:
  void keep(model::PassageKind kind, std::uint64_t line, std::string_view text);

  model::Symbol m_source;
  std::vector<std::pair<int, std::string>> m_headings;
  std::string m_heading;
  model::Passage m_header;  // the current table's header, until a row of it is kept
  bool m_header_kept = true;
  std::vector<model::Passage> m_passages;
};

}  // namespace chimera::ingest
