#include "chimera/analyze/ranking.hpp"

#include <gtest/gtest.h>

#include "analyze/group_builder.hpp"

namespace chimera::analyze {
namespace {

using model::Direction;
using model::MetricKind;
using testing::group;

TEST(EffectiveDirection, FallsBackToTheKind) {
  EXPECT_EQ(effective_direction(MetricKind::throughput, Direction::none), Direction::higher);
  EXPECT_EQ(effective_direction(MetricKind::ttft, Direction::none), Direction::lower);
  EXPECT_EQ(effective_direction(MetricKind::tokens, Direction::none), Direction::none);
  EXPECT_EQ(effective_direction(MetricKind::other, Direction::higher), Direction::higher);
}

TEST(PrimaryMetric, PrefersThroughputThenTtftAndNeedsTwoConfigurations) {
  const std::vector<model::GroupStats> both{
      group("ttft", {{"c", "1"}}, {1}), group("ttft", {{"c", "2"}}, {2}),
      group("throughput", {{"c", "1"}}, {1}), group("throughput", {{"c", "2"}}, {2})};
  EXPECT_EQ(primary_metric(both), "throughput");
  const std::vector<model::GroupStats> ttft_only{group("ttft", {{"c", "1"}}, {1}),
                                                 group("ttft", {{"c", "2"}}, {2}),
                                                 group("throughput", {{"c", "1"}}, {1})};
  EXPECT_EQ(primary_metric(ttft_only), "ttft");
  EXPECT_FALSE(primary_metric({group("ttft", {{"c", "1"}}, {1})}));
}

TEST(RankConfigs, RanksHigherThroughputFirstAndTiesOverlappingIntervals) {
  const std::vector<model::GroupStats> groups{
      group("throughput", {{"cfg", "a"}}, {10, 11, 12, 13, 14, 15}),  // CI [10, 15]
      group("throughput", {{"cfg", "b"}}, {20, 21, 22, 23, 24, 25}),  // CI [20, 25]
      group("throughput", {{"cfg", "c"}}, {14, 15, 16, 17, 18, 19}),  // CI [14, 19]
      group("ttft", {{"cfg", "a"}}, {1, 2}),
  };
  const auto ranked = rank_configs(groups, "throughput");
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].group, (model::GroupKey{{"cfg", "b"}}));
  EXPECT_EQ(ranked[0].rank, 1u);
  EXPECT_EQ(ranked[1].group, (model::GroupKey{{"cfg", "c"}}));
  EXPECT_EQ(ranked[1].rank, 2u);
  EXPECT_FALSE(ranked[1].tied_with_previous);
  EXPECT_EQ(ranked[2].group, (model::GroupKey{{"cfg", "a"}}));
  EXPECT_EQ(ranked[2].rank, 2u);
  EXPECT_TRUE(ranked[2].tied_with_previous);
  EXPECT_EQ(ranked[2].direction, Direction::higher);
}

TEST(RankConfigs, RanksLowerTtftFirstAndUsesMinMaxBelowSixSamples) {
  const std::vector<model::GroupStats> groups{
      group("ttft", {{"cfg", "slow"}}, {500, 520}), group("ttft", {{"cfg", "fast"}}, {300, 310}),
      group("ttft", {{"cfg", "fast2"}}, {305, 400}),  // [305, 400] overlaps [300, 310]
  };
  const auto ranked = rank_configs(groups, "ttft");
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].group, (model::GroupKey{{"cfg", "fast"}}));
  EXPECT_EQ(ranked[1].group, (model::GroupKey{{"cfg", "fast2"}}));
  EXPECT_EQ(ranked[1].rank, 1u);
  EXPECT_EQ(ranked[2].rank, 3u);
  EXPECT_FALSE(ranked[2].tied_with_previous);
}

TEST(RankConfigs, EqualMediansKeepKeyOrder) {
  const std::vector<model::GroupStats> groups{group("ttft", {{"n", "1024"}}, {5}),
                                              group("ttft", {{"n", "512"}}, {5})};
  const auto ranked = rank_configs(groups, "ttft");
  EXPECT_EQ(ranked[0].group, (model::GroupKey{{"n", "512"}}));
  EXPECT_EQ(ranked[1].rank, 1u);
}

TEST(ParetoFront, KeepsOnlyUndominatedConfigurations) {
  const std::vector<model::GroupStats> groups{
      group("throughput", {{"c", "a"}}, {100}), group("ttft", {{"c", "a"}}, {500}),
      group("throughput", {{"c", "b"}}, {90}),  group("ttft", {{"c", "b"}}, {300}),
      group("throughput", {{"c", "c"}}, {80}),  group("ttft", {{"c", "c"}}, {400}),
      group("throughput", {{"c", "d"}}, {100}), group("ttft", {{"c", "d"}}, {600}),
      group("throughput", {{"c", "e"}}, {999}),
  };
  const auto front = pareto_front(groups);
  ASSERT_EQ(front.size(), 2u);
  EXPECT_EQ(front[0].group, (model::GroupKey{{"c", "a"}}));
  EXPECT_EQ(front[0].throughput_tok_s, 100);
  EXPECT_EQ(front[0].ttft_ms, 500);
  EXPECT_EQ(front[1].group, (model::GroupKey{{"c", "b"}}));
}

}  // namespace
}  // namespace chimera::analyze
