#include "chimera/util/sort.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace chimera::util {
namespace {

// Bit for bit what std::sort gives, so -0.0 and 0.0 keep std::sort's relative order only when
// they compare unequal; both are compared by bits after sorting a copy with a total order.
void expect_sorted_like_std(std::vector<double> values) {
  auto expected = values;
  std::sort(expected.begin(), expected.end(), [](double a, double b) {
    return a < b || (a == b && std::signbit(a) && !std::signbit(b));
  });
  sort_doubles(values);
  ASSERT_EQ(values.size(), expected.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    ASSERT_EQ(std::bit_cast<std::uint64_t>(values[i]), std::bit_cast<std::uint64_t>(expected[i]))
        << "at " << i << ": " << values[i] << " vs " << expected[i];
  }
}

TEST(SortDoubles, SmallSpansAreSorted) {
  expect_sorted_like_std({3, -1, 2.5, 0, -7.25});
  expect_sorted_like_std({});
}

TEST(SortDoubles, LargeSpansOfDecimalsAreSortedBitForBit) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> cents(-500000, 500000);
  std::vector<double> values(100000);
  for (auto& v : values) {
    v = cents(rng) / 100.0;
  }
  expect_sorted_like_std(values);
}

TEST(SortDoubles, NegativesZerosExtremesAndRepeats) {
  std::vector<double> values;
  for (int i = 0; i < 5000; ++i) {
    values.push_back(i % 7 == 0 ? -0.0 : 0.0);
    values.push_back(-1e300 * (i % 3));
    values.push_back(std::numeric_limits<double>::denorm_min() * i);
    values.push_back(std::numeric_limits<double>::infinity());
    values.push_back(-std::numeric_limits<double>::infinity());
    values.push_back(78.15);
  }
  expect_sorted_like_std(values);
}

TEST(SortDoubles, ValuesOfOneMagnitudeSkipSharedDigitsAndStaySorted) {
  std::vector<double> values;
  for (int i = 4096; i > 0; --i) {
    values.push_back(64.0 + i / 4096.0);
  }
  expect_sorted_like_std(values);
}

TEST(SortKeys, SortsLikeStdSortAtEverySize) {
  std::mt19937_64 rng(11);
  for (const std::size_t n : {0U, 5U, 2047U, 2048U, 50000U}) {
    std::vector<std::uint64_t> keys(n);
    for (auto& k : keys) {
      k = rng() >> (rng() % 64);  // keys of every width
    }
    auto expected = keys;
    std::sort(expected.begin(), expected.end());
    sort_keys(keys);
    EXPECT_EQ(keys, expected) << n;
  }
}

TEST(SortByKey, IsStableAtEverySize) {
  std::mt19937_64 rng(5);
  for (const std::size_t n : {0U, 7U, 2047U, 2048U, 30000U}) {
    std::vector<Keyed> items(n);
    for (std::size_t i = 0; i < n; ++i) {
      items[i] = {rng() % 97 * 0x0101010101ULL, i};  // many equal keys
    }
    auto expected = items;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
    sort_by_key(items);
    EXPECT_EQ(items, expected) << n;
  }
}

TEST(NaturalLess, NumbersInTextCompareAsNumbers) {
  EXPECT_TRUE(natural_less("run_2/a.json", "run_10/a.json"));
  EXPECT_FALSE(natural_less("run_10/a.json", "run_2/a.json"));
  EXPECT_TRUE(natural_less("trial-09", "trial-10"));
  EXPECT_FALSE(natural_less("trial-007", "trial-7"));
  EXPECT_FALSE(natural_less("trial-7", "trial-007"));
  EXPECT_TRUE(natural_less("run", "run_1"));
  EXPECT_TRUE(natural_less("a", "b"));
}

}  // namespace
}  // namespace chimera::util
