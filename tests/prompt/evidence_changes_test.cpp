#include <gtest/gtest.h>

#include <memory>

#include "chimera/model/changes.hpp"
#include "chimera/prompt/evidence.hpp"
#include "support/report_sample.hpp"

namespace chimera::prompt {
namespace {

model::Change change(model::Verdict verdict, double pct) {
  model::Change c;
  c.experiment = "sweeps/*.csv";
  c.config = {{"num_gpu", "80"}};
  c.column = "throughput_tok_s";
  c.kind = model::MetricKind::throughput;
  c.unit = "tok/s";
  c.direction = model::Direction::higher;
  c.baseline_n = 8;
  c.baseline_median = 68;
  c.current_n = 8;
  c.current_median = 68 * (1 + pct / 100);
  c.change_pct = pct;
  c.p_value = 0.0002;
  c.verdict = verdict;
  return c;
}

TEST(EvidenceChanges, TheLlmReadsTheRegressionsBeforeAnythingElse) {
  auto s = test::make_report_sample();
  auto cmp = std::make_shared<model::BaselineComparison>();
  cmp->path = "records/old.jsonl";
  cmp->changes = {change(model::Verdict::regressed, -15), change(model::Verdict::improved, 10),
                  change(model::Verdict::unchanged, 0.5)};
  s.analysis.comparison = cmp;
  const auto sections = evidence_sections(s.corpus, s.analysis);
  ASSERT_FALSE(sections.empty());
  EXPECT_EQ(sections[0].title.rfind("Changes since baseline", 0), 0u) << sections[0].title;
  ASSERT_GE(sections[0].lines.size(), 3u);
  EXPECT_NE(sections[0].lines[0].find("1 regressed, 1 improved, 1 unchanged"), std::string::npos)
      << sections[0].lines[0];
  EXPECT_EQ(sections[0].lines[1].rfind("- regressed: throughput_tok_s of num_gpu=80", 0), 0u)
      << sections[0].lines[1];
  EXPECT_NE(sections[0].lines[1].find("-15%"), std::string::npos) << sections[0].lines[1];
  EXPECT_EQ(sections[0].lines[2].rfind("- improved:", 0), 0u);
  EXPECT_EQ(sections[0].lines.size(), 3u) << "unchanged metrics are counted, not listed";
}

TEST(EvidenceChanges, WithoutABaselineThereIsNoSection) {
  const auto s = test::make_report_sample();
  for (const auto& section : evidence_sections(s.corpus, s.analysis)) {
    EXPECT_EQ(section.title.find("baseline"), std::string::npos);
  }
}

}  // namespace
}  // namespace chimera::prompt
