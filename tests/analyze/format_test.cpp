#include "chimera/analyze/format.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace chimera::analyze {
namespace {

TEST(FormatNumber, KeepsFourSignificantDigits) {
  EXPECT_EQ(format_number(423.13), "423.1");
  EXPECT_EQ(format_number(65.0849), "65.08");
  EXPECT_EQ(format_number(0.0625), "0.0625");
  EXPECT_EQ(format_number(0.012346), "0.01235");
  EXPECT_EQ(format_number(-3.14159), "-3.142");
}

TEST(FormatNumber, NeverRoundsTheIntegerPartOrUsesExponents) {
  EXPECT_EQ(format_number(3516.96), "3517");
  EXPECT_EQ(format_number(12345.6), "12346");
  EXPECT_EQ(format_number(1e7), "10000000");
}

TEST(FormatNumber, DropsTrailingZerosAndHandlesSpecialValues) {
  EXPECT_EQ(format_number(2.5), "2.5");
  EXPECT_EQ(format_number(6), "6");
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(-0.00001), "-0.00001");
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "nan");
}

TEST(FormatValue, AppendsUnits) {
  EXPECT_EQ(format_value(423.13, "ms"), "423.1 ms");
  EXPECT_EQ(format_value(12.5, "%"), "12.5%");
  EXPECT_EQ(format_value(3, ""), "3");
}

TEST(FormatKey, JoinsPairsAndNamesTheEmptyKey) {
  EXPECT_EQ(format_key({{"model", "gemma3"}, {"num_gpu", "60"}}), "model=gemma3 num_gpu=60");
  EXPECT_EQ(format_key({}), "(all)");
  EXPECT_EQ(format_dimension(0.6), "0.6");
  EXPECT_EQ(format_dimension(1024), "1024");
  // float32 settings written as doubles read as they were set
  EXPECT_EQ(format_dimension(0.800000011920929), "0.8");
  EXPECT_EQ(format_dimension(0.30000001192092896), "0.3");
  EXPECT_EQ(format_dimension(0.1), "0.1");
  EXPECT_EQ(format_dimension(16777217.0), "16777217");
}

}  // namespace
}  // namespace chimera::analyze
