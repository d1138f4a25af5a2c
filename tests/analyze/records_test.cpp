#include "chimera/analyze/records.hpp"

#include <gtest/gtest.h>

#include "analyze/corpus_builder.hpp"
#include "analyze/corpus_files.hpp"
#include "chimera/analyze/analyze.hpp"

namespace chimera::analyze {
namespace {

using model::MetricKind;
using testing::analyze_files;
using testing::file;
using testing::TableBuilder;

using Strings = std::vector<std::string>;

Strings metric_columns(const model::Experiment& e) {
  Strings out;
  for (const auto& m : e.metrics) {
    out.push_back(m.column);
  }
  return out;
}

TEST(RecordSets, PreferRawSamplesOverAggregatesAndCountARepeatedArrayOnce) {
  model::Corpus corpus;
  corpus.files = {file("r.json")};
  corpus.tables = {
      TableBuilder("r.json", "").dimension("model", Strings{"m"}).build(),
      TableBuilder("r.json", "/runs")
          .metric("ttft_ms", MetricKind::ttft, "ms", {3, 1, 2})
          .pointers({"/runs/0", "/runs/1", "/runs/2"})
          .build(),
      TableBuilder("r.json", "/timing_stats/ttft_ms/samples")
          .metric("timing_stats.ttft_ms.samples", MetricKind::ttft, "ms", {3, 1, 2})
          .pointers({"/timing_stats/ttft_ms/samples/0", "/timing_stats/ttft_ms/samples/1",
                     "/timing_stats/ttft_ms/samples/2"})
          .build(),
      TableBuilder("r.json", "")
          .metric("aggregate.average_ttft_ms", MetricKind::ttft, "ms", {2})
          .metric("aggregate.stddev_ttft", MetricKind::ttft, "ms", {1})
          .build(),
  };
  const auto a = analyze(corpus);
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments[0];
  EXPECT_EQ(e.name, "r.json#/runs");
  EXPECT_EQ(e.runs, 3u);
  EXPECT_EQ(e.fixed, (model::GroupKey{{"model", "m"}}));
}

TEST(RecordSets, SampleArraysWithoutRunsAreTheRuns) {
  const auto a = analyze_files(
      {{"r.json", R"({"model": "m", "timing": {"ttft_ms": {"samples": [400, 410, 420]},
                     "tokens_per_second": {"samples": [60, 61, 62]}}})"}});
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments[0];
  EXPECT_EQ(metric_columns(e), (Strings{"tokens_per_second", "ttft_ms"}));
  EXPECT_EQ(e.configurations[0].summary_of(*e.headline)->n, 3u);
}

TEST(RecordSets, AveragesStandInWhenAFileHasNothingElseButSpreadsNever) {
  model::Corpus corpus;
  corpus.files = {file("s.json")};
  corpus.tables = {TableBuilder("s.json")
                       .metric("average_ttft_ms", MetricKind::ttft, "ms", {2})
                       .metric("stddev_ttft", MetricKind::ttft, "ms", {0.5})
                       .build()};
  const auto a = analyze(corpus);
  ASSERT_EQ(a.experiments.size(), 1u);
  EXPECT_EQ(a.experiments[0].origin, "summaries");
  EXPECT_EQ(metric_columns(a.experiments[0]), (Strings{"average_ttft_ms"}));
}

TEST(RecordSets, LeaveDuplicateFilesOut) {
  model::Corpus corpus;
  corpus.files = {file("runs/a.csv", "same"), file("runs/b.csv", "same")};
  corpus.tables = {TableBuilder("runs/a.csv").metric("x", MetricKind::ttft, "ms", {1, 2}).build(),
                   TableBuilder("runs/b.csv").metric("x", MetricKind::ttft, "ms", {1, 2}).build()};
  const auto a = analyze(corpus);
  ASSERT_EQ(a.experiments.size(), 1u);
  EXPECT_EQ(a.experiments[0].sources, (Strings{"runs/a.csv"}));
  EXPECT_EQ(a.experiments[0].runs, 2u);
}

TEST(RecordSets, LeaveOutRunCountsIdsAndStatedExpectations) {
  const auto a = analyze_files({{"bench.csv",
                                 "request_id,runs,total_requests,expected_tokens_per_second,"
                                 "tokens_per_second,p95_latency_ms\n"
                                 "1,2,2,100,95,400\n2,2,2,100,97,410\n"}});
  ASSERT_EQ(a.experiments.size(), 1u);
  EXPECT_EQ(metric_columns(a.experiments[0]), (Strings{"tokens_per_second"}));
}

TEST(RecordSets, ASummaryFileCountsOnlyWhereNoRunsMeasureItsKinds) {
  const std::string runs = "model,tokens_per_second\na,50\na,51\n";
  const std::string stats = "model,tokens_per_second,ttft_ms\na,50.5,300\n";
  const auto beside = analyze_files({{"x/runs.csv", runs}, {"x/runs_stats.csv", stats}});
  // The means of throughput restate the runs beside them; TTFT is measured nowhere else.
  ASSERT_EQ(beside.experiments.size(), 2u);
  const auto alone = analyze_files({{"x/runs.csv", runs}, {"y/runs_stats.csv", stats}});
  ASSERT_EQ(alone.experiments.size(), 2u);
  for (const auto& e : alone.experiments) {
    if (e.sources.front() == "y/runs_stats.csv") {
      EXPECT_EQ(e.origin, "summaries");
      EXPECT_EQ(metric_columns(e), (Strings{"tokens_per_second", "ttft_ms"}));
    }
  }
  for (const auto& e : beside.experiments) {
    if (e.sources.front() == "x/runs_stats.csv") {
      EXPECT_EQ(metric_columns(e), (Strings{"ttft_ms"}));
    }
  }
}

TEST(RawKinds, AreMeasurementsOfARunAndHaveTheirDirection) {
  EXPECT_TRUE(model::is_raw_measurement(MetricKind::throughput));
  EXPECT_TRUE(model::is_raw_measurement(MetricKind::ttft));
  EXPECT_TRUE(model::is_raw_measurement(MetricKind::memory));
  EXPECT_TRUE(model::is_raw_measurement(MetricKind::tokens));
  EXPECT_FALSE(model::is_raw_measurement(MetricKind::percent));
  EXPECT_FALSE(model::is_raw_measurement(MetricKind::ratio));
  EXPECT_FALSE(model::is_raw_measurement(MetricKind::count));
  EXPECT_FALSE(model::is_raw_measurement(MetricKind::other));
  EXPECT_EQ(direction_of(MetricKind::throughput, model::Direction::none), model::Direction::higher);
  EXPECT_EQ(direction_of(MetricKind::ttft, model::Direction::none), model::Direction::lower);
  EXPECT_EQ(direction_of(MetricKind::ttft, model::Direction::higher), model::Direction::higher);
}

}  // namespace
}  // namespace chimera::analyze
