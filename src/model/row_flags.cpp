#include "chimera/model/row_flags.hpp"

namespace chimera::model {

RowFlags::RowFlags(std::initializer_list<bool> flags) : RowFlags(flags.size()) {
  std::size_t row = 0;
  for (const bool flag : flags) {
    set(row++, flag);
  }
}

// Out of line: inlined into callers that build small RowFlags, GCC 12 wrongly warns that the
// inline-storage branch writes past a zero-sized region (-Wstringop-overflow).
void RowFlags::set(std::size_t row, bool flag) { m_codes.set(row, flag ? 1 : 0); }

std::size_t RowFlags::count() const {
  std::size_t flagged = 0;
  for (std::size_t row = 0; row < size(); ++row) {
    flagged += (*this)[row] ? 1u : 0u;
  }
  return flagged;
}

bool operator==(const RowFlags& a, const RowFlags& b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t row = 0; row < a.size(); ++row) {
    if (a[row] != b[row]) {
      return false;
    }
  }
  return true;
}

}  // namespace chimera::model
