#include "chimera/ingest/units_row.hpp"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace chimera::ingest {
namespace {

using Row = std::vector<std::string_view>;

TEST(UnitsRow, NsightComputeUnitsUnderTheHeaderAreUnits) {
  const Row units = {"", "", "", "nsecond", "%", "Kbyte", "cycle", "inst/cycle"};
  const Row run = {"0", "3172", "python", "2496", "12.5", "1024", "3456", "0.41"};
  EXPECT_TRUE(is_units_row(units, run));
  EXPECT_TRUE(is_units_row(units, {}));  // a table with no run yet
}

TEST(UnitsRow, AnEmptyRowUnderTheHeaderIsNoRun) {
  EXPECT_TRUE(is_units_row(Row{"", "", ""}, Row{"gemm", "2496", "12"}));
  EXPECT_TRUE(is_units_row(Row{" ", ""}, {}));
}

TEST(UnitsRow, ARunIsNotAUnitsRow) {
  EXPECT_FALSE(is_units_row(Row{"gemma3", "12.5", "ms"}, {}));
  EXPECT_FALSE(is_units_row(Row{"", "0"}, Row{"", "1"}));
  EXPECT_FALSE(is_units_row(Row{"baseline", "s"}, Row{"chimera", "12"}));
  // Words that happen to be units, over a row without a number beneath them.
  EXPECT_FALSE(is_units_row(Row{"ms", "s"}, Row{"fast", "slow"}));
}

}  // namespace
}  // namespace chimera::ingest
