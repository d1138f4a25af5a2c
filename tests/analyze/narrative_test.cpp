#include "chimera/analyze/narrative.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "chimera/analyze/stats.hpp"

namespace chimera::analyze {
namespace {

model::Finding finding(std::string id, model::Severity severity, std::size_t count,
                       std::string message = "m") {
  model::Finding f;
  f.id = std::move(id);
  f.severity = severity;
  f.count = count;
  f.message = std::move(message);
  return f;
}

model::Configuration configuration(std::string value, std::vector<double> samples) {
  model::Configuration c;
  c.values = {std::move(value)};
  c.runs = samples.size();
  c.metrics = {{0, summarize(samples)}};
  return c;
}

// One sweep: cfg b beats cfg a on throughput, and cfg matters.
model::Experiment sweep(std::vector<double> b, std::vector<double> a) {
  model::Experiment e;
  e.name = "runs/*.csv";
  e.origin = "measurements";
  e.factors = {{"cfg", {"a", "b"}, "data"}};
  e.metrics = {{"tokens_per_second", model::MetricKind::throughput, "tok/s",
                model::Direction::higher, false}};
  e.headline = 0;
  e.configurations = {configuration("a", std::move(a)), configuration("b", std::move(b))};
  e.runs = 12;
  e.ranking = {{1, 1, false}, {0, 2, false}};
  model::FactorEffect effect;
  effect.factor = "cfg";
  effect.levels = {{"a", 6, 62.5}, {"b", 6, 92.5}};
  effect.test = "mann-whitney";
  effect.p_value = 0.002165;
  effect.spread = 0.48;
  e.effects = {effect};
  return e;
}

model::Analysis sample_analysis() {
  model::Analysis a;
  a.inventory.files_total = 5;
  a.experiments = {sweep({90, 91, 92, 93, 94, 95}, {60, 61, 62, 63, 64, 65})};
  a.findings = {finding("malformed-file", model::Severity::error, 1, "bad.json:3: unexpected end"),
                finding("single-sample", model::Severity::warning, 34),
                finding("failed-run", model::Severity::warning, 2),
                finding("failed-run", model::Severity::warning, 1),
                finding("outlier", model::Severity::info, 4)};
  return a;
}

TEST(Narrative, KeyFindingsNameEachExperimentsWinnerAndWhatMatters) {
  const auto n = write_narrative(sample_analysis());
  ASSERT_EQ(n.key_findings.size(), 3u);
  EXPECT_EQ(n.key_findings[0], "found 1 experiment in 5 files: 12 runs, 0 failed runs excluded");
  EXPECT_EQ(n.key_findings[1],
            "`runs/*.csv`: best tokens_per_second cfg=b at 92.5 tok/s (n = 6, 95% CI 90 to 95 "
            "tok/s) of 2 configurations; cfg matters (p = 0.00216): median tokens_per_second "
            "62.5 tok/s at a against 92.5 tok/s at b, 48% higher");
  EXPECT_EQ(n.key_findings[2],
            "data quality: 1 error, 3 warnings, 1 note; most pressing: bad.json:3: unexpected end");
}

TEST(Narrative, RecommendationsFollowFindingsInUrgencyOrderWithSummedCounts) {
  const auto n = write_narrative(sample_analysis());
  EXPECT_EQ(n.recommendations,
            (std::vector<std::string>{
                "fix or remove the malformed file so its runs are counted",
                "fix the causes of the 3 failed runs and re-run them",
                "re-run the 34 single-run configurations at least 6 times before ranking them",
                "in `runs/*.csv`, prefer cfg=b for tokens_per_second: 48% ahead of the next "
                "best, and its 95% median interval does not overlap it"}));
}

TEST(Narrative, ASignificantButSmallEffectIsNotSaidToMatter) {
  auto a = sample_analysis();
  a.experiments[0].effects[0].spread = 0.0043;
  const auto n = write_narrative(a);
  EXPECT_NE(n.key_findings[1].find("cfg has a significant but small effect (p = 0.00216)"),
            std::string::npos)
      << n.key_findings[1];
  EXPECT_EQ(n.key_findings[1].find("matters"), std::string::npos);
}

TEST(Narrative, AnExperimentWhoseRunsAllFailedSaysSo) {
  auto a = sample_analysis();
  a.experiments[0].failed_runs = a.experiments[0].runs;
  a.experiments[0].ranking.clear();
  const auto n = write_narrative(a);
  EXPECT_EQ(n.key_findings[1], "`runs/*.csv`: all 12 runs failed; nothing to rank");
}

TEST(Narrative, TiedLeadersAskForMoreRunsInsteadOfAWinner) {
  auto a = sample_analysis();
  a.experiments[0].ranking[1].rank = 1;
  a.experiments[0].ranking[1].tied_with_previous = true;
  a.findings.clear();
  const auto n = write_narrative(a);
  EXPECT_NE(n.key_findings[1].find("statistically tied with 1 other"), std::string::npos);
  EXPECT_EQ(n.recommendations,
            (std::vector<std::string>{"in `runs/*.csv`, add runs to the 2 configurations tied "
                                      "for the best tokens_per_second before choosing"}));
}

TEST(Narrative, ABestFromFewerThanSixRunsIsNotConclusive) {
  auto a = sample_analysis();
  a.experiments = {sweep({98.41}, {60, 61})};
  const auto n = write_narrative(a);
  EXPECT_NE(n.key_findings[1].find("cfg=b at 98.41 tok/s (n = 1) of 2 configurations (too few "
                                   "runs for a 95% interval: not yet conclusive)"),
            std::string::npos)
      << n.key_findings[1];
  EXPECT_EQ(std::count_if(n.recommendations.begin(), n.recommendations.end(),
                          [](const auto& r) { return r.find("prefer") != std::string::npos; }),
            0);
}

TEST(Narrative, NamesFiveExperimentsAndCountsTheRest) {
  auto a = sample_analysis();
  a.experiments.assign(7, a.experiments[0]);
  const auto n = write_narrative(a);
  EXPECT_EQ(n.key_findings[6], "2 more experiments in the Experiments section");
}

TEST(Narrative, EmptyAnalysisStillDescribesTheCorpus) {
  const auto n = write_narrative(model::Analysis{});
  EXPECT_EQ(n.key_findings,
            (std::vector<std::string>{"found 0 experiments in 0 files: 0 runs, 0 failed runs "
                                      "excluded",
                                      "data quality: 0 errors, 0 warnings, 0 notes"}));
  EXPECT_TRUE(n.recommendations.empty());
}

}  // namespace
}  // namespace chimera::analyze
