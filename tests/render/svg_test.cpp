#include "chimera/render/svg.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "src/render/svg_parts.hpp"
#include "support/xml_check.hpp"

namespace chimera::render::svg {
namespace {

const std::string k_hostile = "model=<script>alert(1)</script> & \"q\" 'a' \x1b[2J\xff";

charts::BarChart bars() {
  charts::BarChart c;
  c.id = "e1-ranking";
  c.title = "Experiment 1 (" + k_hostile + ")";
  c.value_axis = "median throughput (tok/s)";
  c.bars.push_back({k_hostile, k_hostile, 97.5, std::pair{95.0, 99.25}, 6, 0});
  c.bars.push_back({"num_gpu=80", "80", 48.75, std::nullopt, 3, 0});
  c.more = 4;
  return c;
}

TEST(XmlEscape, EscapesMarkupQuotesAndControlCharacters) {
  EXPECT_EQ(xml_escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  EXPECT_EQ(xml_escape("x\x1by\xff"), "x\\x1by\\xff");
}

TEST(NiceScale, CoversTheDomainWithRoundTicksFromZero) {
  const auto s = detail::nice_scale(12, 97.5, 100, 600, true);
  EXPECT_DOUBLE_EQ(s.lo, 0);
  EXPECT_DOUBLE_EQ(s.hi, 100);
  ASSERT_EQ(s.ticks.size(), 6u);
  EXPECT_EQ(s.tick_label(s.ticks[1]), "20");
  EXPECT_DOUBLE_EQ(s.at(50), 350);
  const auto small = detail::nice_scale(0, 0.9, 0, 1, true);
  EXPECT_EQ(small.tick_label(small.ticks[1]), "0.2");
  const auto quarter = detail::nice_scale(0, 12, 0, 1, true);
  EXPECT_EQ(quarter.tick_label(quarter.ticks[1]), "2.5");
  const auto big = detail::nice_scale(0, 2'400'000, 0, 1, true);
  EXPECT_EQ(big.tick_label(big.ticks[1]), "500k");
  const auto flat = detail::nice_scale(5, 5, 0, 1, true);
  EXPECT_LT(flat.lo, flat.hi);
}

TEST(BarChart, IsLabelledForScreenReadersAndEscapesEveryName) {
  const std::string svg = bar_chart(bars());
  EXPECT_EQ(test::attribute(svg, "role"), "img");
  EXPECT_EQ(test::attribute(svg, "aria-labelledby"),
            "chimera-e1-ranking-title chimera-e1-ranking-desc");
  EXPECT_NE(svg.find("<title id=\"chimera-e1-ranking-title\">"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"chimera-e1-ranking-desc\">2 horizontal bars"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find('\x1b'), std::string::npos);
  EXPECT_NE(svg.find("model=&lt;script&gt;"), std::string::npos);
  EXPECT_NE(svg.find("4 more configurations in --format json"), std::string::npos);
  if (!test::xml_checker_available()) {
    GTEST_SKIP() << "python3 is absent: well-formedness not checked";
  }
  EXPECT_EQ(test::xml_error(svg), "");
}

TEST(BarChart, BarLengthsAndWhiskersAreProportionalToTheValues) {
  const std::string svg = bar_chart(bars());
  const auto rects = test::tags_of_class(svg, "rect", "bar");
  ASSERT_EQ(rects.size(), 2u);  // no legend without a part
  EXPECT_EQ(test::attribute(rects[0], "data-value"), "97.50");
  EXPECT_EQ(test::attribute(rects[0], "data-low"), "95");
  EXPECT_EQ(test::attribute(rects[0], "data-high"), "99.25");
  EXPECT_EQ(test::attribute(rects[1], "data-value"), "48.75");
  EXPECT_EQ(test::attribute(rects[1], "data-low"), "");
  const double first = std::atof(test::attribute(rects[0], "width").c_str());
  const double second = std::atof(test::attribute(rects[1], "width").c_str());
  EXPECT_NEAR(first / second, 2.0, 0.01);
}

TEST(ScatterChart, FrontPointsFilledJoinedAndCarryingTheirNumbers) {
  charts::ScatterChart c;
  c.id = "e1-pareto";
  c.title = "t";
  c.x_axis = "median TTFT (ms)";
  c.y_axis = "median throughput (tok/s)";
  c.points = {{"a", 100, 90, true}, {"b", 50, 60, true}, {"c<", 120, 40, false}};
  const std::string svg = scatter_chart(c);
  const auto front = test::tags_of_class(svg, "circle", "front");
  ASSERT_EQ(front.size(), 3u);  // legend + two points
  EXPECT_EQ(test::attribute(front[1], "data-x"), "100");
  EXPECT_EQ(test::attribute(front[1], "data-y"), "90");
  EXPECT_EQ(test::tags_of_class(svg, "circle", "point").size(), 2u);  // legend + one point
  EXPECT_EQ(test::tags_of_class(svg, "path", "front-line").size(), 1u);
  EXPECT_NE(svg.find("c&lt;: 120 median TTFT (ms)"), std::string::npos);
  if (test::xml_checker_available()) {
    EXPECT_EQ(test::xml_error(svg), "");
  }
}

TEST(LineChart, OnePointPerLevelLeftToRightAndSlantedLabelsWhenCrowded) {
  charts::LineChart c;
  c.id = "e1-effect-1";
  c.title = "t";
  c.x_axis = "num_gpu";
  c.y_axis = "median throughput (tok/s)";
  c.note = "Kruskal-Wallis H p < 0.0001";
  c.points = {{"60", 65.31, 12}, {"80", 77.16, 12}, {"120", 97.51, 11}};
  std::string svg = line_chart(c);
  const auto levels = test::tags_of_class(svg, "circle", "level");
  ASSERT_EQ(levels.size(), 3u);
  EXPECT_EQ(test::attribute(levels[2], "data-level"), "120");
  EXPECT_EQ(test::attribute(levels[2], "data-value"), "97.51");
  EXPECT_LT(std::atof(test::attribute(levels[0], "cx").c_str()),
            std::atof(test::attribute(levels[1], "cx").c_str()));
  // Higher values are drawn higher up.
  EXPECT_GT(std::atof(test::attribute(levels[0], "cy").c_str()),
            std::atof(test::attribute(levels[2], "cy").c_str()));
  EXPECT_EQ(svg.find("rotate(-35"), std::string::npos);
  for (int i = 0; i < 17; ++i) {
    c.points.push_back({"a-rather-long-level-name-" + std::to_string(i), 1, 1});
  }
  c.points.front().label = "a-first-level-with-a-long-name";
  svg = line_chart(c);
  EXPECT_NE(svg.find("rotate(-35"), std::string::npos);
  // The first slanted label, cut in the middle, stays inside the chart.
  const auto first = test::tags_of_class(svg, "circle", "level").front();
  const std::string shown = detail::clipped_middle("a-first-level-with-a-long-name", 24);
  EXPECT_EQ(shown, "a-first-lev…-a-long-name");  // 24 characters, both ends kept
  EXPECT_NE(svg.find(">" + shown + "</text>"), std::string::npos);
  EXPECT_GE(std::atof(test::attribute(first, "cx").c_str()) + 4 - 0.82 * detail::text_width(shown),
            0.0);
  if (test::xml_checker_available()) {
    EXPECT_EQ(test::xml_error(svg), "");
  }
}

}  // namespace
}  // namespace chimera::render::svg
