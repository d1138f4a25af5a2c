#include "chimera/render/charts.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "chimera/util/number.hpp"

namespace chimera::render::charts {
namespace {

std::string with_unit(std::string_view text, std::string_view unit) {
  return unit.empty() ? std::string(text) : fmt::format("{} ({})", text, unit);
}

// The metric the analysis finds the Pareto front on (analyze/experiment_stats.cpp): the headline
// or secondary metric of that kind, else the first of that kind measured run by run.
std::optional<std::size_t> metric_of_kind(const model::Experiment& e, model::MetricKind kind) {
  for (const auto m : {e.headline, e.secondary}) {
    if (m && e.metrics[*m].kind == kind) {
      return m;
    }
  }
  for (std::size_t m = 0; m < e.metrics.size(); ++m) {
    if (e.metrics[m].kind == kind && !e.metrics[m].aggregate) {
      return m;
    }
  }
  return std::nullopt;
}

// "512, 120, 0.8": a configuration's factor values, "-" where its runs do not set one.
std::string values_label(const model::Experiment& e, std::size_t configuration) {
  std::string out;
  for (const auto& v : e.configurations[configuration].values) {
    out += (out.empty() ? "" : ", ") + (v.empty() ? std::string("-") : v);
  }
  return out.empty() ? "all runs" : out;
}

// The section heading right above the chart names the experiment; its path pattern would not
// fit the chart's width.
std::string experiment_title(std::size_t number) {
  return fmt::format("Experiment {}", number);
}

}  // namespace

std::string metric_axis(const model::ExperimentMetric& metric) {
  const bool plain = metric.kind == model::MetricKind::none ||
                     metric.kind == model::MetricKind::other ||
                     metric.kind == model::MetricKind::count;
  return with_unit("median " + (plain ? metric.column : std::string(model::to_string(metric.kind))),
                   metric.unit);
}

std::string more_note(std::size_t more, std::string_view what) {
  if (more == 0) {
    return "";
  }
  return fmt::format("{} more {} in --format json", more, what);
}

std::optional<BarChart> ranking_chart(const model::Experiment& e, std::size_t number) {
  if (!e.headline || e.ranking.size() < 2) {
    return std::nullopt;
  }
  const auto& metric = e.metrics[*e.headline];
  BarChart chart;
  chart.id = fmt::format("e{}-ranking", number);
  chart.title = fmt::format(
      "{}: {}, {}", experiment_title(number), metric_axis(metric),
      metric.direction == model::Direction::higher ? "higher is better" : "lower is better");
  chart.value_axis = metric_axis(metric);
  for (const auto& f : e.factors) {
    chart.category_axis += (chart.category_axis.empty() ? "" : ", ") + f.name;
  }
  for (const auto& r : e.ranking) {
    if (chart.bars.size() == k_chart_bars) {
      ++chart.more;
      continue;
    }
    const auto* s = e.configurations[r.configuration].summary_of(*e.headline);
    chart.bars.push_back({e.label(r.configuration), values_label(e, r.configuration), s->median,
                          s->median_ci, s->n, 0});
  }
  return chart;
}

std::optional<ScatterChart> pareto_chart(const model::Experiment& e, std::size_t number) {
  const auto t = metric_of_kind(e, model::MetricKind::throughput);
  const auto f = metric_of_kind(e, model::MetricKind::ttft);
  if (!t || !f) {
    return std::nullopt;
  }
  ScatterChart chart;
  chart.id = fmt::format("e{}-pareto", number);
  chart.title = fmt::format("{}: throughput against TTFT", experiment_title(number));
  chart.x_axis = with_unit("median TTFT", e.metrics[*f].unit);
  chart.y_axis = with_unit("median throughput", e.metrics[*t].unit);
  std::vector<bool> taken(e.configurations.size(), false);
  for (const auto& p : e.pareto) {
    chart.points.push_back({e.label(p.configuration), p.ttft_ms, p.throughput_tok_s, true});
    taken[p.configuration] = true;
  }
  // Then the others, best ranked first, so that trimming keeps what a reader looks for.
  std::vector<std::size_t> order;
  for (const auto& r : e.ranking) {
    order.push_back(r.configuration);
  }
  for (std::size_t c = 0; c < e.configurations.size(); ++c) {
    if (std::find(order.begin(), order.end(), c) == order.end()) {
      order.push_back(c);
    }
  }
  for (const auto c : order) {
    const auto* a = e.configurations[c].summary_of(*t);
    const auto* b = e.configurations[c].summary_of(*f);
    if (taken[c] || a == nullptr || b == nullptr) {
      continue;
    }
    taken[c] = true;
    if (chart.points.size() >= k_chart_points) {
      ++chart.more;
      continue;
    }
    chart.points.push_back({e.label(c), b->median, a->median, false});
  }
  if (chart.points.size() < 2) {
    return std::nullopt;
  }
  return chart;
}

std::optional<LineChart> effect_chart(const model::Experiment& e, std::size_t number,
                                      std::size_t effect) {
  const auto& fx = e.effects[effect];
  if (!(fx.p_value < 0.05) || fx.levels.size() < 2) {
    return std::nullopt;
  }
  const auto& metric = e.metrics[fx.metric];
  LineChart chart;
  chart.id = fmt::format("e{}-effect-{}", number, effect + 1);
  chart.title = fmt::format("{}: effect of {} on {}", experiment_title(number), fx.factor,
                            metric_axis(metric));
  chart.x_axis = fx.factor;
  chart.y_axis = metric_axis(metric);
  chart.note = fmt::format("{} {}; best vs worst level {}%",
                           fx.test == "mann-whitney" ? "Mann-Whitney U" : "Kruskal-Wallis H",
                           util::p_clause(fx.p_value), util::format_number(100 * fx.spread));
  for (const auto& level : fx.levels) {
    if (chart.points.size() == k_chart_levels) {
      ++chart.more;
      continue;
    }
    chart.points.push_back({level.level, level.median, level.n});
  }
  return chart;
}

std::optional<BarChart> overview_chart(const model::Analysis& a) {
  if (a.experiments.empty()) {
    return std::nullopt;
  }
  BarChart chart;
  chart.id = "overview";
  chart.title = "Runs per experiment and their failed runs";
  chart.value_axis = "runs";
  chart.part_name = "failed";
  for (std::size_t i = 0; i < a.experiments.size(); ++i) {
    const auto& e = a.experiments[i];
    if (chart.bars.size() == k_chart_bars) {
      ++chart.more;
      continue;
    }
    const std::string label = fmt::format("{}: {}", i + 1, e.name);
    chart.bars.push_back({label, label, static_cast<double>(e.runs), std::nullopt, e.runs,
                          static_cast<double>(e.failed_runs)});
  }
  return chart;
}

}  // namespace chimera::render::charts
