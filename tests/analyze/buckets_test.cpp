#include "src/analyze/buckets.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <span>
#include <vector>

#include "chimera/analyze/stats.hpp"

namespace chimera::analyze::detail {
namespace {

// Sorted parts of random decimals with many ties; 0 to `parts` of them empty.
std::vector<std::vector<double>> sorted_parts(std::size_t parts, std::size_t max_size,
                                              unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::vector<double>> out(parts);
  for (auto& p : out) {
    p.resize(rng() % (max_size + 1));
    for (auto& v : p) {
      v = static_cast<double>(rng() % 400) / 4.0;
    }
    std::sort(p.begin(), p.end());
  }
  return out;
}

std::vector<std::span<const double>> spans(const std::vector<std::vector<double>>& parts) {
  return {parts.begin(), parts.end()};
}

std::vector<double> pooled(const std::vector<std::vector<double>>& parts) {
  std::vector<double> out;
  for (const auto& p : parts) {
    out.insert(out.end(), p.begin(), p.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(KthOfSorted, IsTheKthOfTheSortedUnionForEveryK) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const auto parts = sorted_parts(1 + seed % 7, 40, seed);
    const auto all = pooled(parts);
    for (std::size_t k = 0; k < all.size(); ++k) {
      ASSERT_EQ(kth_of_sorted(spans(parts), k), all[k]) << "seed " << seed << " k " << k;
    }
  }
}

TEST(SummarizePooled, EqualsTheSummaryOfThePooledValues) {
  for (const std::size_t count : {3U, 64U, 65U}) {  // searched in place, then from a copy
    const auto parts = sorted_parts(count, 30, static_cast<unsigned>(count));
    const auto expected = summarize_sorted(pooled(parts));
    const auto s = summarize_pooled(spans(parts));
    EXPECT_EQ(s.n, expected.n);
    // Summed in another order: the same up to the last bits.
    EXPECT_NEAR(s.mean, expected.mean, 1e-12 * expected.mean);
    EXPECT_NEAR(s.stddev, expected.stddev, 1e-12 * expected.stddev);
    EXPECT_EQ(s.median, expected.median);
    EXPECT_EQ(s.min, expected.min);
    EXPECT_EQ(s.max, expected.max);
    EXPECT_DOUBLE_EQ(s.p05, expected.p05);
    EXPECT_DOUBLE_EQ(s.p95, expected.p95);
    EXPECT_EQ(s.median_ci, expected.median_ci);
  }
  EXPECT_EQ(summarize_pooled({}).n, 0u);
}

}  // namespace
}  // namespace chimera::analyze::detail
