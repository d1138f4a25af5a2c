#pragma once

#include <optional>
#include <vector>

#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// What a parser made of one file: its tables in file order, notes about parts it could not read
// (a ragged row, a bad value), and, when nothing could be read at all, `failure`, which says why
// and where (a JSON syntax error's line and column).
struct Parsed {
  std::vector<model::Table> tables;
  std::vector<model::Diagnostic> diagnostics;
  std::optional<model::Diagnostic> failure;
  std::vector<model::Passage> passages;  // Markdown only: lines that may state measurements
};

}  // namespace chimera::ingest
