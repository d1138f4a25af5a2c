#include "chimera/analyze/kruskal_wallis.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <span>
#include <vector>

namespace chimera::analyze {
namespace {

TEST(ChiSquareSurvival, MatchesClosedForms) {
  // df = 2: P(X > x) = exp(-x / 2); df = 1: erfc(sqrt(x / 2)).
  for (const double x : {0.1, 1.0, 3.7, 10.0, 40.0}) {
    EXPECT_NEAR(chi_square_survival(x, 2), std::exp(-x / 2), 1e-12) << x;
    EXPECT_NEAR(chi_square_survival(x, 1), std::erfc(std::sqrt(x / 2)), 1e-12) << x;
  }
  EXPECT_EQ(chi_square_survival(0, 3), 1.0);
  EXPECT_NEAR(chi_square_survival(7.814727903, 3), 0.05, 1e-8);  // the 95% critical value
}

TEST(KruskalWallis, ComputesHAndPAsScipy) {
  // Three groups without ties; ranks 1..9: sums 6, 15, 24.
  const std::vector<double> a{1, 2, 3};
  const std::vector<double> b{4, 5, 6};
  const std::vector<double> c{7, 8, 9};
  const std::vector<std::span<const double>> samples{a, b, c};
  const auto r = kruskal_wallis(samples);
  // H = 12 / (9 * 10) * (36 + 225 + 576) / 3 - 3 * 10 = 7.2
  EXPECT_NEAR(r.h, 7.2, 1e-12);
  EXPECT_EQ(r.df, 2u);
  EXPECT_NEAR(r.p_value, std::exp(-3.6), 1e-12);
}

TEST(KruskalWallis, CorrectsForTies) {
  const std::vector<double> a{1, 1, 2};
  const std::vector<double> b{2, 3, 3};
  const std::vector<std::span<const double>> samples{a, b};
  const auto r = kruskal_wallis(samples);
  // Ranks: 1,1 -> 1.5; 2,2 -> 3.5; 3,3 -> 5.5. Sums 6.5 and 14.5; ties 3 pairs: sum t^3 - t = 18.
  const double h = (12.0 / 42.0 * (6.5 * 6.5 / 3 + 14.5 * 14.5 / 3) - 21) / (1 - 18.0 / 210);
  EXPECT_NEAR(r.h, h, 1e-12);
  EXPECT_NEAR(r.p_value, std::erfc(std::sqrt(h / 2)), 1e-12);
}

TEST(KruskalWallis, NeedsTwoGroupsAndSomeSpread) {
  const std::vector<double> a{1, 2};
  const std::vector<double> empty;
  EXPECT_EQ(kruskal_wallis(std::vector<std::span<const double>>{a, empty}).p_value, 1.0);
  const std::vector<double> same{4, 4};
  EXPECT_EQ(kruskal_wallis(std::vector<std::span<const double>>{same, same}).p_value, 1.0);
}

}  // namespace
}  // namespace chimera::analyze
