#pragma once

// The report's charts as plain data, built from the analysis (the numbers the tables show, never
// text parsed back), and drawn by svg.hpp (HTML) or mermaid.hpp (Markdown).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chimera/model/analysis.hpp"

namespace chimera::render::charts {

// Most bars, levels or points a chart draws; the rest are counted in its note.
inline constexpr std::size_t k_chart_bars = 20;
inline constexpr std::size_t k_chart_levels = 20;
inline constexpr std::size_t k_chart_points = 200;

// One bar: a configuration's median with its 95% interval, or an experiment's runs.
struct Bar {
  std::string label;        // untrusted: a configuration label or an experiment name
  std::string short_label;  // the factor values alone ("512, 120, 0.8"), for narrow charts
  double value = 0;
  std::optional<std::pair<double, double>> interval;  // whiskers
  std::size_t n = 0;
  double part = 0;  // drawn inside the bar from zero (failed runs); 0 when unused
};

// Horizontal bars, in table order (best first for a ranking).
struct BarChart {
  std::string id;             // unique in the report: "e1-ranking", "overview"
  std::string title;          // untrusted parts included
  std::string value_axis;     // "median throughput (tok/s)"
  std::string category_axis;  // what short labels list: "num_ctx, num_gpu, temperature"
  std::string part_name;      // what `part` counts ("failed"), "" when unused
  std::vector<Bar> bars;
  std::size_t more = 0;  // bars left out
};

// A configuration at (x, y).
struct Point {
  std::string label;
  double x = 0;
  double y = 0;
  bool front = false;  // on the Pareto front
};

// Throughput (y) against TTFT (x), the Pareto front highlighted.
struct ScatterChart {
  std::string id;
  std::string title;
  std::string x_axis;
  std::string y_axis;
  std::vector<Point> points;  // front points first, in the front's order, then by rank
  std::size_t more = 0;
};

// A metric's median at each level of a factor, in the factor's level order.
struct LevelPoint {
  std::string label;
  double value = 0;
  std::size_t n = 0;
};

struct LineChart {
  std::string id;
  std::string title;
  std::string x_axis;  // the factor
  std::string y_axis;  // "median throughput (tok/s)"
  std::string note;    // "Kruskal-Wallis p = 0.0021; best vs worst 12.50%"
  std::vector<LevelPoint> points;
  std::size_t more = 0;
};

// "median <kind> (<unit>)" for an axis, or the column name when the kind says nothing.
[[nodiscard]] std::string metric_axis(const model::ExperimentMetric& metric);

// The headline median of each ranked configuration with its 95% interval, best first, the first
// k_chart_bars; nullopt without a headline metric or with fewer than two configurations.
// `number` is the experiment's number in the report (1-based).
[[nodiscard]] std::optional<BarChart> ranking_chart(const model::Experiment& e, std::size_t number);

// Median throughput against median TTFT per configuration, the metrics the Pareto front is
// found on; nullopt unless the experiment measures both and two configurations have both.
[[nodiscard]] std::optional<ScatterChart> pareto_chart(const model::Experiment& e,
                                                       std::size_t number);

// The effect `effect` (index into e.effects) as medians per level; nullopt unless it matters
// (p < 0.05) and has two levels.
[[nodiscard]] std::optional<LineChart> effect_chart(const model::Experiment& e, std::size_t number,
                                                    std::size_t effect);

// Runs per experiment (failed ones as the bars' inner part), in the overview's order; nullopt
// without experiments.
[[nodiscard]] std::optional<BarChart> overview_chart(const model::Analysis& a);

// "1 more in --format json" / "N more ..." for a chart's note, "" when nothing was left out.
[[nodiscard]] std::string more_note(std::size_t more, std::string_view what);

}  // namespace chimera::render::charts
