#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chimera/model/index_iterator.hpp"
#include "chimera/model/packed_codes.hpp"

namespace chimera::model {

// A read-only column of strings, each distinct string stored once and each row holding the
// index of its string in one, two or four bytes. Benchmark tables repeat a few strings down
// whole columns (the model name, an empty error), which a string per row would hold millions
// of times over.
class Texts {
 public:
  class Builder;
  using Iterator = IndexIterator<Texts, std::string_view>;
  using value_type = std::string_view;
  using iterator = Iterator;
  using const_iterator = Iterator;

  Texts() = default;
  // Implicit so that a column can be assigned a vector or a braced list of strings.
  Texts(const std::vector<std::string>& values);           // NOLINT(google-explicit-constructor)
  Texts(std::initializer_list<std::string_view> values);  // NOLINT(google-explicit-constructor)

  [[nodiscard]] std::size_t size() const { return m_codes.size(); }
  [[nodiscard]] bool empty() const { return m_codes.size() == 0; }
  [[nodiscard]] std::string_view operator[](std::size_t i) const {
    return string_at(static_cast<std::size_t>(m_codes[i]));
  }
  [[nodiscard]] Iterator begin() const { return {this, 0}; }
  [[nodiscard]] Iterator end() const { return {this, size()}; }
  // How many different strings the column holds.
  [[nodiscard]] std::size_t distinct() const {
    return m_dictionary ? m_dictionary->offsets.size() - 1 : 0;
  }
  // Heap bytes held, for benchmarks and tests of the encoding.
  [[nodiscard]] std::size_t memory_bytes() const;

  friend bool operator==(const Texts& a, const Texts& b);

 private:
  // The distinct strings back to back: string k is chars[offsets[k], offsets[k + 1]).
  struct Dictionary {
    std::string chars;
    std::vector<std::size_t> offsets = {0};

    [[nodiscard]] std::string_view at(std::size_t id) const {
      return std::string_view(chars).substr(offsets[id], offsets[id + 1] - offsets[id]);
    }
  };
  [[nodiscard]] std::string_view string_at(std::size_t id) const {
    return m_dictionary->at(id);
  }

  PackedCodes m_codes;
  std::shared_ptr<const Dictionary> m_dictionary;  // shared: a Texts never changes once built
};

// Collects a column's strings one row at a time.
class Texts::Builder {
 public:
  void reserve(std::size_t rows) { m_rows.reserve(rows); }
  void push_back(std::string_view text);
  // The column built so far; the builder is left empty.
  [[nodiscard]] Texts finish();

 private:
  [[nodiscard]] std::uint32_t add(std::string_view text);

  void grow_index();

  Dictionary m_dictionary;
  std::vector<std::uint32_t> m_rows;  // string index of each row
  // Open addressing over the dictionary, so a string is stored once: each slot is 0 (empty) or
  // the low 32 bits of the string's hash above its index + 1. A column of unique run ids would
  // otherwise copy every string into a node of its own.
  std::vector<std::uint64_t> m_slots;
};

}  // namespace chimera::model
