#pragma once

#include <cstddef>
#include <initializer_list>

#include "chimera/model/packed_codes.hpp"

namespace chimera::model {

// One yes/no per row of a table (a failed run), in PackedCodes of the smallest width: a Markdown
// table of ten rows needs no heap block, where a std::vector<bool> took 40 bytes and one.
class RowFlags {
 public:
  RowFlags() = default;
  // `rows` flags, all false.
  explicit RowFlags(std::size_t rows) : m_codes(rows, PackedCodes::width_for(1)) {}
  RowFlags(std::initializer_list<bool> flags);  // NOLINT(google-explicit-constructor)

  [[nodiscard]] std::size_t size() const { return m_codes.size(); }
  [[nodiscard]] bool empty() const { return m_codes.size() == 0; }
  [[nodiscard]] bool operator[](std::size_t row) const { return m_codes[row] != 0; }
  void set(std::size_t row, bool flag);
  // How many rows are flagged.
  [[nodiscard]] std::size_t count() const;

  friend bool operator==(const RowFlags& a, const RowFlags& b);

 private:
  PackedCodes m_codes;
};

}  // namespace chimera::model
