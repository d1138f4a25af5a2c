#include "chimera/analyze/stats.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace chimera::analyze {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

std::vector<double> one_to(int n) {
  std::vector<double> v;
  for (int i = 1; i <= n; ++i) {
    v.push_back(static_cast<double>(i));
  }
  return v;
}

TEST(Summarize, EmptySampleHasNoStatisticsAndNoInterval) {
  const auto s = summarize(std::vector<double>{});
  EXPECT_EQ(s.n, 0u);
  EXPECT_EQ(s.mean, 0);
  EXPECT_FALSE(s.median_ci);
}

TEST(Summarize, OnlyMissingValuesCountAsEmpty) {
  const auto s = summarize(std::vector<double>{k_nan, k_nan});
  EXPECT_EQ(s.n, 0u);
}

TEST(Summarize, SingleValueIsEveryStatisticWithZeroSpread) {
  const auto s = summarize(std::vector<double>{5.0});
  EXPECT_EQ(s.n, 1u);
  EXPECT_EQ(s.mean, 5.0);
  EXPECT_EQ(s.median, 5.0);
  EXPECT_EQ(s.stddev, 0.0);
  EXPECT_EQ(s.cv, 0.0);
  EXPECT_EQ(s.min, 5.0);
  EXPECT_EQ(s.max, 5.0);
  EXPECT_EQ(s.p05, 5.0);
  EXPECT_EQ(s.p95, 5.0);
  EXPECT_FALSE(s.median_ci);
}

TEST(Summarize, TwoValuesUseSampleStddevAndInterpolatedPercentiles) {
  const auto s = summarize(std::vector<double>{3.0, 1.0});
  EXPECT_EQ(s.n, 2u);
  EXPECT_DOUBLE_EQ(s.mean, 2.0);
  EXPECT_DOUBLE_EQ(s.median, 2.0);
  EXPECT_DOUBLE_EQ(s.stddev, std::sqrt(2.0));
  EXPECT_DOUBLE_EQ(s.cv, std::sqrt(2.0) / 2.0);
  EXPECT_DOUBLE_EQ(s.p05, 1.1);
  EXPECT_DOUBLE_EQ(s.p95, 2.9);
}

TEST(Summarize, EqualValuesHaveZeroSpreadAndAPointInterval) {
  const auto s = summarize(std::vector<double>(6, 4.0));
  EXPECT_EQ(s.stddev, 0.0);
  EXPECT_EQ(s.cv, 0.0);
  ASSERT_TRUE(s.median_ci);
  EXPECT_EQ(s.median_ci->first, 4.0);
  EXPECT_EQ(s.median_ci->second, 4.0);
}

TEST(Summarize, EvenCountInterpolatesMedianAndPercentiles) {
  const auto s = summarize(std::vector<double>{4, 2, 1, 3});
  EXPECT_DOUBLE_EQ(s.mean, 2.5);
  EXPECT_DOUBLE_EQ(s.median, 2.5);
  EXPECT_DOUBLE_EQ(s.stddev, std::sqrt(5.0 / 3.0));
  EXPECT_DOUBLE_EQ(s.p05, 1.15);
  EXPECT_DOUBLE_EQ(s.p95, 3.85);
}

TEST(Summarize, IgnoresMissingValues) {
  const auto s = summarize(std::vector<double>{10, k_nan, 1, 7, 3, 5});
  EXPECT_EQ(s.n, 5u);
  EXPECT_DOUBLE_EQ(s.median, 5.0);
  EXPECT_DOUBLE_EQ(s.mean, 5.2);
  EXPECT_DOUBLE_EQ(s.min, 1.0);
  EXPECT_DOUBLE_EQ(s.max, 10.0);
  EXPECT_DOUBLE_EQ(s.p05, 1.4);  // numpy.percentile([1,3,5,7,10], 5)
  EXPECT_DOUBLE_EQ(s.p95, 9.4);
}

