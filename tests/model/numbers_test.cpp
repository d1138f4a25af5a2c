#include "chimera/model/numbers.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <memory>
#include <random>
#include <vector>

namespace chimera::model {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// Every value comes back with the same bits it went in with.
void expect_round_trip(const std::vector<double>& values) {
  const Numbers numbers(values);
  ASSERT_EQ(numbers.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(std::bit_cast<std::uint64_t>(numbers[i]), std::bit_cast<std::uint64_t>(values[i]))
        << "row " << i << ": wrote " << values[i] << ", read " << numbers[i];
  }
}

// Doubles as strtod reads `count` decimals with `places` digits after the point.
std::vector<double> decimals(std::size_t count, int places, double low, double high,
                             unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> dist(low, high);
  std::vector<double> out;
  char text[64];
  for (std::size_t i = 0; i < count; ++i) {
    std::snprintf(text, sizeof text, "%.*f", places, dist(rng));
    out.push_back(std::strtod(text, nullptr));
  }
  return out;
}

TEST(Numbers, ShortDecimalsComeBackExactlyInTwoBytes) {
  const auto values = decimals(10000, 3, 0.3, 0.7, 1);
  expect_round_trip(values);
  EXPECT_LE(Numbers(values).memory_bytes(), values.size() * 2);
}

TEST(Numbers, ValuesTakeTheBitsOfTheirRange) {
  // A ttft column from 300 to 999 ms: a range of 700 needs 10 bits, as does 700 plus a NaN code.
  std::vector<double> values;
  for (int i = 0; i < 10000; ++i) {
    values.push_back(300.0 + (i * 37) % 700);
  }
  expect_round_trip(values);
  EXPECT_EQ(Numbers(values).memory_bytes(), (values.size() * 10 + 7) / 8);
  values[5] = k_nan;
  expect_round_trip(values);
  EXPECT_EQ(Numbers(values).memory_bytes(), (values.size() * 10 + 7) / 8);
  // A range of 1023 fills 10 bits: the NaN code takes an 11th.
  values[6] = 300.0 + 1023;
  expect_round_trip(values);
  EXPECT_EQ(Numbers(values).memory_bytes(), (values.size() * 11 + 7) / 8);
}

TEST(Numbers, RangesWiderThan32BitsAreStillEncoded) {
  // Byte counts up to 2^40, with a NaN and values that fit no scale: 40 bits a value, the
  // special codes at the top of those 40 bits.
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) {
    values.push_back(std::ldexp(static_cast<double>((i * 7919) % 1000), 30));
  }
  values[3] = k_nan;
  values[4] = -0.0;
  values[5] = std::numeric_limits<double>::infinity();
  expect_round_trip(values);
  EXPECT_LE(Numbers(values).memory_bytes(),
            (values.size() * 40 + 7) / 8 + 2 * (sizeof(double) + sizeof(std::uint32_t)));
}

TEST(Numbers, DecimalsOfEveryScaleAndSignComeBackExactly) {
  for (int places = 0; places <= 9; ++places) {
    expect_round_trip(decimals(2000, places, -5000.0, 5000.0, static_cast<unsigned>(places)));
  }
}

TEST(Numbers, ValuesConvertedToCanonicalUnitsComeBackExactly) {
  // ttft_s * 1000: products that are often, but not always, the decimal they stand for.
  auto values = decimals(5000, 4, 0.01, 3.0, 7);
  for (auto& v : values) {
    v *= 1000.0;
  }
  expect_round_trip(values);
}

TEST(Numbers, FullPrecisionDoublesAreKeptAsTheyAre) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> dist(55.0, 100.0);
  std::vector<double> values;
  for (int i = 0; i < 5000; ++i) {
    values.push_back(dist(rng));
  }
  expect_round_trip(values);
  EXPECT_LE(Numbers(values).memory_bytes(), values.size() * sizeof(double));
}

TEST(Numbers, MissingAndSpecialValuesComeBackExactly) {
  expect_round_trip({1.5, k_nan, -0.0, 0.0, std::numeric_limits<double>::infinity(),
                     -std::numeric_limits<double>::infinity(), 2.25, k_nan, 1e300, 5e-324,
                     std::numeric_limits<double>::max(), -std::numeric_limits<double>::min(),
                     0.1, 87.12345678901234, -3.0});
  expect_round_trip({k_nan, k_nan, k_nan});
  expect_round_trip({-0.0, -0.0});
  expect_round_trip({std::numeric_limits<double>::infinity()});
  expect_round_trip({});
}

