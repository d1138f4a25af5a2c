#include <gtest/gtest.h>

#include <limits>

#include "analyze/corpus_builder.hpp"
#include "analyze/group_builder.hpp"
#include "chimera/analyze/findings.hpp"

namespace chimera::analyze {
namespace {

using model::MetricKind;
using testing::file;
using testing::group;
using testing::TableBuilder;

const model::Finding* by_id(const std::vector<model::Finding>& findings, const std::string& id) {
  for (const auto& f : findings) {
    if (f.id == id) {
      return &f;
    }
  }
  return nullptr;
}

TEST(RunFindings, GroupsFailedRunsByErrorMessage) {
  model::Corpus corpus;
  corpus.files = {file("s.csv")};
  corpus.tables = {TableBuilder("s.csv")
                       .metric("ttft_ms", MetricKind::ttft, "ms", {1, 2, 3, 4})
                       .fail(1, "out of memory")
                       .fail(3, "out of memory")
                       .fail(2, "")
                       .build()};
  const auto findings = run_findings(corpus, index_rows(corpus), {}, "");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].id, "failed-run");
  EXPECT_NE(findings[0].message.find("no error message"), std::string::npos);
  EXPECT_EQ(findings[1].count, 2u);
  EXPECT_EQ(findings[1].evidence, (std::vector<std::string>{"s.csv:3", "s.csv:5"}));
  EXPECT_EQ(findings[1].message.rfind("2 failed runs (out of memory) excluded", 0), 0u);
}

TEST(RunFindings, FindsRowsRepeatingEveryMetricOfTheSameConfiguration) {
  model::Corpus corpus;
  corpus.files = {file("s.csv")};
  corpus.tables = {TableBuilder("s.csv")
                       .dimension("cfg", std::vector<std::string>{"a", "a", "b", "a"})
                       .metric("ttft_ms", MetricKind::ttft, "ms", {1, 2, 1, 1})
                       .metric("tok_s", MetricKind::throughput, "tok/s", {9, 9, 9, 9})
                       .build()};
  const auto findings = run_findings(corpus, index_rows(corpus), {}, "");
  const auto* f = by_id(findings, "duplicate-rows");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->evidence, (std::vector<std::string>{"s.csv:5 repeats s.csv:2"}));
}

TEST(RunFindings, FlagsAveragesOverASingleRun) {
  model::Corpus corpus;
  corpus.files = {file("m.json")};
  corpus.tables = {
      TableBuilder("m.json", "/baseline")
          .dimension("agent_type", std::vector<std::string>{"Baseline"})
          .metric("runs", MetricKind::count, "", {1})
          .build(),
      TableBuilder("m.json", "/baseline/aggregate_metrics")
          .metric("average_ttft_ms", MetricKind::ttft, "ms", {3815.424})
          .metric("stddev_ttft", MetricKind::ttft, "ms", {0})
          .build(),
      TableBuilder("m.json", "/baseline/individual_runs")
          .metric("ttft_ms", MetricKind::ttft, "ms", {3815.424})
          .pointers({"/baseline/individual_runs/0"})
          .build(),
  };
  corpus.tables[1].row_lines = {};
  const auto findings = run_findings(corpus, index_rows(corpus), {}, "");
  const auto* f = by_id(findings, "single-sample-summary");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->evidence.size(), 2u);
  EXPECT_EQ(f->evidence[0],
            "m.json#/baseline/aggregate_metrics: average_ttft_ms = 3815 ms from 1 run");
}

TEST(RunFindings, AveragesOverSeveralRunsAreFine) {
  model::Corpus corpus;
  corpus.files = {file("m.json")};
  corpus.tables = {
      TableBuilder("m.json", "/agg").metric("average_ttft_ms", MetricKind::ttft, "ms", {2}).build(),
      TableBuilder("m.json", "/runs").metric("ttft_ms", MetricKind::ttft, "ms", {1, 3}).build(),
  };
  EXPECT_EQ(by_id(run_findings(corpus, index_rows(corpus), {}, ""), "single-sample-summary"),
            nullptr);
}

TEST(RunFindings, CountsSingleAndFewSampleConfigurationsOfThePrimaryMetric) {
  const std::vector<model::GroupStats> groups{
      group("throughput", {{"c", "1"}}, {50}),
      group("throughput", {{"c", "2"}}, {60}),
      group("throughput", {{"c", "3"}}, {1, 2, 3}),
      group("throughput", {{"c", "4"}}, {1, 2, 3, 4, 5, 6}),
      group("ttft", {{"c", "5"}}, {7}),
  };
  const model::Corpus corpus;
  const auto findings = run_findings(corpus, index_rows(corpus), groups, "throughput");
  const auto* single = by_id(findings, "single-sample");
  ASSERT_NE(single, nullptr);
  EXPECT_EQ(single->message,
            "2 configurations have a single throughput sample; re-run them at least 6 times "
            "before ranking");
  EXPECT_EQ(single->evidence[0], "c=1: n = 1, throughput 50 tok/s");
  const auto* few = by_id(findings, "few-samples");
  ASSERT_NE(few, nullptr);
  EXPECT_EQ(few->evidence, (std::vector<std::string>{"c=3: n = 3, throughput 2 tok/s"}));
}

}  // namespace
}  // namespace chimera::analyze
