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
  std::size_t total = 0;
  const auto metrics = table_metrics(sweep_corpus(), 10, total);
  ASSERT_EQ(metrics.size(), 2u);
  EXPECT_EQ(total, 2u);
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
  std::size_t total = 0;
  EXPECT_TRUE(table_metrics(corpus, 10, total).empty());
  EXPECT_EQ(total, 0u);
}

TEST(TableMetrics, ComputesTheFirstColumnsAndCountsAll) {
  std::size_t total = 0;
  const auto metrics = table_metrics(sweep_corpus(), 1, total);
  ASSERT_EQ(metrics.size(), 1u);
  EXPECT_EQ(metrics[0].column, "ttft_ms");
  EXPECT_EQ(total, 2u);
}

}  // namespace
}  // namespace chimera::analyze
