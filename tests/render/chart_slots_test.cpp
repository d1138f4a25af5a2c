#include "src/render/chart_slots.hpp"
#include "src/render/markdown_sections.hpp"

#include <gtest/gtest.h>

#include <string>

#include "chimera/render/report.hpp"
#include "support/report_sample.hpp"

namespace chimera::render::detail {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) {
    ++n;
  }
  return n;
}

TEST(ChartSlots, ASlotBecomesItsChartAndAnUnknownOneIsDropped) {
  model::Analysis a;
  a.experiments.emplace_back();
  a.experiments.back().name = "runs/*.csv";
  a.experiments.back().runs = 4;
  const std::string html = std::string("<p>before</p>\n<p>\x02") + "chart:overview\x03</p>\n" +
                           "<p>\x02" + "chart:e7-ranking\x03</p>\n<p>\x02" +
                           "chart:e1-effect-x\x03</p>\n<p>after</p>\n";
  const std::string out = fill_chart_slots(html, a);
  EXPECT_EQ(count(out, "<figure class=\"chart\">\n<svg "), 1u);
  EXPECT_NE(out.find("id=\"chimera-overview\""), std::string::npos);
  EXPECT_EQ(out.find('\x02'), std::string::npos);
  EXPECT_EQ(out.rfind("<p>before</p>\n<figure", 0), 0u);
  EXPECT_NE(out.find("</figure>\n<p>after</p>\n"), std::string::npos);
}

TEST(ChartSlots, TextFromTheLlmCannotForgeASlot) {
  const auto s = test::make_report_sample();
  const auto llm = test::make_llm_ok("\x02" "chart:overview\x03",
                                     "## Executive Summary\n\x02" "chart:overview\x03\n");
  const Narrative n = build_narrative(llm, "");
  const ReportInput in{s.config, s.corpus, s.analysis, llm, n, Timings{}, "2025-11-10T05:12:37Z"};
  const std::string html = render_html(in);
  // The report's own overview chart, once; the LLM's control characters shown as escapes.
  EXPECT_EQ(count(html, "id=\"chimera-overview\""), s.analysis.experiments.empty() ? 0u : 1u);
  EXPECT_NE(html.find("\\x02chart:overview\\x03"), std::string::npos);
}

TEST(ChartSlots, MarkdownCarriesSlotsOnlyOnTheWayToHtml) {
  const auto s = test::make_report_sample();
  const model::LlmOutcome& llm = s.llm;
  const Narrative n = build_narrative(llm, "");
  const ReportInput in{s.config, s.corpus, s.analysis, llm, n, Timings{}, "2025-11-10T05:12:37Z"};
  EXPECT_EQ(render_markdown(in).find('\x02'), std::string::npos);
  EXPECT_EQ(markdown_report(in, ChartMarks::none), render_markdown(in));
  if (!s.analysis.experiments.empty()) {
    EXPECT_NE(markdown_report(in, ChartMarks::slots).find("\x02" "chart:overview\x03"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace chimera::render::detail
