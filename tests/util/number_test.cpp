#include "chimera/util/number.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace chimera::util {
namespace {

TEST(FormatNumber, ReadsTheSameEverywhere) {
  EXPECT_EQ(format_number(12), "12");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(423.14), "423.1");
  EXPECT_EQ(format_number(65.084), "65.08");
  EXPECT_EQ(format_number(0.0312), "0.0312");
  EXPECT_EQ(format_number(NAN), "n/a");
}

TEST(FormatP, ShowsTinyPValuesAsBelowTheSmallestShown) {
  EXPECT_EQ(format_p(3.2e-17), "< 0.0001");
  EXPECT_EQ(format_p(0), "< 0.0001");
  EXPECT_EQ(format_p(0.0001), "0.0001");
  EXPECT_EQ(format_p(0.0312), "0.0312");
  EXPECT_EQ(format_p(0.5), "0.5");
}

TEST(PClause, ReadsAsASentence) {
  EXPECT_EQ(p_clause(1e-9), "p < 0.0001");
  EXPECT_EQ(p_clause(0.0312), "p = 0.0312");
}

}  // namespace
}  // namespace chimera::util
