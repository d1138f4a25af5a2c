#include "chimera/analyze/metrics.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "analyze/corpus_builder.hpp"

namespace chimera::analyze {
namespace {

using model::MetricKind;
using testing::file;
using testing::TableBuilder;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

model::Corpus sweep_corpus() {
  model::Corpus corpus;
  corpus.files = {file("sweep.csv")};
  corpus.tables = {TableBuilder("sweep.csv")
                       .dimension("num_ctx", std::vector<double>{1024, 512, 1024, 512, 1024})
                       .metric("ttft_ms", MetricKind::ttft, "ms", {400, 300, 420, 310, k_nan})
                       .metric("tokens_s", MetricKind::throughput, "tok/s", {60, 70, 61, 71, 0})
                       .fail(4, "oom")
                       .build()};
  return corpus;
}

TEST(TableMetrics, ExcludesAndCountsFailedRuns) {
  const auto metrics = table_metrics(sweep_corpus());
  ASSERT_EQ(metrics.size(), 2u);
  EXPECT_EQ(metrics[0].column, "ttft_ms");
  EXPECT_EQ(metrics[0].summary.n, 4u);
  EXPECT_EQ(metrics[0].failed_excluded, 1u);
  EXPECT_EQ(metrics[1].summary.n, 4u);  // the failed run's 0 tok/s is not data
  EXPECT_DOUBLE_EQ(metrics[1].summary.min, 60.0);
  EXPECT_DOUBLE_EQ(metrics[1].summary.mean, 65.5);
}

TEST(TableMetrics, SkipsColumnsWithoutAnyValue) {
  model::Corpus corpus;
  corpus.tables = {
      TableBuilder("a.csv").metric("ttft_ms", MetricKind::ttft, "ms", {k_nan, k_nan}).build()};
  EXPECT_TRUE(table_metrics(corpus).empty());
}

TEST(GroupMetrics, GroupsRowsByConfigurationInNumericOrder) {
  const auto corpus = sweep_corpus();
  const auto groups = group_metrics(corpus, index_rows(corpus));
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[0].metric, "throughput");
  EXPECT_EQ(groups[0].group, (model::GroupKey{{"num_ctx", "512"}}));
  EXPECT_EQ(groups[0].samples, (std::vector<double>{70, 71}));
  EXPECT_EQ(groups[1].group, (model::GroupKey{{"num_ctx", "1024"}}));
  EXPECT_EQ(groups[1].samples, (std::vector<double>{60, 61}));  // failed row left out
  EXPECT_EQ(groups[2].metric, "ttft");
  EXPECT_DOUBLE_EQ(groups[2].summary.median, 305.0);
  EXPECT_EQ(groups[2].sources, (std::vector<std::string>{"sweep.csv"}));
}

TEST(GroupMetrics, PrefersRawSamplesOverAggregatesAndCountsRepeatsOnce) {
  model::Corpus corpus;
  corpus.files = {file("r.json")};
  corpus.tables = {
      TableBuilder("r.json", "").dimension("model", std::vector<std::string>{"m"}).build(),
      TableBuilder("r.json", "/runs").metric("ttft_ms", MetricKind::ttft, "ms", {3, 1, 2}).build(),
      TableBuilder("r.json", "/timing_stats/ttft_ms/samples")
          .metric("value", MetricKind::ttft, "ms", {3, 1, 2})
          .build(),
      TableBuilder("r.json", "/aggregate")
          .metric("average_ttft_ms", MetricKind::ttft, "ms", {2})
          .metric("stddev_ttft", MetricKind::ttft, "ms", {1})
          .build(),
  };
  const auto groups = group_metrics(corpus, index_rows(corpus));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].samples, (std::vector<double>{1, 2, 3}));
}

TEST(GroupMetrics, UsesCentralAggregatesWhenAFileHasNothingElseButNeverSpreads) {
  model::Corpus corpus;
  corpus.files = {file("s.json")};
  corpus.tables = {TableBuilder("s.json")
                       .metric("average_ttft_ms", MetricKind::ttft, "ms", {2})
                       .metric("stddev_ttft", MetricKind::ttft, "ms", {0.5})
                       .build()};
  const auto groups = group_metrics(corpus, index_rows(corpus));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].metric, "ttft");
  EXPECT_EQ(groups[0].samples, (std::vector<double>{2}));
}

TEST(GroupMetrics, LeavesDuplicateFilesOut) {
  model::Corpus corpus;
  corpus.files = {file("runs/a.csv", "same"), file("runs/b.csv", "same")};
  corpus.tables = {TableBuilder("runs/a.csv").metric("x", MetricKind::ttft, "ms", {1, 2}).build(),
                   TableBuilder("runs/b.csv").metric("x", MetricKind::ttft, "ms", {1, 2}).build()};
  const auto groups = group_metrics(corpus, index_rows(corpus));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].summary.n, 2u);
  EXPECT_EQ(groups[0].sources, (std::vector<std::string>{"runs/a.csv"}));
}

TEST(KeyLess, ComparesNumbersNumericallyAndTextLexically) {
  EXPECT_TRUE(key_less({{"num_ctx", "512"}}, {{"num_ctx", "1024"}}));
  EXPECT_TRUE(key_less({{"model", "a"}}, {{"model", "b"}}));
  EXPECT_TRUE(key_less({{"a", "9"}}, {{"b", "1"}}));
  EXPECT_FALSE(key_less({{"a", "1"}}, {{"a", "1"}}));
}

}  // namespace
}  // namespace chimera::analyze
