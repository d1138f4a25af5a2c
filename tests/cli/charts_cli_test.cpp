// The charts of the real binary's reports: SVG in the HTML report (well-formed, self-contained,
// drawing the numbers of the table beside each chart) and Mermaid blocks in the Markdown report.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/report_text.hpp"
#include "support/xml_check.hpp"

namespace chimera::test {
namespace {

const std::string k_source = CHIMERA_SOURCE_DIR;
const std::string k_examples = k_source + "/examples/reports";
const std::string k_golden = k_source + "/tests/golden/examples_llm_off.html";

using Rows = std::vector<std::vector<std::string>>;

std::string examples_html() {
  const auto r = run_chimera({"analyze", k_examples, "--llm", "off", "--format", "html"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

// The svg element with the given id ("chimera-e1-ranking"), "" when absent.
std::string chart(const std::string& html, const std::string& id) {
  for (const auto& svg : svg_elements(html)) {
    if (attribute(svg, "id") == id) {
      return svg;
    }
  }
  return "";
}

// The cells of every row (header included) of the last <table> before the chart `id`: the
// table the chart sits beside.
Rows table_before(const std::string& html, const std::string& id) {
  const std::size_t at =
      html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"" + id + "\"");
  const std::size_t start = html.rfind("<table>", at);
  const std::size_t end = html.find("</table>", start);
  EXPECT_NE(at, std::string::npos) << id;
  EXPECT_LT(end, at) << "no table right before " << id;
  const std::string table = html.substr(start, end - start);
  Rows rows;
  static const std::regex k_row(R"(<tr>([\s\S]*?)</tr>)");
  static const std::regex k_cell(R"(<t[hd][^>]*>([\s\S]*?)</t[hd]>)");
  for (auto r = std::sregex_iterator(table.begin(), table.end(), k_row);
       r != std::sregex_iterator(); ++r) {
    const std::string row = (*r)[1];
    rows.emplace_back();
    for (auto c = std::sregex_iterator(row.begin(), row.end(), k_cell); c != std::sregex_iterator();
         ++c) {
      rows.back().push_back((*c)[1]);
    }
  }
  return rows;
}

std::size_t column(const Rows& rows, const std::string& header) {
  for (std::size_t i = 0; i < rows.front().size(); ++i) {
    if (rows.front()[i] == header) {
      return i;
    }
  }
  ADD_FAILURE() << "no column " << header;
  return 0;
}

TEST(ChartsCli, HtmlReportOfTheExamplesHasWellFormedLabelledSvgCharts) {
  const std::string html = examples_html();
  const auto svgs = svg_elements(html);
  std::vector<std::string> ids;
  for (const auto& svg : svgs) {
    ids.push_back(attribute(svg, "id"));
    EXPECT_EQ(attribute(svg, "role"), "img");
    EXPECT_NE(svg.find("<title id=\"" + ids.back() + "-title\">"), std::string::npos);
    EXPECT_NE(svg.find("<desc id=\"" + ids.back() + "-desc\">"), std::string::npos);
  }
  // Experiment 1: num_gpu matters for throughput (effect 2), num_ctx for TTFT (effect 4).
  EXPECT_EQ(ids, (std::vector<std::string>{"chimera-overview", "chimera-e1-ranking",
                                           "chimera-e1-effect-2", "chimera-e1-effect-4",
                                           "chimera-e1-pareto", "chimera-e2-ranking",
                                           "chimera-e2-effect-1", "chimera-e2-pareto"}));
  // Axis titles say their units.
  EXPECT_NE(chart(html, "chimera-e1-ranking").find(">median throughput (tok/s)</text>"),
            std::string::npos);
  EXPECT_NE(chart(html, "chimera-e1-pareto").find(">median TTFT (ms)</text>"), std::string::npos);
  if (!xml_checker_available()) {
    GTEST_SKIP() << "python3 is absent: well-formedness not checked";
  }
  for (const auto& svg : svgs) {
    EXPECT_EQ(xml_error(svg), "") << attribute(svg, "id");
  }
}

TEST(ChartsCli, RankingBarsDrawTheMediansAndIntervalsOfTheRankingTable) {
  const std::string html = examples_html();
  for (const std::string id : {"chimera-e1-ranking", "chimera-e2-ranking"}) {
    const Rows rows = table_before(html, id);
    const auto bars = tags_of_class(chart(html, id), "rect", "bar");
    const std::size_t median = column(rows, "Median (tok/s)");
    const std::size_t ci = column(rows, "95% CI");
    const std::size_t n = column(rows, "n");
    ASSERT_GE(bars.size(), rows.size() - 1) << id;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const auto& bar = bars[i - 1];
      EXPECT_EQ(attribute(bar, "data-value"), rows[i][median]) << id << " rank " << i;
      EXPECT_EQ(attribute(bar, "data-n"), rows[i][n]) << id << " rank " << i;
      const std::string interval =
          rows[i][ci] == "-" ? "-"
                             : attribute(bar, "data-low") + " – " + attribute(bar, "data-high");
      EXPECT_EQ(interval, rows[i][ci]) << id << " rank " << i;
    }
  }
  // Experiment 1 has 18 configurations: the table shows 10, the chart all 18 (up to 20).
  EXPECT_EQ(tags_of_class(chart(html, "chimera-e1-ranking"), "rect", "bar").size(), 18u);
}

TEST(ChartsCli, BarLengthsFollowTheirValues) {
  const std::string svg = chart(examples_html(), "chimera-e1-ranking");
  const auto bars = tags_of_class(svg, "rect", "bar");
  ASSERT_GE(bars.size(), 2u);
  const double ratio =
      std::stod(attribute(bars.front(), "width")) / std::stod(attribute(bars.back(), "width"));
  const double values = std::stod(attribute(bars.front(), "data-value")) /
                        std::stod(attribute(bars.back(), "data-value"));
  EXPECT_NEAR(ratio, values, 0.01);
}

TEST(ChartsCli, EffectLineDrawsTheMediansPerLevelOfTheEffectsTable) {
  const std::string html = examples_html();
  const Rows rows = table_before(html, "chimera-e1-effect-2");
  const auto levels = tags_of_class(chart(html, "chimera-e1-effect-2"), "circle", "level");
  ASSERT_GE(rows.size(), 3u);  // header, num_ctx (p >= 0.05: no chart), num_gpu, ...
  EXPECT_EQ(rows[2][0], "num_gpu");
  EXPECT_EQ(rows[2][1], "throughput (tok/s)");
  std::string drawn;
  for (const auto& l : levels) {
    drawn += (drawn.empty() ? "" : ", ") + attribute(l, "data-level") + ": " +
             attribute(l, "data-value") + " (" + attribute(l, "data-n") + ")";
  }
  EXPECT_EQ(drawn, rows[2][column(rows, "Median per level (n)")]);
}

TEST(ChartsCli, ParetoScatterHighlightsTheConfigurationsOfTheParetoTable) {
  const std::string html = examples_html();
  const Rows rows = table_before(html, "chimera-e1-pareto");
  auto front = tags_of_class(chart(html, "chimera-e1-pareto"), "circle", "front");
  front.erase(front.begin());  // the legend's marker
  ASSERT_EQ(front.size(), rows.size() - 1);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(attribute(front[i - 1], "data-y"), rows[i][1]);
    EXPECT_EQ(attribute(front[i - 1], "data-x"), rows[i][2]);
  }
  // Every other configuration with both medians is a plain point: 18 in all.
  EXPECT_EQ(
      tags_of_class(chart(html, "chimera-e1-pareto"), "circle", "point").size() - 1 + front.size(),
      18u);
}

TEST(ChartsCli, OverviewBarsAreTheRunsAndFailedRunsOfTheOverviewTable) {
  const std::string html = examples_html();
  const Rows rows = table_before(html, "chimera-overview");
  const std::string svg = chart(html, "chimera-overview");
  auto bars = tags_of_class(svg, "rect", "bar");
  bars.erase(bars.begin());  // the legend's
  const auto parts = tags_of_class(svg, "rect", "part");
  const std::size_t runs = column(rows, "Runs (failed)");
  ASSERT_EQ(bars.size(), rows.size() - 1);
  std::size_t part = 1;  // after the legend's
  for (std::size_t i = 1; i < rows.size(); ++i) {
    std::string failed = "0";
    if (rows[i][runs].find("(0)") == std::string::npos) {
      ASSERT_LT(part, parts.size());
      failed = attribute(parts[part++], "data-value");
    }
    EXPECT_EQ(attribute(bars[i - 1], "data-value") + " (" + failed + ")", rows[i][runs]);
  }
}

TEST(ChartsCli, HtmlReportLoadsNothingAndRunsNoScript) {
  const std::string html = examples_html();
  EXPECT_FALSE(std::regex_search(
      html, std::regex(R"((src|href)\s*=\s*["']?\s*(https?:)?//)", std::regex::icase)));
  for (const std::string banned : {"<script", "<link", "<img", "<iframe", "<object", "@import",
                                   "url(", " on", "javascript:"}) {
    if (banned == " on") {
      EXPECT_FALSE(std::regex_search(html, std::regex(R"(<[^>]*\son\w+\s*=)")));
      continue;
    }
    EXPECT_EQ(html.find(banned), std::string::npos) << banned;
  }
  EXPECT_NE(html.find("prefers-color-scheme:dark"), std::string::npos);
}

// Regenerate with: CHIMERA_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden
TEST(ChartsCli, GoldenHtmlReportOfTheExamplesWithLlmOff) {
  const std::string actual = normalise_report(examples_html());
  if (update_golden(k_golden, actual)) {
    GTEST_SKIP() << "golden file rewritten: " << k_golden;
  }
  ASSERT_TRUE(std::filesystem::exists(k_golden)) << "run with CHIMERA_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(actual, read_text(k_golden)) << "if the change is intended, regenerate with "
                                            "CHIMERA_UPDATE_GOLDEN=1";
}

TEST(ChartsCli, MarkdownHasNoChartsUnlessAskedForMermaid) {
  const auto plain = run_chimera({"analyze", k_examples, "--llm", "off"});
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.find("```mermaid"), std::string::npos);
  const auto r = run_chimera({"analyze", k_examples, "--llm", "off", "--charts", "mermaid"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Bars of experiment 1's top configurations right after its ranking table, in its order.
  const std::size_t table = r.out.find("| Rank | num_ctx | num_gpu | temperature |");
  const std::size_t block = r.out.find("```mermaid\nxychart-beta horizontal\n", table);
  ASSERT_NE(block, std::string::npos);
  EXPECT_LT(block, r.out.find("Factor effects", table)) << "the block is beside the table";
  for (std::size_t start = 0, end = 0; end != std::string::npos; start = end + 1) {
    end = r.out.find('\n', start);
    EXPECT_LE(r.out.substr(start, end - start).size(), 300u);
  }
  const std::string first_row = r.out.substr(r.out.find("\n| 1 |", table) + 1, 80);
  // The match refers into `tail`, which must outlive it.
  const std::string tail = r.out.substr(block);
  std::smatch bar;
  std::regex_search(tail, bar, std::regex(R"(\n    bar \[([0-9.]+), )"));
  ASSERT_FALSE(bar.empty());
  EXPECT_NE(first_row.find("| " + bar[1].str() + " |"), std::string::npos) << first_row;
  // A line chart of the effect that matters, none for the one that does not.
  EXPECT_NE(r.out.find("```mermaid\nxychart-beta\n    title \"Experiment 1: "
                       "effect of num_gpu on median throughput (tok/s)\"\n    x-axis \"num_gpu\" "
                       "[\"60\", \"80\", \"120\"]\n"),
            std::string::npos);
  EXPECT_EQ(r.out.find("effect of num_ctx on median throughput"), std::string::npos);
  EXPECT_NE(r.out.find("effect of num_ctx on median ttft (ms)"), std::string::npos);
}

TEST(ChartsCli, MermaidIsForMarkdownOnly) {
  const auto r = run_chimera(
      {"analyze", k_examples, "--llm", "off", "--format", "json", "--charts", "mermaid"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--charts"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  const auto bad = run_chimera({"analyze", k_examples, "--charts", "vega"});
  EXPECT_EQ(bad.exit_code, 2);
}

// Configuration labels come from the files: quotes, markup, backticks and Mermaid's own syntax.
TEST(ChartsCli, NamesFromTheFilesAreEscapedInSvgAndQuotedInMermaid) {
  TempDir dir;
  const std::vector<std::string> models = {"say \"\"hi\"\" <b>&amp;", "`t`%%{x}%%", "plain]"};
  std::string csv = "run_id,model,tokens_per_second,ttft_ms\n";
  int run = 0;
  for (std::size_t m = 0; m < models.size(); ++m) {
    for (int i = 0; i < 6; ++i) {
      csv += std::to_string(++run) + ",\"" + models[m] + "\"," +
             std::to_string(50 + 10 * static_cast<int>(m) + i) + "," +
             std::to_string(300 - 20 * static_cast<int>(m) + i) + "\n";
    }
  }
  dir.write("bench/results.csv", csv);
  const auto html = run_chimera({"analyze", dir.path(), "--llm", "off", "--format", "html"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  const auto svgs = svg_elements(html.out);
  ASSERT_FALSE(svgs.empty());
  for (const auto& svg : svgs) {
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
    EXPECT_EQ(svg.find("\"hi\""), std::string::npos);
  }
  EXPECT_NE(chart(html.out, "chimera-e1-ranking").find("say &quot;hi&quot; &lt;b&gt;&amp;amp;"),
            std::string::npos);
  if (xml_checker_available()) {
    for (const auto& svg : svgs) {
      EXPECT_EQ(xml_error(svg), "") << attribute(svg, "id");
    }
  }
  const auto md = run_chimera({"analyze", dir.path(), "--llm", "off", "--charts", "mermaid"});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  std::smatch axis;
  ASSERT_TRUE(std::regex_search(md.out, axis, std::regex(R"(\n    x-axis "model" (\[.*\])\n)")));
  // Every label is one quoted string without quotes or backticks inside, and no "%%" survives.
  EXPECT_TRUE(std::regex_match(axis[1].str(), std::regex(R"(\[("[^"`]*"(, )?)+\])"))) << axis[1];
  EXPECT_NE(axis[1].str().find("\"say 'hi' <b>&amp;\""), std::string::npos) << axis[1];
  EXPECT_NE(axis[1].str().find("\"'t'% %{x}% %\""), std::string::npos) << axis[1];
  EXPECT_NE(axis[1].str().find("\"plain]\""), std::string::npos) << axis[1];
}

}  // namespace
}  // namespace chimera::test
