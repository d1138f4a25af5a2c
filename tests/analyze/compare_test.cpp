#include "chimera/analyze/compare.hpp"

#include <gtest/gtest.h>

#include "analyze/group_builder.hpp"

namespace chimera::analyze {
namespace {

using testing::group;

TEST(Compare, SmallSeparatedSamplesAreNotSignificantAndWarned) {
  const auto c =
      compare(group("ttft", {{"c", "a"}}, {1, 2, 3}), group("ttft", {{"c", "b"}}, {4, 5, 6}));
  EXPECT_DOUBLE_EQ(c.median_ratio, 2.5);
  EXPECT_NEAR(c.p_value, 0.1, 1e-12);
  EXPECT_FALSE(c.significant);
  EXPECT_TRUE(c.small_sample);
  EXPECT_EQ(c.u, 9.0);
  EXPECT_TRUE(c.exact);
  EXPECT_EQ(c.n_baseline, 3u);
  EXPECT_EQ(c.metric, "ttft");
}

TEST(Compare, FiveAgainstFiveSeparatedIsSignificant) {
  const auto c = compare(group("throughput", {{"c", "a"}}, {6, 7, 8, 9, 10}),
                         group("throughput", {{"c", "b"}}, {1, 2, 3, 4, 5}));
  EXPECT_DOUBLE_EQ(c.median_ratio, 3.0 / 8.0);
  EXPECT_NEAR(c.p_value, 2.0 / 252.0, 1e-12);
  EXPECT_TRUE(c.significant);
  EXPECT_FALSE(c.small_sample);
}

TEST(Compare, ZeroBaselineMedianGivesZeroRatio) {
  EXPECT_EQ(compare(group("ttft", {}, {0, 0}), group("ttft", {}, {1, 2})).median_ratio, 0.0);
}

TEST(SweepComparisons, ComparesTheBestWithEveryRepeatedConfiguration) {
  const std::vector<model::GroupStats> groups{
      group("throughput", {{"gpu", "60"}}, {60, 61, 62}),
      group("throughput", {{"gpu", "80"}}, {80, 81, 82}),
      group("throughput", {{"gpu", "99"}}, {70}),  // one sample: not compared
      group("throughput", {{"gpu", "120"}}, {90, 91, 92}),
  };
  const auto comparisons = sweep_comparisons(groups, "throughput");
  ASSERT_EQ(comparisons.size(), 2u);
  EXPECT_EQ(comparisons[0].baseline, (model::GroupKey{{"gpu", "120"}}));
  EXPECT_EQ(comparisons[0].candidate, (model::GroupKey{{"gpu", "80"}}));
  EXPECT_EQ(comparisons[1].candidate, (model::GroupKey{{"gpu", "60"}}));
}

TEST(SweepComparisons, UsesTheBestRepeatedConfigurationWhenTheBestRanOnce) {
  const std::vector<model::GroupStats> groups{
      group("ttft", {{"gpu", "120"}}, {100}),
      group("ttft", {{"gpu", "80"}}, {300, 310}),
      group("ttft", {{"gpu", "60"}}, {400, 420, 410}),
  };
  const auto comparisons = sweep_comparisons(groups, "ttft");
  ASSERT_EQ(comparisons.size(), 1u);
  EXPECT_EQ(comparisons[0].baseline, (model::GroupKey{{"gpu", "80"}}));
  EXPECT_EQ(comparisons[0].candidate, (model::GroupKey{{"gpu", "60"}}));
  EXPECT_DOUBLE_EQ(comparisons[0].median_ratio, 410.0 / 305.0);
  EXPECT_NEAR(comparisons[0].p_value, 0.2, 1e-12);  // exact: 2 of C(5,2) = 10 splits, doubled
}

TEST(SweepComparisons, PairsGroupsThatDifferOnlyInATwoValuedDimension) {
  const std::vector<model::GroupStats> groups{
      group("ttft", {{"agent", "Chimera"}, {"dir", "x"}}, {5, 6}),
      group("ttft", {{"agent", "baseline"}, {"dir", "x"}}, {7, 8}),
      group("ttft", {{"agent", "Chimera"}, {"dir", "y"}}, {5, 6}),
      group("ttft", {{"agent", "baseline"}, {"dir", "y"}}, {9}),
  };
  const auto comparisons = sweep_comparisons(groups, "ttft");
  // The A/B pair (x baseline vs x Chimera), then best-versus-rest: x Chimera against x baseline
  // (the A/B pair again, kept once) and against y Chimera; y's baseline has one sample.
  ASSERT_EQ(comparisons.size(), 2u);
  EXPECT_EQ(comparisons[0].baseline, (model::GroupKey{{"agent", "baseline"}, {"dir", "x"}}));
  EXPECT_EQ(comparisons[1].candidate, (model::GroupKey{{"agent", "Chimera"}, {"dir", "y"}}));
  for (const auto& c : comparisons) {
    EXPECT_EQ(c.metric, "ttft");
  }
  const std::vector<model::GroupStats> ab{
      group("ttft", {{"agent", "Chimera"}, {"dir", "x"}}, {5, 6}),
      group("ttft", {{"agent", "baseline"}, {"dir", "x"}}, {7, 8}),
      group("ttft", {{"agent", "Chimera"}, {"dir", "y"}}, {1, 2}),
      group("ttft", {{"agent", "baseline"}, {"dir", "y"}}, {3, 4}),
  };
  const auto pairs = sweep_comparisons(ab, "ttft");
  const auto is_ab = [](const model::Comparison& c, const char* dir) {
    return c.baseline == model::GroupKey{{"agent", "baseline"}, {"dir", dir}} &&
           c.candidate == model::GroupKey{{"agent", "Chimera"}, {"dir", dir}};
  };
  EXPECT_TRUE(
      std::any_of(pairs.begin(), pairs.end(), [&](const auto& c) { return is_ab(c, "x"); }));
  EXPECT_TRUE(
      std::any_of(pairs.begin(), pairs.end(), [&](const auto& c) { return is_ab(c, "y"); }));
}

}  // namespace
}  // namespace chimera::analyze
