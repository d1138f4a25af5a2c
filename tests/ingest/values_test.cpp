#include "chimera/ingest/values.hpp"

#include <gtest/gtest.h>

namespace chimera::ingest {
namespace {

TEST(Values, RecognisesNullTokens) {
  for (const char* token : {"", "  ", "NA", "n/a", "NaN", "null", "None", "-", "nil"}) {
    EXPECT_TRUE(is_null_token(token)) << token;
  }
  for (const char* value : {"0", "none of them", "--x", "NULLS"}) {
    EXPECT_FALSE(is_null_token(value)) << value;
  }
}

TEST(Values, ParsesWholeCellNumbersOnly) {
  EXPECT_EQ(parse_number(" 42 "), 42.0);
  EXPECT_EQ(parse_number("+1.5"), 1.5);
  EXPECT_EQ(parse_number("-3e-2"), -0.03);
  EXPECT_FALSE(parse_number("12 ms").has_value());
  EXPECT_FALSE(parse_number("inf").has_value());
  EXPECT_FALSE(parse_number("nan").has_value());
  EXPECT_FALSE(parse_number("0x10").has_value());
  EXPECT_TRUE(looks_integral("1318"));
  EXPECT_FALSE(looks_integral("0.6"));
}

TEST(Values, TakesLeadingNumberWithUnitAndAnnotation) {
  auto n = parse_leading_number("40.99 tok/s");
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->value, 40.99);
  EXPECT_EQ(n->unit, "tok/s");
  n = parse_leading_number("26.77s  (throughput 99.01 tok/s)");
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->unit, "s");
  n = parse_leading_number("99.31 ± 0.00 tok/s (CV: 0.0%)");
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->value, 99.31);
  EXPECT_EQ(n->unit, "tok/s");
  n = parse_leading_number("+0.2% (+0.19)");
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->value, 0.2);
  EXPECT_EQ(n->unit, "%");
  EXPECT_FALSE(parse_leading_number("3 runs with standard deviation").has_value());
  EXPECT_FALSE(parse_leading_number("gpu60_ctx512").has_value());
  EXPECT_FALSE(parse_leading_number("2025-10-09").has_value());
}

TEST(Values, ParsesBooleans) {
  EXPECT_EQ(parse_boolean("TRUE"), true);
  EXPECT_EQ(parse_boolean("no"), false);
  EXPECT_FALSE(parse_boolean("1").has_value());
}

TEST(Values, ParsesIsoTimestampsAsUnixSeconds) {
  EXPECT_EQ(parse_timestamp("1970-01-02"), 86400.0);
  EXPECT_EQ(parse_timestamp("2025-11-10T05:12:37Z"), 1762751557.0);
  EXPECT_EQ(parse_timestamp("2025-11-10 05:12:37 UTC"), 1762751557.0);
  EXPECT_EQ(parse_timestamp("2025-11-10T07:12:37+02:00"), 1762751557.0);
  EXPECT_NEAR(*parse_timestamp("2025-11-10T05:12:37.980619200Z"), 1762751557.9806192, 1e-5);
  EXPECT_FALSE(parse_timestamp("2025-13-10").has_value());
  EXPECT_FALSE(parse_timestamp("yesterday").has_value());
  EXPECT_FALSE(parse_timestamp("2025-11-10T05").has_value());
}

}  // namespace
}  // namespace chimera::ingest
