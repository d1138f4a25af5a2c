#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "chimera/render/report.hpp"
#include "support/report_sample.hpp"

namespace chimera::render {
namespace {

struct Parsed {
  bool balanced = true;
  std::string error;
  std::vector<std::pair<std::string, std::string>> headings;  // tag, text
  std::size_t tables = 0;
};

// A strict little XHTML-style parser: every non-void element must close in order.
Parsed parse(const std::string& html) {
  static const std::set<std::string> k_void{"meta", "br", "hr", "img", "input", "link"};
  Parsed p;
  std::vector<std::string> stack;
  std::size_t pos = 0;
  std::string* capture = nullptr;
  while ((pos = html.find('<', pos)) != std::string::npos) {
    const std::size_t end = html.find('>', pos);
    if (end == std::string::npos) {
      return {false, "unterminated tag", {}, 0};
    }
    const std::string tag = html.substr(pos + 1, end - pos - 1);
    const std::size_t next = end + 1;
    if (tag.rfind('!', 0) == 0) {
      pos = next;
      continue;
    }
    const bool closing = tag[0] == '/';
    const std::string name =
        tag.substr(closing ? 1 : 0, tag.find_first_of(" />", 1) - (closing ? 1 : 0));
    if (closing) {
      if (stack.empty() || stack.back() != name) {
        return {false, "unexpected </" + name + ">", {}, 0};
      }
      stack.pop_back();
      if (name.size() == 2 && name[0] == 'h') {
        capture = nullptr;
      }
    } else if (k_void.count(name) == 0 && tag.back() != '/') {
      stack.push_back(name);
      if (name == "table") {
        ++p.tables;
      }
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
        p.headings.emplace_back(name, "");
        capture = &p.headings.back().second;
      }
    }
    const std::size_t text_end = html.find('<', next);
    if (capture != nullptr) {
      capture->append(html.substr(next, text_end - next));
    }
    pos = next;
  }
  if (!stack.empty()) {
    return {false, "unclosed <" + stack.back() + ">", {}, 0};
  }
  return p;
}

TEST(HtmlReport, IsAStandaloneWellFormedPageWithTheReportHeadings) {
  const auto s = test::make_report_sample();
  const auto llm =
      test::make_llm_ok("<script>alert(1)</script> fine",
                        "## Executive Summary\nGood.\n## Risks\n| a | b |\n|---|---|\n| 1 | 2 |\n");
  const Narrative n = build_narrative(llm, "1 2");
  const ReportInput in{s.config, s.corpus, s.analysis, llm, n, Timings{}, "2025-11-10T05:12:37Z"};
  const std::string html = render_html(in);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos) << "raw HTML from the LLM must not pass";
  const Parsed p = parse(html);
  ASSERT_TRUE(p.balanced) << p.error;
  std::vector<std::string> h1;
  std::vector<std::string> h2;
  for (const auto& [tag, text] : p.headings) {
    if (tag == "h1") {
      h1.push_back(text);
    } else if (tag == "h2") {
      h2.push_back(text);
    }
  }
  EXPECT_EQ(h1, std::vector<std::string>{"Benchmark Analysis Report"});
  EXPECT_EQ(h2, (std::vector<std::string>{"Executive Summary", "Data Ingestion Summary",
                                          "Experiments", "Key Findings", "Recommendations",
                                          "Risks and Mitigations", "Appendix: Files",
                                          "Workflow Summary", "Metrics", "Grounding"}));
  EXPECT_GE(p.tables, 8u) << "GFM tables must render as <table>";
}

}  // namespace
}  // namespace chimera::render

namespace chimera::render {
namespace {

TEST(HtmlReport, TheTestParserRejectsMisnestedTags) {
  EXPECT_FALSE(parse("<p><b>x</p></b>").balanced);
  EXPECT_FALSE(parse("<div>").balanced);
  EXPECT_TRUE(parse("<p>a<br />b</p>").balanced);
}

}  // namespace
}  // namespace chimera::render
