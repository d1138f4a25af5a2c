#include "chimera/analyze/findings.hpp"

#include <gtest/gtest.h>

#include "analyze/corpus_builder.hpp"
#include "chimera/analyze/analyze.hpp"

namespace chimera::analyze {
namespace {

using testing::file;
using testing::TableBuilder;

TEST(Capped, KeepsTheFirstLinesAndCountsTheRest) {
  std::vector<std::string> lines(k_max_evidence + 3, "x");
  const auto out = capped(lines);
  ASSERT_EQ(out.size(), k_max_evidence + 1);
  EXPECT_EQ(out.back(), "... and 3 more");
  EXPECT_EQ(capped({"a"}), (std::vector<std::string>{"a"}));
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
