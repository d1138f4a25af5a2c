#include "chimera/ingest/values.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cstdint>
#include <random>
#include <string>

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

// What parse_number must return for a plain number: exactly what from_chars reads, bit for bit.
std::uint64_t from_chars_bits(const std::string& text) {
  double value = 0.0;
  const char* first = text.data() + (text.front() == '+' ? 1 : 0);
  const auto [end, ec] = std::from_chars(first, text.data() + text.size(), value);
  EXPECT_EQ(ec, std::errc()) << text;
  EXPECT_EQ(end, text.data() + text.size()) << text;
  return std::bit_cast<std::uint64_t>(value);
}

void expect_same_as_from_chars(const std::string& text) {
  const auto number = parse_number(text);
  ASSERT_TRUE(number.has_value()) << text;
  EXPECT_EQ(std::bit_cast<std::uint64_t>(*number), from_chars_bits(text)) << text;
}

TEST(Values, ReadsPlainDecimalsBitForBitAsFromChars) {
  for (const char* text :
       {"0", "-0", "+0", "0.0", "-0.0", "1.", ".5", "-.5", "+.5", "-1.", "007", "0001.2300", "0.1",
        "0.2", "0.3", "0.30000000000000004", "9007199254740992", "9007199254740993",
        "9007199254740993.5", "123456789012345678", "12345678901234567890123",
        "0.0000000000000000000001", "0.00000000000000000000001", "1.0000000000000000000000001",
        "99999999999999999", "4503599627370497.5", "1e5", "-3e-2", "1.5E+3", "2e-308",
        "1.7976931348623157e308", "4.9e-324", "3.141592653589793", "2.718281828459045235360"}) {
    expect_same_as_from_chars(text);
  }
  std::mt19937_64 random(20261130);
  for (int i = 0; i < 200000; ++i) {
    std::string text;
    const auto pick = random();
    if (pick % 4 == 0) {
      text += '-';
    } else if (pick % 4 == 1) {
      text += '+';
    }
    const int whole = static_cast<int>(random() % 21);
    const int fraction = static_cast<int>(random() % 26) - 2;  // < 0: no point at all
    for (int d = 0; d < whole; ++d) {
      text += static_cast<char>('0' + random() % 10);
    }
    if (fraction >= 0) {
      text += '.';
      for (int d = 0; d < fraction; ++d) {
        text += static_cast<char>('0' + random() % 10);
      }
    }
    if (whole == 0 && fraction <= 0) {
      text += '7';
    }
    if (random() % 8 == 0) {
      text += random() % 2 == 0 ? "e" : "E";
      text += std::to_string(static_cast<int>(random() % 60) - 30);
    }
    expect_same_as_from_chars(text);
  }
}

TEST(Values, ReadNumberSetsTheValueOnlyOnSuccess) {
  double value = -7.0;
  bool integral = true;
  EXPECT_TRUE(read_number(" 2.5 ", value, integral));
  EXPECT_EQ(value, 2.5);
  EXPECT_FALSE(integral);
  EXPECT_FALSE(read_number("12 ms", value, integral));
  EXPECT_FALSE(read_number("1.5e", value, integral));
  EXPECT_FALSE(read_number("inf", value, integral));
  EXPECT_FALSE(read_number("7 7", value, integral));
  EXPECT_EQ(value, 2.5);
  EXPECT_FALSE(integral);
}

TEST(Values, ReadNumberSaysIntegralWhenWrittenWithoutPointOrExponent) {
  // Both the fast path and from_chars (an exponent, 20 or more digits) must say it alike.
  for (const char* text : {"7", " 7 ", "+3", "-0", "007", "12345678901234567890",
                           "\xC2\xA0""12", "9007199254740993"}) {
    double value = 0.0;
    bool integral = false;
    EXPECT_TRUE(read_number(text, value, integral)) << text;
    EXPECT_TRUE(integral) << text;
  }
  for (const char* text : {"1.", ".5", "-0.0", "1e5", "1E5", "2.5e-3", "1234567890.1234567890",
                           "0.00000000000000000000001"}) {
    double value = 0.0;
    bool integral = true;
    EXPECT_TRUE(read_number(text, value, integral)) << text;
    EXPECT_FALSE(integral) << text;
  }
}

TEST(Values, RejectsWhatIsNotAWholeNumber) {
  for (const char* text : {".", "-", "+", "-.", "1.2.3", "1e", "1e+", "--1", "- 1", "1-", "1 2",
                           "-inf", "+nan", "1.5x"}) {
    EXPECT_FALSE(parse_number(text).has_value()) << text;
  }
  EXPECT_EQ(parse_leading_number("1.x")->unit, "x");
  EXPECT_EQ(parse_leading_number("1.x")->value, 1.0);
}

TEST(Values, TrimsSpacesThenNonBreakingSpaces) {
  EXPECT_EQ(trim("  a b \r\n"), "a b");
  EXPECT_EQ(trim("\xC2\xA0""12\xC2\xA0"), "12");
  EXPECT_EQ(trim(" \xC2\xA0 x"), " x");
  EXPECT_EQ(trim("x"), "x");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("\xC2"), "\xC2");
  EXPECT_TRUE(is_null_token("\xC2\xA0nil"));
  EXPECT_TRUE(is_null_token(" NIL "));
  EXPECT_TRUE(is_null_token("\xC2\xA0"));
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
