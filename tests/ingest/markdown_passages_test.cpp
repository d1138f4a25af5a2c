#include "chimera/ingest/markdown_passages.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chimera/ingest/markdown.hpp"

namespace chimera::ingest {
namespace {

std::vector<model::Passage> passages_of(std::string_view text) {
  return parse_markdown(text, {"reports/r.md", model::FileKind::markdown}).passages;
}

TEST(MarkdownPassages, KeepsLinesWithDigitsUnderTheirHeadings) {
  const auto p = passages_of(
      "# Report\n\nNo numbers here.\n\n## TTFT\n\n- Baseline: 3815.42 ms\n- no digit\n\n"
      "### Warm\n\nWarm TTFT was 90 ms. Cold was 1.4 s.\n");
  ASSERT_EQ(p.size(), 3U);
  EXPECT_EQ(p[0].kind, model::PassageKind::item);
  EXPECT_EQ(p[0].line, 7U);
  EXPECT_EQ(p[0].text, "Baseline: 3815.42 ms");
  EXPECT_EQ(p[0].heading, "Report > TTFT");
  EXPECT_EQ(p[0].source.view(), "reports/r.md");
  // Running text is kept a sentence at a time.
  EXPECT_EQ(p[1].kind, model::PassageKind::text);
  EXPECT_EQ(p[1].text, "Warm TTFT was 90 ms.");
  EXPECT_EQ(p[2].text, "Cold was 1.4 s.");
  EXPECT_EQ(p[2].heading, "Report > TTFT > Warm");
}

TEST(MarkdownPassages, ATableRowComesAfterItsHeader) {
  const auto p = passages_of(
      "| Config | Throughput (tok/s) |\n|---|---|\n| baseline | n/a |\n| g80 | 101.5 |\n");
  ASSERT_EQ(p.size(), 2U);
  EXPECT_EQ(p[0].kind, model::PassageKind::table_header);
  EXPECT_EQ(p[0].text, "Config | Throughput (tok/s)");
  EXPECT_EQ(p[1].kind, model::PassageKind::table_row);
  EXPECT_EQ(p[1].text, "g80 | 101.5");
  EXPECT_EQ(p[1].line, 4U);
}

TEST(MarkdownPassages, AreBoundedInCountAndLength) {
  std::string text;
  for (std::size_t i = 0; i < model::k_passages_per_file + 10; ++i) {
    text += "- value " + std::to_string(i) + "\n";
  }
  EXPECT_EQ(passages_of(text).size(), model::k_passages_per_file);
  const auto long_line = passages_of("- " + std::string(2000, 'a') + " 1\n");
  ASSERT_EQ(long_line.size(), 1U);
  EXPECT_LE(long_line[0].text.size(), model::k_passage_chars);
}

TEST(MarkdownPassages, CodeBlocksAreNotPassages) {
  EXPECT_TRUE(passages_of("```\nollama run gemma3 --num-gpu 80\n```\n").empty());
}

}  // namespace
}  // namespace chimera::ingest
