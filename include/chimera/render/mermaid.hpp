#pragma once

// Charts as Mermaid `xychart-beta` blocks for the Markdown report (GitHub, GitLab and most doc
// sites draw them). Mermaid's quoted strings have no escapes, so a label's double quotes and
// backticks become single quotes, "%%" (a comment or directive to Mermaid) is split, control
// characters are shown as escapes, and long labels are cut with "…"; numbers are plain decimals,
// which is all Mermaid reads.

#include <string>
#include <string_view>

#include "chimera/render/charts.hpp"

namespace chimera::render::mermaid {

// `text` as a Mermaid quoted string, quotes included, cut to `max` characters.
[[nodiscard]] std::string quoted(std::string_view text, std::size_t max);

// `value` as Mermaid reads numbers: as util::format_number writes it (the tables' spelling)
// unless that has an exponent, else a plain decimal of up to six significant digits.
[[nodiscard]] std::string number(double value);

// A fenced ```mermaid block: horizontal bars of the chart's first ten values labelled with their
// short labels (no whiskers: Mermaid has none), the value axis from zero; the title says how
// many were left out.
[[nodiscard]] std::string bar_block(const charts::BarChart& chart);

// A fenced ```mermaid block: a line through the medians of the first ten levels.
[[nodiscard]] std::string line_block(const charts::LineChart& chart);

}  // namespace chimera::render::mermaid