TEST(Numbers, CopiesKeepTheirValuesSetAside) {
  // -0.0 and infinity fit no decimal scale: they live beside the codes, and a copy needs its own.
  const std::vector<double> values = {1.5, -0.0, 2.25, std::numeric_limits<double>::infinity()};
  auto original = std::make_unique<Numbers>(values);
  const Numbers copy = *original;
  Numbers assigned;
  assigned = *original;
  original.reset();
  EXPECT_EQ(copy, Numbers(values));
  EXPECT_EQ(assigned, Numbers(values));
  EXPECT_TRUE(std::signbit(copy[1]));
}

TEST(Numbers, ScaleThatRisesLateReadsEarlierValuesAgain) {
  // The integers are first read at scale 0, the misfit 0.1 + 0.2 before any scale rose, and
  // -0.0 and a non-canonical NaN on the way: all are read again at the final scale 3.
  const double misfit = 0.1 + 0.2;
  const std::vector<double> values = {1.0, -0.0, misfit, 2.0, -k_nan, 0.5, 3.0, 0.125, 4.0, k_nan};
  expect_round_trip(values);
  std::vector<double> longer;
  for (int i = 0; i < 1000; ++i) {
    longer.push_back(i < 900 ? static_cast<double>(i % 50) : (i % 50) / 8.0);
  }
  expect_round_trip(longer);
  EXPECT_LE(Numbers(longer).memory_bytes(), longer.size() * 2);
}

TEST(Numbers, ColumnAfterALargerOneKeepsNoneOfItsValues) {
  std::vector<double> large;
  for (int i = 0; i < 5000; ++i) {
    large.push_back(i * 0.25);
  }
  expect_round_trip(large);
  expect_round_trip({k_nan, 7.0, 0.1 + 0.2, k_nan});
  expect_round_trip({0.75});
}

TEST(Numbers, NonCanonicalNanKeepsItsBits) {
  const double negative_nan = -k_nan;
  ASSERT_TRUE(std::signbit(negative_nan));
  expect_round_trip({1.0, negative_nan, k_nan, 2.0});
}

TEST(Numbers, ConstantColumnTakesNoBytesPerRow) {
  const std::vector<double> values(100000, 2048.0);
  expect_round_trip(values);
  EXPECT_LT(Numbers(values).memory_bytes(), 64u);
}

TEST(Numbers, CountingColumnTakesNoBytesPerRow) {
  // Line numbers and run ids count up with the row.
  std::vector<double> lines;
  for (int i = 0; i < 100000; ++i) {
    lines.push_back(2.0 + i);
  }
  expect_round_trip(lines);
  EXPECT_LT(Numbers(lines).memory_bytes(), 64u);
}

TEST(Numbers, MostlyMissingColumnTakesOneBytePerRow) {
  std::vector<double> values(10000, k_nan);
  values[17] = 3.5;
  values[9000] = 4.25;
  expect_round_trip(values);
  EXPECT_LE(Numbers(values).memory_bytes(), values.size());
}

TEST(Numbers, IteratesLikeAVector) {
  const Numbers numbers{3.0, 1.5, k_nan};
  std::vector<double> seen(numbers.begin(), numbers.end());
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0], 3.0);
  EXPECT_EQ(seen[1], 1.5);
  EXPECT_TRUE(std::isnan(seen[2]));
  EXPECT_EQ(numbers.front(), 3.0);
  EXPECT_EQ(numbers.end() - numbers.begin(), 3);
  EXPECT_EQ(numbers.begin()[1], 1.5);
}

TEST(Numbers, EqualityComparesBits) {
  EXPECT_EQ(Numbers({1.0, k_nan}), Numbers({1.0, k_nan}));
  EXPECT_NE(Numbers({0.0}), Numbers({-0.0}));
  EXPECT_NE(Numbers({1.0, 2.0}), Numbers({1.0}));
  EXPECT_EQ(Numbers(std::vector<double>{0.25, 0.5}), (std::vector<double>{0.25, 0.5}));
}

}  // namespace
}  // namespace chimera::model
