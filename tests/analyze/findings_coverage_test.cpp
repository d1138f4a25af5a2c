#include <gtest/gtest.h>

#include <limits>

#include "analyze/corpus_builder.hpp"
#include "chimera/analyze/analyze.hpp"
#include "chimera/analyze/findings.hpp"

namespace chimera::analyze {
namespace {

using model::MetricKind;
using testing::file;
using testing::TableBuilder;

std::vector<model::Finding> with_id(const model::Corpus& corpus, const std::string& id) {
  std::vector<model::Finding> out;
  for (const auto& f : analyze(corpus).findings) {
    if (f.id == id) {
      out.push_back(f);
    }
  }
  return out;
}

TEST(CoverageFindings, ReportsOneMetricInDifferentCanonicalUnits) {
  model::Corpus corpus;
  corpus.files = {file("a.csv"), file("b.csv")};
  corpus.tables = {TableBuilder("a.csv").metric("score", MetricKind::other, "ms", {1}).build(),
                   TableBuilder("b.csv").metric("score", MetricKind::other, "%", {1}).build()};
  const auto findings = with_id(corpus, "unit-mismatch");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "score is recorded in 2 different units: % (b.csv score), ms (a.csv score); convert "
            "to one unit before comparing");
}

TEST(CoverageFindings, NotesMetricsWrittenInSeveralSourceUnits) {
  model::Corpus corpus;
  corpus.files = {file("a.csv"), file("b.json")};
  corpus.tables = {TableBuilder("a.csv")
                       .metric("ttft_s", MetricKind::ttft, "ms", {406})
                       .source_unit("s")
                       .build(),
                   TableBuilder("b.json", "/runs")
                       .metric("ttft_ms", MetricKind::ttft, "ms", {400})
                       .pointers({"/runs/0"})
                       .build()};
  const auto findings = with_id(corpus, "mixed-units");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, model::Severity::info);
  EXPECT_EQ(testing::texts(findings[0]),
            (std::vector<std::string>{"b.json#/runs ttft_ms: ms", "a.csv ttft_s: s"}));
  EXPECT_EQ(findings[0].evidence[0].source, "b.json");
  EXPECT_EQ(findings[0].evidence[0].locator, "#/runs");
  EXPECT_EQ(findings[0].evidence[0].column, "ttft_ms");
  EXPECT_EQ(findings[0].evidence[1].unit, "s");
}

TEST(CoverageFindings, ReportsMetricsMissingInSomeConfigurationsOfAnExperiment) {
  constexpr double k_missing = std::numeric_limits<double>::quiet_NaN();
  model::Corpus corpus;
  corpus.files = {file("sweep.csv")};
  corpus.tables = {TableBuilder("sweep.csv")
                       .dimension("gpu_layers", std::vector<double>{60, 60, 80, 80})
                       .metric("ttft_ms", MetricKind::ttft, "ms", {1, 2, 3, 4})
                       .metric("tokens_per_second", MetricKind::throughput, "tok/s",
                               {5, 6, k_missing, k_missing})
                       .build()};
  const auto findings = with_id(corpus, "missing-metric");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "in `sweep.csv`, some of the 2 configurations have no tokens_per_second; they cannot "
            "be compared on it, record it for every configuration");
  EXPECT_EQ(testing::texts(findings[0]),
            (std::vector<std::string>{"num_gpu=80: no tokens_per_second"}));
  EXPECT_EQ(findings[0].evidence[0].source, "sweep.csv");
  EXPECT_EQ(findings[0].evidence[0].column, "tokens_per_second");
}

}  // namespace
}  // namespace chimera::analyze
