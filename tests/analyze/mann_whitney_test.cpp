#include "chimera/analyze/mann_whitney.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace chimera::analyze {
namespace {

using V = std::vector<double>;

TEST(MannWhitney, CompletelySeparatedThreeAgainstThreeIsExactOneTenth) {
  // Only 2 of the C(6,3) = 20 splits are as extreme: p = 2/20.
  const auto r = mann_whitney_u(V{1, 2, 3}, V{4, 5, 6});
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(r.u, 0.0);
  EXPECT_NEAR(r.p_value, 0.1, 1e-12);
}

TEST(MannWhitney, CompletelySeparatedFourAndFiveMatchTables) {
  EXPECT_NEAR(mann_whitney_u(V{1, 2, 3, 4}, V{5, 6, 7, 8}).p_value, 2.0 / 70.0, 1e-12);
  EXPECT_NEAR(mann_whitney_u(V{6, 7, 8, 9, 10}, V{1, 2, 3, 4, 5}).p_value, 2.0 / 252.0, 1e-12);
  EXPECT_EQ(mann_whitney_u(V{6, 7, 8, 9, 10}, V{1, 2, 3, 4, 5}).u, 25.0);
}

TEST(MannWhitney, OneInversionDoublesTheTail) {
  // U = 1: P(U <= 1) = 2/20 for sizes 3 and 3.
  const auto r = mann_whitney_u(V{1, 2, 4}, V{3, 5, 6});
  EXPECT_EQ(r.u, 1.0);
  EXPECT_NEAR(r.p_value, 0.2, 1e-12);
}

TEST(MannWhitney, ExactForUnequalSizesMatchesEnumeration) {
  // Enumerating all C(15,3) = 455 splits: 102 have U <= 12, p = 2 * 102 / 455.
  const auto r = mann_whitney_u(V{2.5, 7.1, 9.0}, V{1, 3, 4, 5, 6, 8, 10, 11, 12, 13, 14, 15});
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(r.u, 12.0);
  EXPECT_NEAR(r.p_value, 0.44835164835164837, 1e-12);
}

TEST(MannWhitney, IdenticalSamplesAreNotSignificant) {
  const auto r = mann_whitney_u(V{1, 2, 3}, V{1, 2, 3});
  EXPECT_NEAR(r.p_value, 1.0, 1e-12);
  EXPECT_EQ(mann_whitney_u(V{5, 5, 5, 5}, V{5, 5, 5}).p_value, 1.0);
}

TEST(MannWhitney, TiesUseNormalApproximationWithTieCorrection) {
  // U = 16, tie term 60, sigma^2 = 100/12 * (21 - 60/380), z = (84 - 50 - 0.5) / sigma.
  const auto r = mann_whitney_u(V{1, 2, 2, 3, 3, 3, 4, 5, 6, 7}, V{3, 4, 5, 5, 6, 7, 8, 8, 9, 10});
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(r.u, 16.0);
  EXPECT_NEAR(r.p_value, 0.010752335181634848, 1e-12);
}

TEST(MannWhitney, LargeSamplesWithoutTiesUseNormalApproximation) {
  V low;
  V high;
  for (int i = 1; i <= 9; ++i) {
    low.push_back(i);
    high.push_back(i + 9);
  }
  const auto r = mann_whitney_u(low, high);
  EXPECT_FALSE(r.exact);
  EXPECT_NEAR(r.p_value, 0.0004122948020616911, 1e-12);
  const auto interleaved = mann_whitney_u(V{1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7, 8.8, 9.9},
                                          V{2, 4, 6, 8, 10, 12, 14, 16, 18});
  EXPECT_EQ(interleaved.u, 20.0);
  EXPECT_NEAR(interleaved.p_value, 0.07738861114200664, 1e-12);
}

TEST(MannWhitney, ExactUpToTenThousandPairsThenNormal) {
  V small{1, 2, 3, 4, 5, 6, 7, 8};
  V exact_side;
  for (int i = 0; i < 1250; ++i) {
    exact_side.push_back(100 + i);
  }
  const auto exact = mann_whitney_u(small, exact_side);
  EXPECT_TRUE(exact.exact);
  EXPECT_NEAR(exact.p_value / 1.3145920120916562e-20, 1.0, 1e-9);  // 2 / C(1258, 8)
  V normal_side = exact_side;
  for (int i = 0; i < 50; ++i) {
    normal_side.push_back(2000 + i);
  }
  const auto normal = mann_whitney_u(small, normal_side);
  EXPECT_FALSE(normal.exact);
  EXPECT_NEAR(normal.p_value / 1.0520740846323176e-06, 1.0, 1e-9);
}

TEST(MannWhitney, EmptySideOrMissingValuesGiveNoEvidence) {
  EXPECT_EQ(mann_whitney_u(V{}, V{1, 2}).p_value, 1.0);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto r = mann_whitney_u(V{1, 2, 3, nan}, V{4, 5, 6});
  EXPECT_NEAR(r.p_value, 0.1, 1e-12);
}

TEST(MannWhitneyExactCdf, SumsToOneAndIsSymmetric) {
  EXPECT_NEAR(mann_whitney_exact_cdf(4, 6, 24), 1.0, 1e-12);
  // Symmetric around mn/2 = 12: P(U <= 11) = P(U >= 13) = (1 - P(U = 12)) / 2.
  const double below = mann_whitney_exact_cdf(4, 6, 11);
  const double at_or_below = mann_whitney_exact_cdf(4, 6, 12);
  EXPECT_NEAR(below, 1.0 - at_or_below, 1e-12);
  EXPECT_NEAR(mann_whitney_exact_cdf(6, 4, 0), 1.0 / 210.0, 1e-15);
}

}  // namespace
}  // namespace chimera::analyze
