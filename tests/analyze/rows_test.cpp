#include "chimera/analyze/rows.hpp"

#include <gtest/gtest.h>

#include "analyze/corpus_builder.hpp"

namespace chimera::analyze {
namespace {

using model::MetricKind;
using testing::file;
using testing::TableBuilder;

TEST(LeafName, TakesTheLastSegmentOfNestedNames) {
  EXPECT_EQ(leaf_name("config.num_gpu"), "num_gpu");
  EXPECT_EQ(leaf_name("config/num_ctx"), "num_ctx");
  EXPECT_EQ(leaf_name("model"), "model");
  EXPECT_EQ(directory_of("runs/a.json"), "runs");
  EXPECT_EQ(directory_of("a.json"), ".");
}

TEST(AggregateName, RecognisesSummaryWordsOnly) {
  EXPECT_TRUE(is_aggregate_name("average_ttft_ms"));
  EXPECT_TRUE(is_aggregate_name("aggregate_metrics.stddev_throughput"));
  EXPECT_TRUE(is_aggregate_name("Mean TTFT (ms)"));
  EXPECT_TRUE(is_aggregate_name("p95_latency"));
  EXPECT_FALSE(is_aggregate_name("ttft_ms"));
  EXPECT_FALSE(is_aggregate_name("maximum_tokens"));
  EXPECT_FALSE(is_aggregate_name("tokens_per_second"));
}

TEST(SpreadName, RecognisesSpreadAndExtremesButNotCentralValues) {
  EXPECT_TRUE(is_spread_name("stddev_throughput"));
  EXPECT_TRUE(is_spread_name("p95_latency_ms"));
  EXPECT_TRUE(is_spread_name("max ttft"));
  EXPECT_FALSE(is_spread_name("average_ttft_ms"));
  EXPECT_FALSE(is_spread_name("median_ttft"));
  EXPECT_FALSE(is_spread_name("ttft_ms"));
}

TEST(MetricName, IgnoresSpreadColumnsWhenCountingAKind) {
  const auto t = TableBuilder("m.json", "/aggregate_metrics")
                     .metric("average_tokens_per_second", MetricKind::throughput, "tok/s", {1})
                     .metric("stddev_throughput", MetricKind::throughput, "tok/s", {0})
                     .build();
  EXPECT_EQ(metric_names(t)[0], "throughput");
}

TEST(MetricName, QualifiesKindsThatOccurTwiceInATable) {
  const auto t = TableBuilder("a.csv")
                     .metric("ttft_ms", MetricKind::ttft, "ms", {1})
                     .metric("eval_rate", MetricKind::throughput, "tok/s", {1})
                     .metric("prompt_rate", MetricKind::throughput, "tok/s", {1})
                     .metric("retries", MetricKind::count, "", {1})
                     .build();
  EXPECT_EQ(metric_names(t)[0], "ttft");
  EXPECT_EQ(metric_names(t)[1], "throughput:eval_rate");
  EXPECT_EQ(metric_names(t)[3], "retries");
}

TEST(IndexRows, KeyIsTheRowsDimensionsSortedByName) {
  model::Corpus corpus;
  corpus.files = {file("sweep.csv")};
  corpus.tables = {TableBuilder("sweep.csv")
                       .dimension("num_gpu", std::vector<double>{60, 80})
                       .dimension("model", std::vector<std::string>{"gemma3", "llama"})
                       .metric("ttft_ms", MetricKind::ttft, "ms", {1, 2})
                       .build()};
  const auto index = index_rows(corpus);
  const model::GroupKey first{{"model", "gemma3"}, {"num_gpu", "60"}};
  const model::GroupKey second{{"model", "llama"}, {"num_gpu", "80"}};
  EXPECT_EQ(index.keys[0][0], first);
  EXPECT_EQ(index.keys[0][1], second);
}

TEST(IndexRows, RowsInheritDimensionsOfEnclosingOneRowTables) {
  model::Corpus corpus;
  corpus.files = {file("m.json")};
  corpus.tables = {
      TableBuilder("m.json", "").dimension("model", std::vector<std::string>{"gemma3"}).build(),
      TableBuilder("m.json", "/baseline")
          .dimension("agent_type", std::vector<std::string>{"Baseline"})
          .build(),
      TableBuilder("m.json", "/baseline/individual_runs")
          .metric("ttft_ms", MetricKind::ttft, "ms", {1, 2})
          .build(),
      TableBuilder("m.json", "/baseline_old/runs")
          .metric("ttft_ms", MetricKind::ttft, "ms", {3})
          .build(),
  };
  const auto index = index_rows(corpus);
  const model::GroupKey nested{{"agent_type", "Baseline"}, {"model", "gemma3"}};
  EXPECT_EQ(index.keys[2][1], nested);
  const model::GroupKey file_level{{"model", "gemma3"}};
  EXPECT_EQ(index.keys[3][0], file_level);
}

TEST(IndexRows, OwnDimensionWinsOverTheEnclosingOne) {
  model::Corpus corpus;
  corpus.files = {file("m.json")};
  corpus.tables = {
      TableBuilder("m.json", "").dimension("model", std::vector<std::string>{"outer"}).build(),
      TableBuilder("m.json", "/runs")
          .dimension("model", std::vector<std::string>{"inner"})
          .metric("ttft_ms", MetricKind::ttft, "ms", {1})
          .build(),
  };
  const model::GroupKey inner{{"model", "inner"}};
  EXPECT_EQ(index_rows(corpus).keys[1][0], inner);
}

TEST(IndexRows, LeavesOutDimensionsEveryRowShares) {
  model::Corpus corpus;
  corpus.files = {file("sweep.csv"), file("run.json")};
  corpus.tables = {
      TableBuilder("sweep.csv")
          .dimension("num_gpu", std::vector<double>{60, 80})
          .dimension("model", std::vector<std::string>{"gemma3", "gemma3"})
          .metric("ttft_ms", MetricKind::ttft, "ms", {1, 2})
          .build(),
      TableBuilder("run.json", "/runs")
          .dimension("num_gpu", std::vector<double>{80})
          .dimension("gpu", std::vector<std::string>{"RTX 4080"})
          .metric("ttft_ms", MetricKind::ttft, "ms", {3})
          .build(),
  };
  const auto index = index_rows(corpus);
  const model::GroupKey gpu80{{"num_gpu", "80"}};
  EXPECT_EQ(index.keys[0][1], gpu80);
  EXPECT_EQ(index.keys[1][0], gpu80) << "the same configuration in two files is one group";
  const model::GroupKey shared{{"gpu", "RTX 4080"}, {"model", "gemma3"}};
  EXPECT_EQ(index.shared, shared);
}

TEST(IndexRows, DirectoryDistinguishesRunsWhenNothingElseDoes) {
  model::Corpus corpus;
  corpus.files = {file("a/x.csv"), file("b/y.csv"), file("c/z.csv")};
  corpus.tables = {
      TableBuilder("a/x.csv").dimension("model", std::vector<std::string>{"m"}).build(),
      TableBuilder("b/y.csv").dimension("model", std::vector<std::string>{"m"}).build(),
      TableBuilder("c/z.csv").metric("ttft_ms", MetricKind::ttft, "ms", {1}).build(),
  };
  const auto index = index_rows(corpus);
  const model::GroupKey a{{"directory", "a"}, {"model", "m"}};
  const model::GroupKey b{{"directory", "b"}, {"model", "m"}};
  const model::GroupKey c{{"directory", "c"}};
  EXPECT_EQ(index.keys[0][0], a);
  EXPECT_EQ(index.keys[1][0], b);
  EXPECT_EQ(index.keys[2][0], c);
}

TEST(IndexRows, MarksTablesOfLaterDuplicateFiles) {
  model::Corpus corpus;
  corpus.files = {file("a.csv", "h1"), file("b.csv", "h1"), file("c.csv", "h2")};
  for (const char* name : {"a.csv", "b.csv", "c.csv"}) {
    corpus.tables.push_back(TableBuilder(name).metric("x", MetricKind::ttft, "ms", {1}).build());
  }
  const auto index = index_rows(corpus);
  EXPECT_EQ(index.duplicate, (std::vector<bool>{false, true, false}));
}

}  // namespace
}  // namespace chimera::analyze
