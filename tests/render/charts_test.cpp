#include "chimera/render/charts.hpp"

#include <gtest/gtest.h>

#include <string>

namespace chimera::render::charts {
namespace {

model::Summary summary(double median, std::size_t n) {
  model::Summary s;
  s.n = n;
  s.median = median;
  if (n >= 6) {
    s.median_ci = std::pair{median - 1, median + 1};
  }
  return s;
}

// An experiment of `configs` configurations of num_gpu, throughput (headline) and TTFT measured,
// ranked in reverse order of their index (the last is best).
model::Experiment experiment(std::size_t configs) {
  model::Experiment e;
  e.name = "runs/*.csv";
  e.factors.push_back({"num_gpu", {}, "data"});
  e.metrics.push_back({"tok_s", model::MetricKind::throughput, "tok/s", model::Direction::higher});
  e.metrics.push_back({"ttft_ms", model::MetricKind::ttft, "ms", model::Direction::lower});
  e.headline = 0;
  e.secondary = 1;
  for (std::size_t c = 0; c < configs; ++c) {
    model::Configuration config;
    config.values = {std::to_string(c)};
    config.metrics.push_back({0, summary(10.0 + static_cast<double>(c), 6)});
    config.metrics.push_back({1, summary(100.0 + static_cast<double>(c), 6)});
    e.configurations.push_back(config);
  }
  for (std::size_t r = 0; r < configs; ++r) {
    e.ranking.push_back({configs - 1 - r, r + 1, false});
  }
  return e;
}

TEST(RankingChart, BarsAreTheRankedMediansBestFirstWithTheirIntervals) {
  const auto chart = ranking_chart(experiment(3), 2);
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->id, "e2-ranking");
  ASSERT_EQ(chart->bars.size(), 3u);
  EXPECT_EQ(chart->bars[0].label, "num_gpu=2");
  EXPECT_EQ(chart->bars[0].short_label, "2");
  EXPECT_EQ(chart->category_axis, "num_gpu");
  EXPECT_DOUBLE_EQ(chart->bars[0].value, 12);
  ASSERT_TRUE(chart->bars[0].interval);
  EXPECT_DOUBLE_EQ(chart->bars[0].interval->second, 13);
  EXPECT_EQ(chart->bars[2].label, "num_gpu=0");
  EXPECT_EQ(chart->value_axis, "median throughput (tok/s)");
  EXPECT_NE(chart->title.find("higher is better"), std::string::npos);
  EXPECT_EQ(chart->more, 0u);
}

TEST(RankingChart, KeepsTheTopTwentyAndCountsTheRest) {
  const auto chart = ranking_chart(experiment(27), 1);
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->bars.size(), k_chart_bars);
  EXPECT_EQ(chart->more, 7u);
  EXPECT_EQ(chart->bars.back().label, "num_gpu=7");
  EXPECT_EQ(more_note(chart->more, "configurations"), "7 more configurations in --format json");
}

TEST(RankingChart, NoChartForOneConfigurationOrNoHeadline) {
  EXPECT_FALSE(ranking_chart(experiment(1), 1));
  auto e = experiment(3);
  e.headline.reset();
  EXPECT_FALSE(ranking_chart(e, 1));
}

TEST(ParetoChart, PlotsEveryConfigurationFrontFirst) {
  auto e = experiment(4);
  e.pareto = {{0, 10, 100}};  // as the analysis found it: the lowest TTFT
  e.pareto.push_back({3, 13, 103});
  const auto chart = pareto_chart(e, 1);
  ASSERT_TRUE(chart);
  ASSERT_EQ(chart->points.size(), 4u);
  EXPECT_TRUE(chart->points[0].front);
  EXPECT_TRUE(chart->points[1].front);
  EXPECT_FALSE(chart->points[2].front);
  EXPECT_EQ(chart->points[2].label, "num_gpu=2");  // best ranked of the others
  EXPECT_DOUBLE_EQ(chart->points[2].x, 102);
  EXPECT_DOUBLE_EQ(chart->points[2].y, 12);
  EXPECT_EQ(chart->x_axis, "median TTFT (ms)");
  EXPECT_EQ(chart->y_axis, "median throughput (tok/s)");
}

TEST(ParetoChart, NeedsBothThroughputAndTtft) {
  auto e = experiment(4);
  e.metrics[1].kind = model::MetricKind::latency;
  EXPECT_FALSE(pareto_chart(e, 1));
}

TEST(EffectChart, OnlyForAFactorThatMatters) {
  auto e = experiment(3);
  model::FactorEffect fx;
  fx.factor = "num_gpu";
  fx.metric = 0;
  fx.levels = {{"60", 6, 65.5}, {"80", 6, 77.25}, {"120", 5, 97.5}};
  fx.test = "kruskal-wallis";
  fx.p_value = 0.0005;
  fx.spread = 0.49;
  e.effects.push_back(fx);
  fx.p_value = 0.19;
  e.effects.push_back(fx);
  const auto chart = effect_chart(e, 3, 0);
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->id, "e3-effect-1");
  ASSERT_EQ(chart->points.size(), 3u);
  EXPECT_EQ(chart->points[2].label, "120");
  EXPECT_DOUBLE_EQ(chart->points[2].value, 97.5);
  EXPECT_EQ(chart->points[2].n, 5u);
  EXPECT_EQ(chart->note, "Kruskal-Wallis H p = 0.0005; best vs worst level 49%");
  EXPECT_FALSE(effect_chart(e, 3, 1));
}

TEST(OverviewChart, RunsAndFailedRunsPerExperimentInOrder) {
  model::Analysis a;
  EXPECT_FALSE(overview_chart(a));
  a.experiments.push_back(experiment(2));
  a.experiments.back().runs = 36;
  a.experiments.back().failed_runs = 1;
  a.experiments.push_back(experiment(2));
  a.experiments.back().name = "other/*.json";
  a.experiments.back().runs = 18;
  const auto chart = overview_chart(a);
  ASSERT_TRUE(chart);
  ASSERT_EQ(chart->bars.size(), 2u);
  EXPECT_EQ(chart->bars[0].label, "1: runs/*.csv");
  EXPECT_DOUBLE_EQ(chart->bars[0].value, 36);
  EXPECT_DOUBLE_EQ(chart->bars[0].part, 1);
  EXPECT_EQ(chart->bars[1].label, "2: other/*.json");
  EXPECT_DOUBLE_EQ(chart->bars[1].part, 0);
}

}  // namespace
}  // namespace chimera::render::charts
