#pragma once

// Charts drawn as inline SVG for the HTML report: no script, nothing loaded from elsewhere, text
// and axes in currentColor and marks coloured by the page's stylesheet (light and dark), each
// chart with a <title> and <desc> its role="img" is labelled by. Every untrusted text (names,
// labels) is XML-escaped, control characters and bytes that are not UTF-8 shown as escapes.
// Each mark carries the number it draws as a data attribute (data-value, data-x, data-y),
// written as the report's tables write numbers (util::format_number).

#include <string>
#include <string_view>

#include "chimera/render/charts.hpp"

namespace chimera::render::svg {

// Text for XML character data or a double-quoted attribute: util::printable, then & < > " '
// escaped.
[[nodiscard]] std::string xml_escape(std::string_view text);

// Horizontal bars with their labels on the left, the value axis below, whiskers for intervals
// and the inner part (failed runs) drawn darker.
[[nodiscard]] std::string bar_chart(const charts::BarChart& chart);

// Points on two linear axes, the Pareto front's points larger and joined by a step line.
[[nodiscard]] std::string scatter_chart(const charts::ScatterChart& chart);

// A line through the medians per level, levels evenly spaced on the x axis.
[[nodiscard]] std::string line_chart(const charts::LineChart& chart);

}  // namespace chimera::render::svg
