#pragma once

// Reads a setting's value run by run, fast enough for tables of millions of rows: each
// distinct cell is turned into text once. Internal to analyze/.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chimera/analyze/records.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze::detail {

class SettingReader {
 public:
  // A setting read from `refs`, nearest first: a run's value is the first that is set.
  SettingReader(const model::Corpus& corpus, std::vector<const SettingRef*> refs);
  // A setting with one value for every run (from the path, or an arm).
  SettingReader(const model::Corpus& corpus, std::string constant);

  // The id of row `row`'s value (an index into values()), or -1 when the run has none.
  [[nodiscard]] int read(std::size_t row);
  [[nodiscard]] const std::vector<std::string>& values() const { return m_values; }
  [[nodiscard]] bool constant() const { return m_refs.empty(); }

 private:
  int intern(std::string text);
  int read_ref(std::size_t ref, std::size_t row);

  const model::Corpus& m_corpus;
  std::vector<const SettingRef*> m_refs;
  std::vector<std::string> m_values;
  std::unordered_map<std::string, int> m_ids;
  std::vector<std::unordered_map<std::uint64_t, int>> m_by_number;  // per ref, by the bits
  std::vector<std::unordered_map<std::string_view, int>> m_by_text;
  std::vector<int> m_one_row;  // per ref: its value when it reads one row; -2 until read
  // Per ref, the last cell read and its id: a column's rows come in runs of one value.
  struct Last {
    std::uint64_t bits = 0;
    const char* text = nullptr;
    int id = -2;
  };
  std::vector<Last> m_last;
  int m_constant = -1;
};

}  // namespace chimera::analyze::detail
