#include "chimera/analyze/baseline.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace chimera::analyze {
namespace {

const std::vector<double> k_old{100, 101, 102, 103, 104, 105};

TEST(BaselineJudge, ALowerThroughputIsARegressionWithANegativeChange) {
  const std::vector<double> now{85, 86, 87, 88, 89, 90};
  const auto c = judge(k_old, now, model::Direction::higher, 5, 0.05);
  EXPECT_EQ(c.verdict, model::Verdict::regressed);
  ASSERT_TRUE(c.change_pct);
  EXPECT_NEAR(*c.change_pct, (87.5 - 102.5) / 102.5 * 100, 1e-9);
  ASSERT_TRUE(c.p_value);
  EXPECT_LT(*c.p_value, 0.05);
  EXPECT_EQ(c.baseline_n, 6u);
  EXPECT_DOUBLE_EQ(c.baseline_median, 102.5);
  EXPECT_DOUBLE_EQ(c.current_median, 87.5);
}

TEST(BaselineJudge, ALowerLatencyIsAnImprovementWithAPositiveChange) {
  const std::vector<double> now{85, 86, 87, 88, 89, 90};
  const auto c = judge(k_old, now, model::Direction::lower, 5, 0.05);
  EXPECT_EQ(c.verdict, model::Verdict::improved);
  EXPECT_GT(*c.change_pct, 14.0);
}

TEST(BaselineJudge, ASignificantChangeUnderTheThresholdIsUnchanged) {
  const std::vector<double> now{97, 98, 99, 100, 101, 102};
  const auto c = judge(k_old, now, model::Direction::higher, 5, 0.05);
  EXPECT_EQ(c.verdict, model::Verdict::unchanged);
}

TEST(BaselineJudge, ALargeChangeThatIsNotSignificantIsUnchanged) {
  const std::vector<double> old{10, 100, 1000};
  const std::vector<double> now{5, 90, 2000};
  const auto c = judge(old, now, model::Direction::higher, 5, 0.05);
  EXPECT_EQ(c.verdict, model::Verdict::unchanged);
  ASSERT_TRUE(c.p_value);
  EXPECT_GE(*c.p_value, 0.05);
}

TEST(BaselineJudge, FewerThanThreeValuesASideIsNotComparableButHasItsMedians) {
  const std::vector<double> now{50, 51};
  const auto c = judge(k_old, now, model::Direction::higher, 5, 0.05);
  EXPECT_EQ(c.verdict, model::Verdict::not_comparable);
  EXPECT_FALSE(c.p_value);
  EXPECT_DOUBLE_EQ(c.current_median, 50.5);
  EXPECT_TRUE(c.change_pct);
}

TEST(BaselineJudge, AZeroBaselineMedianHasNoChangePercent) {
  const std::vector<double> old{0, 0, 0, 0};
  const std::vector<double> now{1, 2, 3, 4};
  const auto c = judge(old, now, model::Direction::lower, 5, 0.05);
  EXPECT_FALSE(c.change_pct);
  EXPECT_EQ(c.verdict, model::Verdict::unchanged);
}

}  // namespace
}  // namespace chimera::analyze
