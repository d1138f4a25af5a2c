#pragma once

// Where the report's charts go. The Markdown report carries nothing, Mermaid blocks, or, on its
// way to HTML, a slot paragraph per chart (a chart id between two control characters, which no
// escaped text can hold) that the HTML step replaces with the chart drawn as SVG.

#include <string>
#include <string_view>

#include "chimera/model/analysis.hpp"

namespace chimera::render::detail {

enum class ChartMarks : std::uint8_t { none, mermaid, slots };

// Charts beside the overview table of experiments.
void overview_charts(std::string& out, const model::Analysis& a, ChartMarks marks);
// Beside an experiment's ranking table (`number` is 1-based).
void ranking_charts(std::string& out, const model::Experiment& e, std::size_t number,
                    ChartMarks marks);
// Beside its factor-effects table: one per effect that matters.
void effect_charts(std::string& out, const model::Experiment& e, std::size_t number,
                   ChartMarks marks);
// Beside its Pareto table (HTML only: Mermaid has no scatter chart).
void pareto_charts(std::string& out, const model::Experiment& e, std::size_t number,
                   ChartMarks marks);

// `html` with every slot paragraph replaced by its chart as <figure class="chart"><svg>, drawn
// from `a`; a slot naming no chart of `a` is dropped.
[[nodiscard]] std::string fill_chart_slots(std::string_view html, const model::Analysis& a);

}  // namespace chimera::render::detail