TEST(Summarize, CoefficientOfVariationUsesAbsoluteMean) {
  const auto s = summarize(std::vector<double>{-1, -3});
  EXPECT_DOUBLE_EQ(s.cv, std::sqrt(2.0) / 2.0);
  EXPECT_EQ(summarize(std::vector<double>{-1, 1}).cv, 0.0);
}

TEST(Quantile, EndpointsAreMinAndMaxAndEmptyIsNan) {
  const std::vector<double> v{1, 2, 4};
  EXPECT_EQ(quantile_sorted(v, 0.0), 1.0);
  EXPECT_EQ(quantile_sorted(v, 1.0), 4.0);
  EXPECT_DOUBLE_EQ(quantile_sorted(v, 0.75), 3.0);
  EXPECT_TRUE(std::isnan(quantile_sorted(std::vector<double>{}, 0.5)));
}

TEST(MedianInterval, UnavailableBelowSixSamples) {
  EXPECT_FALSE(median_ci_sorted(one_to(5)));
  EXPECT_FALSE(median_ci_sorted(one_to(1)));
  EXPECT_FALSE(median_ci_sorted(std::vector<double>{}));
}

TEST(MedianInterval, SixSamplesGiveMinAndMax) {
  const auto ci = median_ci_sorted(one_to(6));
  ASSERT_TRUE(ci);
  EXPECT_EQ(ci->first, 1.0);
  EXPECT_EQ(ci->second, 6.0);
}

TEST(MedianInterval, TenSamplesGiveSecondAndNinthOrderStatistics) {
  const auto ci = median_ci_sorted(one_to(10));
  ASSERT_TRUE(ci);
  EXPECT_EQ(ci->first, 2.0);
  EXPECT_EQ(ci->second, 9.0);
}

TEST(MedianInterval, TwentySamplesGiveSixthAndFifteenth) {
  // 1 - 2 P(B <= 5) = 0.9586 for B ~ Bin(20, 1/2); k = 7 would give 0.8847.
  const auto ci = median_ci_sorted(one_to(20));
  ASSERT_TRUE(ci);
  EXPECT_EQ(ci->first, 6.0);
  EXPECT_EQ(ci->second, 15.0);
}

TEST(MedianInterval, LowerConfidenceNarrowsTheInterval) {
  // n = 6 at 75%: k = 2 gives 1 - 2 * 7/64 = 0.78.
  const auto ci = median_ci_sorted(one_to(6), 0.75);
  ASSERT_TRUE(ci);
  EXPECT_EQ(ci->first, 2.0);
  EXPECT_EQ(ci->second, 5.0);
}

TEST(MedianAbsoluteDeviation, IsTheMedianOfAbsoluteDeviations) {
  EXPECT_DOUBLE_EQ(median_absolute_deviation(std::vector<double>{1, 2, 3, 4, 100}), 1.0);
  EXPECT_TRUE(std::isnan(median_absolute_deviation(std::vector<double>{})));
}

TEST(ModifiedZ, FlagsAFarValueAndKeepsMissingAsNan) {
  const auto z = modified_z_scores(std::vector<double>{1, 2, 3, 4, 100, k_nan});
  ASSERT_EQ(z.size(), 6u);
  EXPECT_NEAR(z[4], 0.6745 * 97, 1e-9);
  EXPECT_NEAR(z[0], -0.6745 * 2, 1e-9);
  EXPECT_EQ(z[2], 0.0);
  EXPECT_TRUE(std::isnan(z[5]));
}

TEST(ModifiedZ, FallsBackToMeanAbsoluteDeviationWhenMadIsZero) {
  const auto z = modified_z_scores(std::vector<double>{5, 5, 5, 5, 9});
  EXPECT_NEAR(z[4], 4.0 / (1.253314 * 0.8), 1e-9);
  EXPECT_EQ(z[0], 0.0);
}

TEST(ModifiedZ, AllEqualValuesScoreZero) {
  for (const double z : modified_z_scores(std::vector<double>{2, 2, 2})) {
    EXPECT_EQ(z, 0.0);
  }
}

}  // namespace
}  // namespace chimera::analyze
