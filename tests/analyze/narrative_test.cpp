#include "chimera/analyze/narrative.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "analyze/group_builder.hpp"

namespace chimera::analyze {
namespace {

model::RankedConfig ranked(std::string cfg, std::vector<double> samples, std::size_t rank) {
  const auto g = testing::group("throughput", {{"cfg", std::move(cfg)}}, std::move(samples));
  model::RankedConfig r;
  r.group = g.group;
  r.kind = g.kind;
  r.unit = g.unit;
  r.direction = model::Direction::higher;
  r.summary = g.summary;
  r.metric = "throughput";
  r.rank = rank;
  return r;
}

model::Finding finding(std::string id, model::Severity severity, std::size_t count,
                       std::string message = "m") {
  model::Finding f;
  f.id = std::move(id);
  f.severity = severity;
  f.count = count;
  f.message = std::move(message);
  return f;
}

model::Analysis sample_analysis() {
  model::Analysis a;
  a.inventory.tables = 3;
  a.inventory.rows = 40;
  a.inventory.files_total = 5;
  a.inventory.failed_rows = 1;
  a.ranking = {ranked("b", {90, 91, 92, 93, 94, 95}, 1), ranked("a", {60, 61, 62, 63, 64, 65}, 2)};
  a.pareto = {{{{"cfg", "b"}}, 92.5, 300}};
  model::Comparison c;
  c.significant = true;
  c.small_sample = false;
  a.comparisons = {c};
  a.findings = {finding("malformed-file", model::Severity::error, 1, "bad.json:3: unexpected end"),
                finding("single-sample", model::Severity::warning, 34),
                finding("failed-run", model::Severity::warning, 2),
                finding("failed-run", model::Severity::warning, 1),
                finding("outlier", model::Severity::info, 4)};
  return a;
}

TEST(Narrative, KeyFindingsStateTheNumbersOfTheAnalysis) {
  const auto n = write_narrative(sample_analysis());
  ASSERT_EQ(n.key_findings.size(), 6u);
  EXPECT_EQ(n.key_findings[0],
            "analysed 3 tables with 40 rows from 5 files; 1 failed run was excluded from the "
            "statistics");
  EXPECT_EQ(n.key_findings[1],
            "best throughput (higher is better): cfg=b at a median of 92.5 tok/s (n = 6, 95% CI "
            "90 to 95 tok/s)");
  EXPECT_EQ(n.key_findings[2],
            "throughput medians range from 92.5 tok/s (best) to 62.5 tok/s (cfg=a) across 2 "
            "configurations");
  EXPECT_EQ(n.key_findings[3],
            "1 configuration is on the throughput/TTFT Pareto front: cfg=b (92.5 tok/s, 300 ms)");
  EXPECT_EQ(n.key_findings[4],
            "1 of 1 comparison is significant at alpha 0.05 (two-sided Mann-Whitney U); 0 have "
            "fewer than 4 runs on a side");
  EXPECT_EQ(n.key_findings[5],
            "data quality: 1 error, 3 warnings, 1 note; most pressing: bad.json:3: unexpected end");
}

TEST(Narrative, RecommendationsFollowFindingsInUrgencyOrderWithSummedCounts) {
  const auto n = write_narrative(sample_analysis());
  EXPECT_EQ(n.recommendations,
            (std::vector<std::string>{
                "fix or remove the malformed file so its runs are counted",
                "fix the causes of the 3 failed runs and re-run them",
                "re-run the 34 single-sample configurations at least 6 times before ranking them",
                "prefer cfg=b for throughput: its 95% median interval does not overlap the next "
                "best"}));
}

TEST(Narrative, TiedLeadersAskForMoreRunsInsteadOfAWinner) {
  auto a = sample_analysis();
  a.ranking[1].rank = 1;
  a.ranking[1].tied_with_previous = true;
  a.findings.clear();
  const auto n = write_narrative(a);
  EXPECT_NE(n.key_findings[1].find("statistically tied with 1 other configuration"),
            std::string::npos);
  EXPECT_EQ(n.recommendations,
            (std::vector<std::string>{"add runs to the 2 configurations tied for the best "
                                      "throughput before choosing between them"}));
}

TEST(Narrative, ABestFromFewerThanSixRunsIsNotConclusive) {
  auto a = sample_analysis();
  a.ranking = {ranked("b", {98.41}, 1), ranked("a", {60, 61}, 2)};
  const auto n = write_narrative(a);
  EXPECT_EQ(n.key_findings[1],
            "best throughput (higher is better): cfg=b at a median of 98.41 tok/s (n = 1); too "
            "few runs for a 95% interval, so not yet conclusive");
  EXPECT_EQ(std::count_if(n.recommendations.begin(), n.recommendations.end(),
                          [](const auto& r) { return r.rfind("prefer", 0) == 0; }),
            0);
}

TEST(Narrative, EmptyAnalysisStillDescribesTheCorpus) {
  const auto n = write_narrative(model::Analysis{});
  EXPECT_EQ(n.key_findings,
            (std::vector<std::string>{"analysed 0 tables with 0 rows from 0 files; 0 failed runs "
                                      "were excluded from the statistics",
                                      "data quality: 0 errors, 0 warnings, 0 notes"}));
  EXPECT_TRUE(n.recommendations.empty());
}

}  // namespace
}  // namespace chimera::analyze
