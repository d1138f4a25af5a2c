#include "chimera/render/mermaid.hpp"

#include <gtest/gtest.h>

#include <string>

namespace chimera::render::mermaid {
namespace {

TEST(MermaidQuoted, QuotesAndBackticksCannotEndTheStringOrStartMarkdown) {
  EXPECT_EQ(quoted("model=\"big\"", 40), "\"model='big'\"");
  EXPECT_EQ(quoted("`code`", 40), "\"'code'\"");
  EXPECT_EQ(quoted("a, b]; c", 40), "\"a, b]; c\"");
}

TEST(MermaidQuoted, NoDirectiveCommentOrLineBreakGetsThrough) {
  EXPECT_EQ(quoted("%%{init: {'theme':'dark'}}%%", 80), "\"% %{init: {'theme':'dark'}}% %\"");
  EXPECT_EQ(quoted("a\nb\x1b", 40), "\"a\\nb\\x1b\"");
}

TEST(MermaidQuoted, LongLabelsAreCutAtACharacter) {
  EXPECT_EQ(quoted("abcdéfgh", 5), "\"abcd…\"");
}

TEST(MermaidNumber, PlainDecimalsOnly) {
  EXPECT_EQ(number(97.51), "97.51");
  EXPECT_EQ(number(1234567.0), "1234567");
  EXPECT_EQ(number(0.0000123456), "0.0000123456");
  EXPECT_EQ(number(-2.5), "-2.50");  // as the tables write it
  EXPECT_EQ(number(0), "0");
}

TEST(MermaidBlock, HorizontalBarsOfTheValuesFromZero) {
  charts::BarChart c;
  c.title = "Experiment 1 (runs/\"x\".csv): median throughput (tok/s)";
  c.value_axis = "median throughput (tok/s)";
  c.category_axis = "num_gpu";
  c.bars.push_back({"num_gpu=120", "120", 97.51, std::nullopt, 6, 0});
  c.bars.push_back({"say \"hi\"", "say \"hi\"", 65.3, std::nullopt, 6, 0});
  c.more = 3;
  EXPECT_EQ(bar_block(c),
            "```mermaid\n"
            "xychart-beta horizontal\n"
            "    title \"Experiment 1 (runs/'x'.csv): median throughput (tok/s) (first 2 of 5)\"\n"
            "    x-axis \"num_gpu\" [\"120\", \"say 'hi'\"]\n"
            "    y-axis \"median throughput (tok/s)\" 0 --> 100\n"
            "    bar [97.51, 65.30]\n"
            "```\n\n");
}

TEST(MermaidBlock, LineThroughTheLevels) {
  charts::LineChart c;
  c.title = "effect";
  c.x_axis = "num_gpu";
  c.y_axis = "median throughput (tok/s)";
  c.points = {{"60", 65.31, 12}, {"120", 97.51, 11}};
  EXPECT_EQ(line_block(c),
            "```mermaid\n"
            "xychart-beta\n"
            "    title \"effect\"\n"
            "    x-axis \"num_gpu\" [\"60\", \"120\"]\n"
            "    y-axis \"median throughput (tok/s)\" 0 --> 100\n"
            "    line [65.31, 97.51]\n"
            "```\n\n");
}

}  // namespace
}  // namespace chimera::render::mermaid
