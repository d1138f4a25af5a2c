#include "chimera/render/narrative.hpp"

#include <gtest/gtest.h>

#include "support/report_sample.hpp"

namespace chimera::render {
namespace {

TEST(SplitReport, SplitsAtMarkdownHeadingsAndDropsThem) {
  const auto s = split_report(
      "Intro line.\n## 1. Executive Summary\nFast.\n\n## 2. Optimisation Recommendations\n"
      "1. Use the summary of risk.\n## 3. Risks and Mitigations\n| a | b |\n");
  ASSERT_TRUE(s.summary && s.recommendations && s.risks);
  EXPECT_EQ(*s.summary, "Fast.");
  EXPECT_EQ(*s.recommendations, "1. Use the summary of risk.");
  EXPECT_EQ(*s.risks, "| a | b |");
}

TEST(SplitReport, AcceptsBoldAndNumberedHeadingsWhenThereAreNoMarkdownOnes) {
  const auto bold = split_report("**Executive Summary**\nA.\n**Recommendations:**\nB.\n");
  ASSERT_TRUE(bold.summary && bold.recommendations);
  EXPECT_FALSE(bold.risks);
  EXPECT_EQ(*bold.summary, "A.");
  const auto numbered = split_report("1. Executive summary\nA.\n2. Risks\nC.\n");
  ASSERT_TRUE(numbered.summary && numbered.risks);
  EXPECT_EQ(*numbered.risks, "C.");
}

TEST(SplitReport, LongNumberedLinesAreItemsNotHeadings) {
  const auto s = split_report(
      "## Recommendations\n1. Reduce the risk of running out of memory by lowering num_ctx.\n");
  ASSERT_TRUE(s.recommendations);
  EXPECT_FALSE(s.risks);
}

TEST(SplitReport, ATitleThatSaysSummaryDoesNotSwallowTheRealSummary) {
  const auto s = split_report("# Performance Summary\n\n## 1. Executive Summary\nFast.\n");
  ASSERT_TRUE(s.summary);
  EXPECT_EQ(*s.summary, "Fast.");
}

TEST(SplitReport, TextWithoutHeadingsHasNoSections) {
  const auto s = split_report("Everything is fine.\nReally.");
  EXPECT_FALSE(s.summary || s.recommendations || s.risks);
}

TEST(DemoteHeadings, ShiftsTheHighestHeadingToTheGivenLevelAndLeavesCodeAlone) {
  EXPECT_EQ(demote_headings("\n# A\ntext\n## B\n```\n# not a heading\n```\n", 3),
            "### A\ntext\n#### B\n```\n# not a heading\n```");
  EXPECT_EQ(demote_headings("#### Deep\n###### Deeper", 3), "### Deep\n##### Deeper");
}

TEST(BuildNarrative, WithoutPassesHasNoText) {
  const auto sample = test::make_report_sample();
  const auto n = build_narrative(sample.llm, "1 2 3");
  EXPECT_FALSE(n.has_text);
  EXPECT_EQ(n.grounding.checked, 0u);
}

TEST(BuildNarrative, NumbersUnsupportedMentionsInReportOrder) {
  const auto llm = test::make_llm_ok("Throughput 55 tok/s.",
                                     "## Executive Summary\nAt 99 tok/s.\n## Risks\nNone at 7%.");
  const auto n = build_narrative(llm, "throughput 69.1 tok/s");
  ASSERT_TRUE(n.summary && n.findings && n.risks);
  EXPECT_EQ(n.summary->first_ref, 1u);
  EXPECT_EQ(n.findings->first_ref, 2u);
  EXPECT_EQ(n.risks->first_ref, 3u);
  ASSERT_EQ(n.grounding.unsupported.size(), 3u);
  EXPECT_EQ(n.grounding.unsupported[0].text, "99 tok/s");
  EXPECT_EQ(n.grounding.unsupported[1].section, "Key Findings");
  EXPECT_EQ(n.grounding.unsupported[2].text, "7%");
}

// README says a failed pass keeps its streamed text; the renderer used only passes that were ok.
TEST(BuildNarrative, FailedPassesContributeTheirTextMarkedCutOff) {
  auto llm = test::make_llm_ok("1. Throughput is", "## Executive Summary\nb");
  llm.passes[0].ok = false;
  llm.passes[0].error = "the stream stalled";
  llm.passes[1].ok = false;
  llm.passes[1].error = "cancelled";
  const auto n = build_narrative(llm, "");
  EXPECT_TRUE(n.has_text);
  ASSERT_TRUE(n.findings);
  EXPECT_EQ(n.findings->text, "1. Throughput is");
  EXPECT_EQ(n.findings->cut_off, "the analysis pass failed before it finished: the stream stalled");
  ASSERT_TRUE(n.summary);
  EXPECT_EQ(n.summary->text, "b");
  EXPECT_EQ(n.summary->cut_off, "the report pass failed before it finished: cancelled");
  EXPECT_TRUE(n.report_problem.empty());
}

TEST(BuildNarrative, AFailedPassWithoutTextContributesNothing) {
  auto llm = test::make_llm_ok("", "");
  llm.passes[0].ok = false;
  llm.passes[1].ok = false;
  const auto n = build_narrative(llm, "");
  EXPECT_FALSE(n.has_text);
  EXPECT_FALSE(n.findings);
  EXPECT_FALSE(n.summary);
}

TEST(BuildNarrative, AReportPassCutOffBeforeItsFirstHeadingIsShownAsItCame) {
  auto llm = test::make_llm_ok("a", "The model reaches");
  llm.passes[1].ok = false;
  llm.passes[1].error = "the stream stalled";
  const auto n = build_narrative(llm, "");
  ASSERT_TRUE(n.summary);
  EXPECT_EQ(n.summary->text, "The model reaches");
  EXPECT_FALSE(n.summary->cut_off.empty());
  EXPECT_TRUE(n.report_problem.empty());
}

}  // namespace
}  // namespace chimera::render
