#include <gtest/gtest.h>

#include "analyze/corpus_builder.hpp"
#include "analyze/group_builder.hpp"
#include "chimera/analyze/findings.hpp"

namespace chimera::analyze {
namespace {

using model::MetricKind;
using testing::file;
using testing::group;
using testing::TableBuilder;

TEST(CoverageFindings, ReportsOneMetricInDifferentCanonicalUnits) {
  model::Corpus corpus;
  corpus.files = {file("a.csv"), file("b.csv")};
  corpus.tables = {TableBuilder("a.csv").metric("score", MetricKind::other, "ms", {1}).build(),
                   TableBuilder("b.csv").metric("score", MetricKind::other, "%", {1}).build()};
  const auto findings = coverage_findings(corpus, index_rows(corpus), {});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "unit-mismatch");
  EXPECT_EQ(findings[0].message,
            "score is recorded in 2 different units: % (b.csv score), ms (a.csv score); convert "
            "to one unit before comparing");
}

TEST(CoverageFindings, NotesMetricsWrittenInSeveralSourceUnits) {
  model::Corpus corpus;
  corpus.files = {file("a.csv"), file("b.json")};
  corpus.tables = {
      TableBuilder("a.csv")
          .metric("ttft_s", MetricKind::ttft, "ms", {406})
          .source_unit("s")
          .build(),
      TableBuilder("b.json", "/runs").metric("ttft_ms", MetricKind::ttft, "ms", {400}).build()};
  const auto findings = coverage_findings(corpus, index_rows(corpus), {});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "mixed-units");
  EXPECT_EQ(findings[0].severity, model::Severity::info);
  EXPECT_EQ(findings[0].evidence,
            (std::vector<std::string>{"b.json#/runs ttft_ms: ms", "a.csv ttft_s: s"}));
}

TEST(CoverageFindings, ReportsMetricsMissingInSomeConfigurationsOfAnExperiment) {
  const std::vector<model::GroupStats> groups{
      group("ttft", {{"gpu", "60"}}, {1}),
      group("ttft", {{"gpu", "80"}}, {1}),
      group("throughput", {{"gpu", "60"}}, {1}),
      group("ttft", {{"model", "x"}}, {1}),
  };
  const model::Corpus corpus;
  const auto findings = coverage_findings(corpus, index_rows(corpus), groups);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "missing-metric");
  EXPECT_EQ(findings[0].message,
            "throughput is missing in 1 of 2 configurations of (gpu); they cannot be compared on "
            "it, record it for every configuration");
  EXPECT_EQ(findings[0].evidence, (std::vector<std::string>{"gpu=80: no throughput"}));
}

}  // namespace
}  // namespace chimera::analyze
