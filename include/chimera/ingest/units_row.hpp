#pragma once

#include <span>
#include <string_view>

namespace chimera::ingest {

// Whether `row`, the row right under a table's header, is a row of units rather than a run:
// Nsight Compute's CSVs write one ("", "", "nsecond", "%", "Kbyte", "cycle"), and a table may
// leave one empty. True when every cell is empty, or when no cell is a number, every non-empty
// cell reads as a unit (is_unit_text), and either `next` (the row after it, empty when there is
// none) is missing or has a number under one of those units. Cells are taken as written,
// surrounding spaces allowed.
[[nodiscard]] bool is_units_row(std::span<const std::string_view> row,
                                std::span<const std::string_view> next);

}  // namespace chimera::ingest
