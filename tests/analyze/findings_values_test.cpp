#include <gtest/gtest.h>

#include "analyze/corpus_builder.hpp"
#include "chimera/analyze/analyze.hpp"
#include "chimera/analyze/findings.hpp"

namespace chimera::analyze {
namespace {

// The findings of the value checks (cold-start, outlier, inconsistent-*) of a corpus.
std::vector<model::Finding> value_checks(const model::Corpus& corpus) {
  std::vector<model::Finding> out;
  for (const auto& f : analyze(corpus).findings) {
    if (f.id == "cold-start" || f.id == "outlier" || f.id.starts_with("inconsistent-")) {
      out.push_back(f);
    }
  }
  return out;
}

using model::Direction;
using model::MetricKind;
using testing::file;
using testing::TableBuilder;

model::Corpus runs(std::vector<double> ttft) {
  model::Corpus corpus;
  corpus.files = {file("r.json")};
  corpus.tables = {TableBuilder("r.json", "/runs")
                       .metric("ttft_ms", MetricKind::ttft, "ms", std::move(ttft), Direction::lower)
                       .build()};
  return corpus;
}

TEST(ValueFindings, FlagsAFirstRunFarAboveTheRestAsAColdStart) {
  // Median 431.285, MAD 16.17: the first run's modified z is 0.6745 * 3085.675 / 16.17 = 128.7.
  const auto corpus = runs({3516.96, 423.13, 439.44, 446.61, 411.55, 414.27});
  const auto findings = value_checks(corpus);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "cold-start");
  EXPECT_EQ(findings[0].message,
            "1 first run in `r.json#/runs` far from the rest of their configuration (ttft_ms, up "
            "to 8.155x the median): a cold start; drop warm-up runs or report them separately");
  ASSERT_EQ(findings[0].evidence.size(), 1u);
  const auto& e = findings[0].evidence[0];
  EXPECT_EQ(e.text, "r.json:2: ttft_ms 3517 ms, median 431.3 ms (8.155x), modified z 128.7");
  EXPECT_EQ(e.source, "r.json");
  EXPECT_EQ(e.locator, ":2");
  EXPECT_EQ(e.column, "ttft_ms");
  EXPECT_EQ(e.value, 3516.96);
  EXPECT_EQ(e.unit, "ms");
  ASSERT_TRUE(e.reference.has_value());
  EXPECT_DOUBLE_EQ(*e.reference, 431.285);
}

TEST(ValueFindings, AnOutlierLaterOrOnTheGoodSideIsNotAColdStart) {
  const auto corpus = runs({400, 410, 405, 3000, 395});
  const auto findings = value_checks(corpus);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "outlier");
  EXPECT_EQ(findings[0].severity, model::Severity::info);
  const auto fast_first = runs({10, 410, 405, 400, 395});
  EXPECT_EQ(value_checks(fast_first)[0].id, "outlier");
}

TEST(ValueFindings, NeedsFourRunsAndASpreadToCallAnOutlier) {
  const auto three = runs({3000, 400, 410});
  EXPECT_TRUE(value_checks(three).empty());
  const auto steady = runs({400, 410, 405, 395, 402});
  EXPECT_TRUE(value_checks(steady).empty());
}

TEST(ValueFindings, NeedsAMaterialEffectAsWellAsALargeZ) {
  // The other runs barely vary, so a first run 4% slower has a modified z of 30: not a cold start.
  const auto corpus = runs({480, 461, 460, 460.5, 460.2, 460.8});
  EXPECT_TRUE(value_checks(corpus).empty());
}

TEST(ValueFindings, LooksForOutliersWithinEachConfiguration) {
  model::Corpus corpus;
  corpus.files = {file("s.csv")};
  corpus.tables = {TableBuilder("s.csv")
                       .dimension("gpu", std::vector<double>{60, 60, 60, 60, 120, 120, 120, 120})
                       .metric("tok_s", MetricKind::throughput, "tok/s",
                               {60, 61, 62, 60.5, 120, 121, 122, 120.5})
                       .build()};
  EXPECT_TRUE(value_checks(corpus).empty());
}

TEST(ValueFindings, ChecksTtftAgainstLoadPlusPromptEval) {
  model::Corpus corpus;
  corpus.files = {file("r.csv")};
  corpus.tables = {TableBuilder("r.csv")
                       .metric("ttft_ms", MetricKind::ttft, "ms", {3516.96, 500})
                       .metric("load_ms", MetricKind::load, "ms", {3280.54, 100})
                       .metric("prompt_eval_ms", MetricKind::prompt_eval, "ms", {212.07, 100})
                       .build()};
  const auto findings = value_checks(corpus);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "inconsistent-ttft");
  EXPECT_EQ(
      testing::texts(findings[0]),
      (std::vector<std::string>{"r.csv:3: ttft 500 ms, load + prompt_eval 200 ms (60% apart)"}));
  EXPECT_EQ(findings[0].evidence[0].value, 500);
  EXPECT_EQ(findings[0].evidence[0].reference, 200);
  EXPECT_EQ(findings[0].evidence[0].column, "ttft_ms");
}

TEST(ValueFindings, ChecksThroughputAgainstTokensOverEvalTime) {
  model::Corpus corpus;
  corpus.files = {file("r.csv")};
  corpus.tables = {TableBuilder("r.csv")
                       .metric("tokens_per_second", MetricKind::throughput, "tok/s", {65.08, 90})
                       .metric("eval_duration_ms", MetricKind::eval, "ms", {20941.85, 10000})
                       .metric("eval_count", MetricKind::tokens, "tokens", {1363, 600})
                       .build()};
  const auto findings = value_checks(corpus);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "inconsistent-throughput");
  EXPECT_EQ(testing::texts(findings[0]),
            (std::vector<std::string>{
                "r.csv:3: throughput 90 tok/s, tokens / eval time 60 tok/s (33.33% apart)"}));
  EXPECT_EQ(findings[0].evidence[0].unit, "tok/s");
  EXPECT_EQ(findings[0].evidence[0].reference, 60);
}

}  // namespace
}  // namespace chimera::analyze
