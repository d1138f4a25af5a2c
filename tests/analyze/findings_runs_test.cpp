#include <gtest/gtest.h>

#include <limits>

#include "analyze/corpus_builder.hpp"
#include "chimera/analyze/analyze.hpp"
#include "chimera/analyze/findings.hpp"

namespace chimera::analyze {
namespace {

using model::Direction;
using model::MetricKind;
using testing::file;
using testing::TableBuilder;

const model::Finding* by_id(const std::vector<model::Finding>& findings, const std::string& id) {
  for (const auto& f : findings) {
    if (f.id == id) {
      return &f;
    }
  }
  return nullptr;
}

model::Corpus one_table(model::Table table) {
  model::Corpus corpus;
  corpus.files = {file(table.source.str())};
  corpus.tables = {std::move(table)};
  return corpus;
}

TEST(RunFindings, GroupsFailedRunsByErrorMessage) {
  const auto corpus = one_table(TableBuilder("s.csv")
                                    .metric("ttft_ms", MetricKind::ttft, "ms", {1, 2, 3, 4})
                                    .fail(1, "out of memory")
                                    .fail(3, "out of memory")
                                    .fail(2, "")
                                    .build());
  const auto findings = analyze(corpus).findings;
  const auto* unnamed = by_id(findings, "failed-run");
  ASSERT_NE(unnamed, nullptr);
  EXPECT_NE(unnamed->message.find("no error message"), std::string::npos);
  std::vector<const model::Finding*> failed;
  for (const auto& f : findings) {
    if (f.id == "failed-run") {
      failed.push_back(&f);
    }
  }
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(failed[1]->count, 2u);
  EXPECT_EQ(testing::texts(*failed[1]), (std::vector<std::string>{"s.csv:3", "s.csv:5"}));
  EXPECT_EQ(failed[1]->evidence[1].locator, ":5");
  EXPECT_EQ(failed[1]->message.rfind("2 failed runs (out of memory) excluded", 0), 0u);
}

TEST(RunFindings, ARunThatGeneratedNothingFailed) {
  const auto corpus =
      one_table(TableBuilder("m.json", "/runs")
                    .metric("throughput_tokens_per_sec", MetricKind::throughput, "tok/s",
                            {0, 98.1, 97.9}, Direction::higher)
                    .metric("tokens_generated", MetricKind::tokens, "tokens", {0, 1500, 1480})
                    .metric("ttft_ms", MetricKind::ttft, "ms", {4573, 390, 401}, Direction::lower)
                    .pointers({"/runs/0", "/runs/1", "/runs/2"})
                    .build());
  const auto a = analyze(corpus);
  const auto* f = by_id(a.findings, "failed-run");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message,
            "1 failed run (no tokens generated, throughput 0) excluded from statistics; fix the "
            "cause and re-run it");
  EXPECT_EQ(testing::texts(*f), (std::vector<std::string>{"m.json#/runs/0"}));
  ASSERT_EQ(a.experiments.size(), 1u);
  EXPECT_EQ(a.experiments[0].failed_runs, 1u);
  const auto& e = a.experiments[0];
  EXPECT_EQ(e.configurations[0].summary_of(*e.headline)->n, 2u);
}

TEST(RunFindings, FindsRowsRepeatingEveryMetricOfTheSameConfiguration) {
  const auto corpus = one_table(TableBuilder("s.csv")
                                    .dimension("cfg", std::vector<std::string>{"a", "a", "b", "a"})
                                    .metric("ttft_ms", MetricKind::ttft, "ms", {1, 2, 1, 1})
                                    .metric("tok_s", MetricKind::throughput, "tok/s", {9, 9, 9, 9})
                                    .build());
  const auto findings = analyze(corpus).findings;
  const auto* f = by_id(findings, "duplicate-rows");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(testing::texts(*f), (std::vector<std::string>{"s.csv:5: repeats s.csv:2"}));
}

TEST(RunFindings, CountsSingleAndFewSampleConfigurationsOfTheHeadlineMetric) {
  const auto corpus =
      one_table(TableBuilder("s.csv")
                    .dimension("c", std::vector<std::string>{"1", "2", "3", "3", "3", "4", "4", "4",
                                                             "4", "4", "4"})
                    .metric("tokens_per_second", MetricKind::throughput, "tok/s",
                            {50, 60, 1, 2, 3, 1, 2, 3, 4, 5, 6}, Direction::higher)
                    .build());
  const auto findings = analyze(corpus).findings;
  const auto* single = by_id(findings, "single-sample");
  ASSERT_NE(single, nullptr);
  EXPECT_EQ(single->message,
            "2 configurations of `s.csv` have a single tokens_per_second run; re-run them at "
            "least 6 times before ranking");
  EXPECT_EQ(single->evidence[0].text, "c=2: n = 1, tokens_per_second 60 tok/s");
  EXPECT_EQ(single->evidence[0].source, "s.csv");
  EXPECT_EQ(single->evidence[0].column, "tokens_per_second");
  EXPECT_EQ(single->evidence[0].value, 60);
  EXPECT_EQ(single->evidence[0].unit, "tok/s");
  const auto* few = by_id(findings, "few-samples");
  ASSERT_NE(few, nullptr);
  EXPECT_EQ(testing::texts(*few),
            (std::vector<std::string>{"c=3: n = 3, tokens_per_second 2 tok/s"}));
}

}  // namespace
}  // namespace chimera::analyze
