#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "chimera/render/svg.hpp"
#include "chimera/util/number.hpp"
#include "svg_parts.hpp"

namespace chimera::render::svg {
namespace {

using namespace detail;

constexpr double k_left = 76;  // room for the y tick labels and the rotated axis title
constexpr std::size_t k_level_chars = 24;

std::string point_tooltip(const charts::ScatterChart& chart, const charts::Point& p) {
  return fmt::format("{}: {} {}, {} {}{}", p.label, util::format_number(p.x), chart.x_axis,
                     util::format_number(p.y), chart.y_axis,
                     p.front ? ", on the Pareto front" : "");
}

}  // namespace

std::string scatter_chart(const charts::ScatterChart& chart) {
  constexpr double height = 380;
  constexpr double top = 50;
  const double bottom = height - 56;
  double x_hi = chart.points.empty() ? 0 : chart.points.front().x;
  double y_hi = chart.points.empty() ? 0 : chart.points.front().y;
  double x_lo = chart.points.empty() ? 0 : chart.points.front().x;
  double y_lo = chart.points.empty() ? 0 : chart.points.front().y;
  std::size_t front = 0;
  for (const auto& p : chart.points) {
    x_hi = std::max(x_hi, p.x);
    y_hi = std::max(y_hi, p.y);
    x_lo = std::min(x_lo, p.x);
    y_lo = std::min(y_lo, p.y);
    front += p.front ? 1 : 0;
  }
  // No bars to measure from zero: the axes span the points, so that close ones stay apart.
  const double x_pad = (x_hi - x_lo) * 0.04;
  const double y_pad = (y_hi - y_lo) * 0.04;
  const Scale xs = nice_scale(x_lo - x_pad, x_hi + x_pad, k_left, k_width - 24, false);
  const Scale ys = nice_scale(y_lo - y_pad, y_hi + y_pad, bottom, top, false);
  std::string desc = fmt::format(
      "Scatter of {} configurations, {} against {}; the {} on the Pareto front (no other "
      "configuration is both faster to the first token and higher in throughput) are filled and "
      "joined",
      chart.points.size(), chart.y_axis, chart.x_axis, front);
  if (chart.more > 0) {
    desc += "; " + charts::more_note(chart.more, "configurations");
  }
  std::string out = open_chart(chart.id, height, chart.title, desc + ".");
  out += fmt::format(
      "<g class=\"legend\"><circle class=\"front\" cx=\"{0}\" cy=\"33\" r=\"5\" fill=\"#e15759\"/>"
      "<text x=\"{1}\" y=\"37\">Pareto front ({2})</text><circle class=\"point\" cx=\"{3}\" "
      "cy=\"33\" r=\"4\" fill=\"none\" stroke=\"#4e79a7\" stroke-width=\"1.5\"/><text x=\"{4}\" "
      "y=\"37\">other configurations</text></g>\n",
      px(k_left + 6), px(k_left + 16), front, px(k_left + 150), px(k_left + 160));
  out += x_value_axis(xs, bottom, top, chart.x_axis);
  out += y_value_axis(ys, k_left, k_width - 24, chart.y_axis);

  std::vector<const charts::Point*> line;
  for (const auto& p : chart.points) {
    if (p.front) {
      line.push_back(&p);
    }
  }
  std::sort(line.begin(), line.end(), [](const auto* a, const auto* b) { return a->x < b->x; });
  if (line.size() > 1) {
    std::string d;
    for (const auto* p : line) {
      d += fmt::format("{}{} {}", d.empty() ? "M" : "L", px(xs.at(p->x)), px(ys.at(p->y)));
    }
    out += fmt::format(
        "<path class=\"front-line\" d=\"{}\" fill=\"none\" stroke=\"#e15759\" stroke-width=\"1.5\" "
        "stroke-dasharray=\"4 3\"/>\n",
        d);
  }
  // Other points first, so that the front is drawn over them.
  for (const bool on_front : {false, true}) {
    for (const auto& p : chart.points) {
      if (p.front != on_front) {
        continue;
      }
      out += fmt::format(
          "<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\" {} data-x=\"{}\" data-y=\"{}\">"
          "<title>{}</title></circle>\n",
          on_front ? "front" : "point", px(xs.at(p.x)), px(ys.at(p.y)), on_front ? 5 : 4,
          on_front ? "fill=\"#e15759\"" : "fill=\"none\" stroke=\"#4e79a7\" stroke-width=\"1.5\"",
          util::format_number(p.x), util::format_number(p.y), xml_escape(point_tooltip(chart, p)));
    }
  }
  if (chart.more > 0) {
    out += note_text(8, height - 6, charts::more_note(chart.more, "configurations"));
  }
  return out + close_chart();
}

std::string line_chart(const charts::LineChart& chart) {
  constexpr double top = 40;
  constexpr double plot_height = 200;
  const double right = k_width - 24;
  const double slots = static_cast<double>(std::max<std::size_t>(chart.points.size(), 1));
  double band = (right - k_left) / slots;
  double widest = 0;
  double lo = chart.points.empty() ? 0 : chart.points.front().value;
  double hi = lo;
  for (const auto& p : chart.points) {
    widest = std::max(widest, text_width(clipped_middle(p.label, k_level_chars)));
    lo = std::min(lo, p.value);
    hi = std::max(hi, p.value);
  }
  // Level names wider than their band are slanted, so that neighbours never overlap.
  const bool slanted = widest > band - 8;
  // A slanted first label reaches left of its level by cos(35°) of its width: room for it.
  const double left =
      slanted ? std::max(k_left, widest * 0.82 - band / 2 + 8) : k_left;
  band = (right - left) / slots;
  const double label_depth = slanted ? widest * 0.6 + 12 : 16;
  const double bottom = top + plot_height;
  const double height = bottom + label_depth + 44 + (chart.note.empty() ? 0 : 4);
  // A line, not bars: the axis spans the medians, so that an effect of a few percent shows.
  const double pad = (hi - lo) * 0.08;
  const Scale ys = nice_scale(lo - pad, hi + pad, bottom, top, false);
  std::string desc = fmt::format("Line through the {} at {} levels of {}:", chart.y_axis,
                                 chart.points.size(), chart.x_axis);
  for (const auto& p : chart.points) {
    desc += fmt::format(" {} {};", p.label, util::format_number(p.value));
  }
  desc += " " + chart.note;
  if (chart.more > 0) {
    desc += "; " + charts::more_note(chart.more, "levels");
  }
  std::string out = open_chart(chart.id, height, chart.title, desc + ".");
  out += y_value_axis(ys, left, right, chart.y_axis);
  out += fmt::format(
      "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" "
      "stroke=\"currentColor\"/>\n",
      px(left), px(bottom), px(right), px(bottom));
  std::string d;
  std::string marks;
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const auto& p = chart.points[i];
    const double x = left + band * (static_cast<double>(i) + 0.5);
    const double y = ys.at(p.value);
    d += fmt::format("{}{} {}", d.empty() ? "M" : "L", px(x), px(y));
    marks += fmt::format(
        "<circle class=\"level\" cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"#4e79a7\" data-level=\"{}\" "
        "data-value=\"{}\" data-n=\"{}\"><title>{} = {}: {} {} (n = {})</title></circle>\n",
        px(x), px(y), xml_escape(p.label), util::format_number(p.value), p.n,
        xml_escape(chart.x_axis), xml_escape(p.label), util::format_number(p.value),
        xml_escape(chart.y_axis), p.n);
    if (band >= 52) {
      marks += fmt::format(
          "<text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
          "font-size=\"11\">{}</text>\n",
          px(x), px(y - 9), util::format_number(p.value));
    }
    const std::string label = xml_escape(clipped_middle(p.label, k_level_chars));
    if (slanted) {
      marks += fmt::format(
          "<text class=\"level-label\" x=\"{0}\" y=\"{1}\" text-anchor=\"end\" "
          "transform=\"rotate(-35 {0} {1})\">{2}</text>\n",
          px(x + 4), px(bottom + 14), label);
    } else {
      marks += fmt::format(
          "<text class=\"level-label\" x=\"{}\" y=\"{}\" "
          "text-anchor=\"middle\">{}</text>\n",
          px(x), px(bottom + 17), label);
    }
  }
  out += fmt::format(
      "<path class=\"effect-line\" d=\"{}\" fill=\"none\" stroke=\"#4e79a7\" "
      "stroke-width=\"2\"/>\n",
      d);
  out += marks;
  out += fmt::format(
      "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
      px((left + right) / 2), px(bottom + label_depth + 20), xml_escape(chart.x_axis));
  std::string note = chart.note;
  if (chart.more > 0) {
    note += "; " + charts::more_note(chart.more, "levels");
  }
  out += note_text(8, height - 6, note);
  return out + close_chart();
}

}  // namespace chimera::render::svg
