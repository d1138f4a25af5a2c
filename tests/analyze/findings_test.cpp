#include "chimera/analyze/findings.hpp"

#include <gtest/gtest.h>

#include "analyze/corpus_builder.hpp"
#include "chimera/analyze/analyze.hpp"

namespace chimera::analyze {
namespace {

using testing::file;
using testing::TableBuilder;

TEST(SetEvidence, KeepsTheFirstItemsAndCountsTheRest) {
  model::Finding f;
  std::vector<model::Evidence> items(k_max_evidence + 3, model::evidence_at("a.csv", ":2", "x"));
  set_evidence(f, items);
  EXPECT_EQ(f.evidence.size(), k_max_evidence);
  EXPECT_EQ(f.evidence_total, k_max_evidence + 3);
  set_evidence(f, {model::evidence_at("a.csv", ":2")}, 40);
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_EQ(f.evidence[0].text, "a.csv:2");
  EXPECT_EQ(f.evidence_total, 40u);
}

TEST(RowEvidence, SplitsTheRowsLocationIntoSourceAndLocator) {
  auto table = TableBuilder("runs/a.json", "/runs")
                   .metric("ttft_ms", model::MetricKind::ttft, "ms", {1, 2})
                   .pointers({"/runs/0", "/runs/1"})
                   .build();
  const auto e = row_evidence(table, 1, "ttft_ms 2 ms");
  EXPECT_EQ(e.source, "runs/a.json");
  EXPECT_EQ(e.locator, "#/runs/1");
  EXPECT_EQ(e.text, "runs/a.json#/runs/1: ttft_ms 2 ms");
  const auto csv = TableBuilder("s.csv").metric("x", model::MetricKind::ttft, "ms", {1}).build();
  EXPECT_EQ(row_evidence(csv, 0, "").text, "s.csv:2");
  EXPECT_EQ(row_evidence(csv, 0, "").locator, ":2");
}

TEST(FindAll, PutsErrorsFirstThenWarningsThenInfo) {
  model::Corpus corpus;
  corpus.files = {file("a.csv", "h"), file("b.csv", "h"), file("notes.bin")};
  corpus.files[2].skipped = true;
  corpus.files[2].skip_reason = "binary";
  corpus.diagnostics = {{"c.json", 3, model::Severity::error, "expected value"}};
  corpus.tables = {TableBuilder("a.csv").metric("x", model::MetricKind::ttft, "ms", {1}).build(),
                   TableBuilder("b.csv").metric("x", model::MetricKind::ttft, "ms", {1}).build()};
  const auto findings = analyze(corpus).findings;
  ASSERT_GE(findings.size(), 3u);
  EXPECT_EQ(findings.front().id, "malformed-file");
  EXPECT_EQ(findings[1].id, "duplicate-file");
  EXPECT_EQ(findings.back().id, "skipped-file");
  for (std::size_t i = 1; i < findings.size(); ++i) {
    EXPECT_GE(findings[i - 1].severity, findings[i].severity);
  }
}

}  // namespace
}  // namespace chimera::analyze
