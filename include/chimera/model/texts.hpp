#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chimera/model/index_iterator.hpp"
#include "chimera/model/packed_codes.hpp"

namespace chimera::model {

// A read-only column of strings, each distinct string stored once and each row holding the
// index of its string in as few bits as the count of strings needs. Benchmark tables repeat a
// few strings down whole columns (the model name, an empty error), which a string per row would
// hold millions of times over.
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
  Texts(const Texts& other);
  Texts& operator=(const Texts& other);
  Texts(Texts&& other) noexcept : m_word(std::exchange(other.m_word, k_blank)) {}
  Texts& operator=(Texts&& other) noexcept;
  ~Texts();

  [[nodiscard]] std::size_t size() const {
    const PackedCodes* codes = boxed();
    return codes == nullptr ? static_cast<std::size_t>(m_word >> 1) : codes->size();
  }
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] std::string_view operator[](std::size_t i) const {
    const PackedCodes* codes = boxed();
    return codes == nullptr ? std::string_view()
                            : string_at(*codes, static_cast<std::uint32_t>((*codes)[i]));
  }
  [[nodiscard]] Iterator begin() const { return {this, 0}; }
  [[nodiscard]] Iterator end() const { return {this, size()}; }
  // How many different strings the column holds.
  [[nodiscard]] std::size_t distinct() const;
  // Heap bytes held, for benchmarks and tests of the encoding.
  [[nodiscard]] std::size_t memory_bytes() const;

  friend bool operator==(const Texts& a, const Texts& b);

 private:
  // The distinct strings, in the codes' tail: a uint32 count n, n + 1 uint32 offsets, then the
  // characters back to back (string k is chars[offsets[k], offsets[k + 1])). No tail when every
  // row is the empty string, the usual error column and failure reason: no block at all.
  [[nodiscard]] static std::uint32_t word(const std::uint8_t* dictionary, std::size_t k) {
    std::uint32_t value;
    std::memcpy(&value, dictionary + sizeof(std::uint32_t) * k, sizeof value);
    return value;
  }
  [[nodiscard]] static std::string_view string_at(const PackedCodes& codes, std::uint32_t id) {
    const std::uint8_t* dictionary = codes.tail();
    const std::uint8_t* chars = dictionary + sizeof(std::uint32_t) * (word(dictionary, 0) + 2);
    const std::uint32_t begin = word(dictionary, id + 1);
    return {reinterpret_cast<const char*>(chars + begin), word(dictionary, id + 2) - begin};
  }

  // A column where every row is "" (most error columns and failure reasons) is just its row
  // count, (rows << 1) | 1. Any other keeps its codes, with the dictionary in their tail, in a
  // block of their own, and m_word is that block's address (even). 8 bytes either way: a
  // Markdown corpus holds millions of numeric columns whose texts are empty.
  static constexpr std::uintptr_t k_blank = 1;  // no rows
  [[nodiscard]] const PackedCodes* boxed() const {
    return (m_word & 1) != 0 ? nullptr : reinterpret_cast<const PackedCodes*>(m_word);
  }
  void adopt(PackedCodes codes);

  std::uintptr_t m_word = k_blank;
};

static_assert(sizeof(Texts) == 8, "a Markdown corpus holds millions of these");

// Collects a column's strings one row at a time.
class Texts::Builder {
 public:
  void reserve(std::size_t rows) { m_rows.reserve(rows); }
  void push_back(std::string_view text);
  // The column built so far; the builder is left empty.
  [[nodiscard]] Texts finish();

 private:
  [[nodiscard]] std::uint32_t add(std::string_view text);
  [[nodiscard]] std::string_view at(std::size_t id) const {
    return std::string_view(m_chars).substr(m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
  }

  void grow_index();

  std::string m_chars;                      // the distinct strings back to back
  std::vector<std::uint32_t> m_offsets = {0};
  std::vector<std::uint32_t> m_rows;  // string index of each row
  // Open addressing over the dictionary, so a string is stored once. A column of unique run ids
  // would otherwise copy every string into a node of its own. A slot holds a string of up to 7
  // bytes itself (its bytes and length in `key`), so such strings are found without reading the
  // dictionary; a longer one has a `key` of all ones and is compared there.
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t tag = 0;  // 32 bits of the string's hash
    std::uint32_t id = 0;   // index + 1; 0 for an empty slot
  };
  void place(Slot slot);
  std::vector<Slot> m_slots;
};

}  // namespace chimera::model
