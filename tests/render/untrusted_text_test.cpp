// Text from files and from the server in the report: names with terminal escapes and line
// breaks, backticks that would end a code span, raw HTML from names, cells and the LLM, remote
// images. None of it may reach the Markdown or the HTML as markup.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chimera/render/report.hpp"
#include "support/report_sample.hpp"

namespace chimera::render {
namespace {

const std::string k_hostile_path =
    "runs/\x1b]0;owned\x07x`<img src=x onerror=alert(1)>\r\n| b |.json";

struct Hostile {
  test::ReportSample sample = test::make_report_sample();
  model::LlmOutcome llm;
  Narrative narrative;
};

Hostile hostile_sample() {
  Hostile h;
  auto& s = h.sample;
  model::FileEntry file{k_hostile_path,
                        model::FileKind::json,
                        10,
                        1763000000,
                        "cd",
                        true,
                        "invalid JSON: <script>alert(2)</script>",
                        0,
                        ""};
  s.corpus.files.push_back(file);
  s.corpus.diagnostics.push_back(
      {k_hostile_path, 3, model::Severity::error, "last read: '<script>alert(3)</script>\x1b[2J'"});
  s.analysis.inventory.skipped.emplace_back(k_hostile_path, "bad `file`\nchimera: error: fake");
  s.analysis.findings.front().message = "model <img src=x onerror=alert(4)> is slow | really";
  s.analysis.findings.front().evidence = {model::evidence_at(k_hostile_path, ":3")};
  s.analysis.key_findings = {"config ![p](http://tracker/pixel.png) <b>wins</b>"};
  s.analysis.recommendations = {"# Use\n- this"};
  h.llm = test::make_llm_ok(
      "1. Throughput is **69.1 tok/s** <script>alert(5)</script>\n"
      "2. ![chart](http://tracker.example/track.png) shows it\n",
      "## Executive Summary\nFine <img src=x onerror=alert(6)>.\n## Risks\nNone.\n");
  h.llm.server.model_details = "gemma3 <b>4B</b>\x1b[31m";
  h.narrative = build_narrative(h.llm, "69.1");
  return h;
}

std::string markdown_of(const Hostile& h) {
  const ReportInput in{h.sample.config, h.sample.corpus, h.sample.analysis,     h.llm,
                       h.narrative,     Timings{},       "2025-11-10T05:12:37Z"};
  return render_markdown(in);
}

std::string html_of(const Hostile& h) {
  const ReportInput in{h.sample.config, h.sample.corpus, h.sample.analysis,     h.llm,
                       h.narrative,     Timings{},       "2025-11-10T05:12:37Z"};
  return render_html(in);
}

TEST(UntrustedText, NoControlCharacterReachesTheMarkdown) {
  const std::string md = markdown_of(hostile_sample());
  for (const char c : md) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte == '\n' || byte >= 0x20) << "control byte " << int(byte);
    if (byte != '\n' && byte < 0x20) {
      break;
    }
  }
  EXPECT_NE(md.find("runs/\\x1b]0;owned\\x07x"), std::string::npos);
  EXPECT_NE(md.find("&lt;script>alert(3)&lt;/script>\\\\x1b\\[2J"), std::string::npos);
}

TEST(UntrustedText, NoRawHtmlOrImageReachesTheMarkdown) {
  const std::string md = markdown_of(hostile_sample());
  // Inside a code span (the path) '<' is shown as it is, and is no markup: look elsewhere.
  for (const char* raw : {"<script", "<img src=x onerror=alert(4)>", "<img src=x onerror=alert(6)>",
                          "<b>", "![p](", "![chart]("}) {
    EXPECT_EQ(md.find(raw), std::string::npos) << raw;
  }
  EXPECT_NE(md.find("config !\\[p\\](http://tracker/pixel.png) &lt;b>wins&lt;/b>"),
            std::string::npos);
  EXPECT_NE(md.find("&lt;script>alert(2)&lt;/script>"), std::string::npos);
  EXPECT_NE(md.find("Throughput is **69.1 tok/s** &lt;script>alert("), std::string::npos) << md;
  EXPECT_NE(md.find("2. chart shows it"), std::string::npos);
}

TEST(UntrustedText, ALineBreakOrPipeInANameCannotSplitATableRowOrAList) {
  const std::string md = markdown_of(hostile_sample());
  // Every line of the Files table is one row of four cells (five pipes), escapes aside, and the
  // hostile path stays in its row.
  const std::size_t start = md.find("| Use | Files |");
  const std::size_t end = md.find("\n\n", start);
  ASSERT_NE(start, std::string::npos);
  std::size_t rows = 0;
  bool hostile_row = false;
  for (std::size_t pos = start; pos < end;) {
    const std::size_t nl = md.find('\n', pos);
    const std::string line = md.substr(pos, nl - pos);
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\') ? 1U : 0U;
    }
    EXPECT_EQ(pipes, 5u) << line;
    hostile_row = hostile_row || line.find("owned") != std::string::npos;
    ++rows;
    pos = nl + 1;
  }
  EXPECT_GE(rows, 3u);  // header, delimiter, at least one use
  EXPECT_TRUE(hostile_row);
  EXPECT_EQ(md.find("\nchimera: error: fake"), std::string::npos);
  EXPECT_EQ(md.find("\n# Use"), std::string::npos);
}

TEST(UntrustedText, ABacktickInANameCannotEndItsCodeSpan) {
  const std::string md = markdown_of(hostile_sample());
  EXPECT_NE(md.find("``runs/\\x1b]0;owned\\x07x`<img src=x onerror=alert(1)>\\r\\n"),
            std::string::npos)
      << md;
}

TEST(UntrustedText, NoScriptImageOrEventHandlerReachesTheHtml) {
  const std::string html = html_of(hostile_sample());
  for (const char* raw : {"<script", "<img", "<b>", "onerror=alert", "\x1b"}) {
    const std::size_t at = html.find(raw);
    // "onerror=alert" may appear as text; never inside a tag.
    if (std::string(raw) == "onerror=alert" && at != std::string::npos) {
      EXPECT_GT(html.rfind("&lt;", at), html.rfind('<', at)) << html.substr(at - 40, 80);
      continue;
    }
    EXPECT_EQ(at, std::string::npos) << raw;
  }
}

// ![x](http://host/track.png) from the LLM became a remote <img> in the HTML report.
TEST(UntrustedText, HtmlHasNoRemoteImageEvenFromMarkdownThatHoldsOne) {
  const auto h = hostile_sample();
  const std::string html = html_of(h);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("tracker.example"), std::string::npos);
  EXPECT_NE(html.find("chart shows it"), std::string::npos);
}

}  // namespace
}  // namespace chimera::render
