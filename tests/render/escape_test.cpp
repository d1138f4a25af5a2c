#include "chimera/render/escape.hpp"

#include <gtest/gtest.h>

namespace chimera::render {
namespace {

TEST(EscapeCell, EscapesMarkupHtmlAndTheCellSeparator) {
  EXPECT_EQ(escape_cell("a|b"), "a\\|b");
  EXPECT_EQ(escape_cell("<script>alert(1)</script>"), "&lt;script>alert(1)&lt;/script>");
  EXPECT_EQ(escape_cell("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)>");
  EXPECT_EQ(escape_cell("![t](http://h/t.png)"), "!\\[t\\](http://h/t.png)");
  EXPECT_EQ(escape_cell("*bold* `code` ~~s~~ \\"), "\\*bold\\* \\`code\\` \\~\\~s\\~\\~ \\\\");
  EXPECT_EQ(escape_cell("&lt; & &#60;"), "&amp;lt; & &amp;#60;");
}

TEST(EscapeCell, KeepsOrdinaryNamesReadable) {
  EXPECT_EQ(escape_cell("run_001 num_gpu=80 ttft (ms) -5"), "run_001 num_gpu=80 ttft (ms) -5");
  EXPECT_EQ(escape_cell("_private_"), "\\_private\\_");
}

TEST(EscapeCell, ShowsLineBreaksAndControlCharactersInsteadOfSplittingTheRow) {
  EXPECT_EQ(escape_cell("a\r\nb"), "a\\\\r\\\\nb");  // the escape's backslash is escaped too
  EXPECT_EQ(escape_cell("\x1b[31mred"), "\\\\x1b\\[31mred");
}

TEST(EscapeInline, LeavesPipesAndStopsABlockFromStarting) {
  EXPECT_EQ(escape_inline("a|b"), "a|b");
  EXPECT_EQ(escape_inline("# not a heading"), "\\# not a heading");
  EXPECT_EQ(escape_inline("- not a list"), "\\- not a list");
  EXPECT_EQ(escape_inline("12. not a list"), "12\\. not a list");
  EXPECT_EQ(escape_inline("> quote"), "\\> quote");
  EXPECT_EQ(escape_inline("z > 3.5"), "z > 3.5");
  EXPECT_EQ(escape_inline("x - y"), "x - y");
}

TEST(EscapeInline, LeavesALessThanThatCannotOpenATagAsWritten) {
  EXPECT_EQ(escape_inline("p < 0.0001"), "p < 0.0001");
  EXPECT_EQ(escape_inline("n <= 5"), "n <= 5");
  EXPECT_EQ(escape_inline("a<b"), "a&lt;b");
  EXPECT_EQ(escape_inline("</x>"), "&lt;/x>");
  EXPECT_EQ(escape_inline("<!-- x -->"), "&lt;!-- x -->");
  EXPECT_EQ(escape_inline("<?php"), "&lt;?php");
  EXPECT_EQ(escape_inline("end <"), "end &lt;");
}

TEST(EscapeProse, NamesInBackticksBecomeCodeSpansAndTheRestIsEscaped) {
  EXPECT_EQ(escape_prose("1 run of `runs/run_*.json` failed"), "1 run of `runs/run_*.json` failed");
  EXPECT_EQ(escape_prose("`a` and *b* <img>"), "`a` and \\*b\\* &lt;img>");
  EXPECT_EQ(escape_prose("- starts a list"), "\\- starts a list");
  EXPECT_EQ(escape_prose("in `x` - y"), "in `x` - y");
  EXPECT_EQ(escape_prose("a lone ` tick"), "a lone \\` tick");
  EXPECT_EQ(escape_prose("`<b>|x`"), "`<b>|x`");
}

TEST(CodeSpan, UsesAFenceLongerThanAnyBacktickRunInside) {
  EXPECT_EQ(code_span("runs/a.csv"), "`runs/a.csv`");
  EXPECT_EQ(code_span("a`b"), "``a`b``");
  EXPECT_EQ(code_span("``x"), "``` ``x ```");
  EXPECT_EQ(code_span("a|<b>"), "`a|<b>`");
  EXPECT_EQ(code_span("a\nb\x1b"), "`a\\nb\\x1b`");
}

TEST(CodeSpan, InACellEscapesThePipe) {
  EXPECT_EQ(code_span_in_cell("a|b"), "`a\\|b`");
}

TEST(SanitizeMarkdown, KeepsTheLlmsMarkdown) {
  const std::string text =
      "## Summary\n\n1. **77.1 tok/s** at `num_gpu=80`\n- item _x_\n\n| a | b |\n|---|---|\n"
      "| 1 | 2 |\n\n> quoted [link](https://example.com)\n";
  EXPECT_EQ(sanitize_markdown(text), text);
}

TEST(SanitizeMarkdown, TurnsRawHtmlAndAutolinksIntoText) {
  EXPECT_EQ(sanitize_markdown("hi <script>alert(1)</script>\n<img src=x onerror=alert(1)>"),
            "hi &lt;script>alert(1)&lt;/script>\n&lt;img src=x onerror=alert(1)>");
  EXPECT_EQ(sanitize_markdown("<http://evil>"), "&lt;http://evil>");
}

TEST(SanitizeMarkdown, ReplacesImagesByTheirAltText) {
  EXPECT_EQ(sanitize_markdown("see ![a chart](http://host/track.png) here"), "see a chart here");
  EXPECT_EQ(sanitize_markdown("![x](http://h/a_(b).png \"t\")!"), "x!");
  EXPECT_EQ(sanitize_markdown("![ref][r] and ![short]"), "ref and short");
  EXPECT_EQ(sanitize_markdown("[![badge](http://h/b.svg)](http://h)"), "[badge](http://h)");
  EXPECT_EQ(sanitize_markdown("![unclosed"), "\\![unclosed");
}

TEST(SanitizeMarkdown, LeavesCodeAsWrittenButNotControlCharacters) {
  EXPECT_EQ(sanitize_markdown("`<b>` and ``a`<i>`b``"), "`<b>` and ``a`<i>`b``");
  EXPECT_EQ(sanitize_markdown("```html\n<script>x</script>\n```\n<b>"),
            "```html\n<script>x</script>\n```\n&lt;b>");
  EXPECT_EQ(sanitize_markdown("a\x1b[2Jb\r\n"), "a\\x1b[2Jb\\r\n");
}

}  // namespace
}  // namespace chimera::render
