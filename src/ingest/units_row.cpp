#include "chimera/ingest/units_row.hpp"

#include "chimera/ingest/units.hpp"
#include "chimera/ingest/values.hpp"

namespace chimera::ingest {

bool is_units_row(std::span<const std::string_view> row, std::span<const std::string_view> next) {
  bool any_unit = false;
  bool number_below = next.empty();
  for (std::size_t i = 0; i < row.size(); ++i) {
    const std::string_view cell = trim(row[i]);
    if (cell.empty()) {
      continue;
    }
    if (parse_number(cell) || !is_unit_text(cell)) {
      return false;
    }
    any_unit = true;
    if (i < next.size() && parse_leading_number(next[i])) {
      number_below = true;
    }
  }
  return !any_unit || number_below;
}

}  // namespace chimera::ingest
