#include "chimera/model/row_flags.hpp"

#include <gtest/gtest.h>

namespace chimera::model {
namespace {

TEST(RowFlags, StartsAllFalseAndCountsWhatIsSet) {
  RowFlags flags(70);
  EXPECT_EQ(flags.size(), 70u);
  EXPECT_EQ(flags.count(), 0u);
  flags.set(0, true);
  flags.set(69, true);
  flags.set(33, true);
  flags.set(33, false);
  EXPECT_TRUE(flags[0]);
  EXPECT_FALSE(flags[1]);
  EXPECT_FALSE(flags[33]);
  EXPECT_TRUE(flags[69]);
  EXPECT_EQ(flags.count(), 2u);
}

TEST(RowFlags, ComparesFlagByFlag) {
  EXPECT_EQ((RowFlags{true, false, true}), (RowFlags{true, false, true}));
  EXPECT_NE((RowFlags{true, false, true}), (RowFlags{true, false, false}));
  EXPECT_NE((RowFlags{true, false}), (RowFlags{true, false, false}));
  EXPECT_TRUE(RowFlags().empty());
}

TEST(RowFlags, CopiesAreIndependent) {
  RowFlags a{false, false, false, false, false, false, false, false, false, false};
  RowFlags b = a;
  b.set(9, true);
  EXPECT_FALSE(a[9]);
  EXPECT_TRUE(b[9]);
}

}  // namespace
}  // namespace chimera::model
