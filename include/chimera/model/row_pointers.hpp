#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chimera/model/numbers.hpp"
#include "chimera/model/texts.hpp"

namespace chimera::model {

// The JSON pointer of each row of a table read from JSON. Rows are elements of arrays, so the
// pointers differ only in a last index ("/runs/0", "/runs/1", ...): each is kept as a shared
// prefix and a number rather than as a string of its own.
class RowPointers {
 public:
  class Builder;

  RowPointers() = default;
  // Implicit so that a table can be assigned a list of pointers.
  RowPointers(const std::vector<std::string>& pointers);  // NOLINT(google-explicit-constructor)

  [[nodiscard]] std::size_t size() const { return m_parts ? m_parts->prefixes.size() : 0; }
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] std::string operator[](std::size_t i) const;
  [[nodiscard]] std::vector<std::string> to_vector() const;
  [[nodiscard]] std::size_t memory_bytes() const;

  friend bool operator==(const RowPointers& a, const RowPointers& b) {
    return a.to_vector() == b.to_vector();
  }

 private:
  struct Parts {
    Texts prefixes;   // "/runs/", or the whole pointer when it does not end in an index
    Numbers indices;  // the last index, NaN when there is none
  };
  // Only tables read from JSON have pointers; the others hold a null pointer here.
  std::shared_ptr<const Parts> m_parts;
};

// Collects a table's row pointers one row at a time.
class RowPointers::Builder {
 public:
  void reserve(std::size_t rows);
  void push_back(std::string_view pointer);
  // The pointers collected so far; the builder is left empty.
  [[nodiscard]] RowPointers finish();

 private:
  Texts::Builder m_prefixes;
  std::vector<double> m_indices;
};

}  // namespace chimera::model
