#include <fmt/format.h>

#include <algorithm>

#include "chimera/render/svg.hpp"
#include "chimera/util/number.hpp"
#include "svg_parts.hpp"

namespace chimera::render::svg {
namespace {

using namespace detail;

constexpr std::size_t k_label_chars = 44;
constexpr double k_row = 22;
constexpr double k_bar = 14;

std::string value_text(const charts::Bar& bar, bool with_part) {
  std::string text = util::format_number(bar.value);
  if (with_part && bar.part > 0) {
    text += " (" + util::format_number(bar.part) + " failed)";
  }
  return text;
}

std::string tooltip(const charts::BarChart& chart, const charts::Bar& bar) {
  std::string text = fmt::format("{}: {} {}", bar.label, value_text(bar, !chart.part_name.empty()),
                                 chart.value_axis);
  if (chart.part_name.empty()) {
    text += fmt::format(", n = {}", bar.n);
  }
  if (bar.interval) {
    text += fmt::format(", 95% CI {} – {}", util::format_number(bar.interval->first),
                        util::format_number(bar.interval->second));
  }
  return text;
}

std::string_view what(const charts::BarChart& chart) {
  return chart.part_name.empty() ? "configurations" : "experiments";
}

std::string description(const charts::BarChart& chart) {
  std::string text =
      fmt::format("{} horizontal bar{} of {}, in the order of the table beside it",
                  chart.bars.size(), chart.bars.size() == 1 ? "" : "s", chart.value_axis);
  if (!chart.bars.empty()) {
    text += fmt::format("; first: {}", tooltip(chart, chart.bars.front()));
  }
  if (chart.more > 0) {
    text += "; " + charts::more_note(chart.more, what(chart));
  }
  return text + ".";
}

// The label a bar shows: its whole label when every label fits, else its short label (the
// factor values) under a header naming the factors; an experiment's path is cut in the middle.
std::string shown_label(const charts::Bar& bar, bool short_labels) {
  return short_labels ? clipped(bar.short_label, k_label_chars)
                      : clipped_middle(bar.label, k_label_chars);
}

}  // namespace

std::string bar_chart(const charts::BarChart& chart) {
  const bool with_part = !chart.part_name.empty();
  const bool short_labels =
      !chart.category_axis.empty() &&
      std::any_of(chart.bars.begin(), chart.bars.end(),
                  [](const charts::Bar& b) { return chars(b.label) > k_label_chars; });
  double label_width = short_labels ? text_width(clipped(chart.category_axis, k_label_chars)) : 0;
  double value_width = 0;
  double lo = 0;
  double hi = 0;
  for (const auto& bar : chart.bars) {
    label_width = std::max(label_width, text_width(shown_label(bar, short_labels)));
    value_width = std::max(value_width, text_width(value_text(bar, with_part)));
    lo = std::min({lo, bar.value, bar.interval ? bar.interval->first : bar.value});
    hi = std::max({hi, bar.value, bar.interval ? bar.interval->second : bar.value});
  }
  const double left = 12 + std::min(label_width, 320.0);
  const double right = k_width - 12 - value_width;
  const double top = with_part || short_labels ? 50 : 34;
  const double axis_y = top + static_cast<double>(chart.bars.size()) * k_row + 4;
  const bool has_note = chart.more > 0;
  const double height = axis_y + 44 + (has_note ? 16 : 0);
  const Scale s = nice_scale(lo, hi, left, right, true);

  std::string out = open_chart(chart.id, height, chart.title, description(chart));
  if (with_part) {
    out += fmt::format(
        "<g class=\"legend\"><rect class=\"bar\" x=\"{0}\" y=\"28\" width=\"12\" height=\"10\" "
        "fill=\"#4e79a7\"/><text x=\"{1}\" y=\"37\">{2}</text><rect class=\"part\" x=\"{3}\" "
        "y=\"28\" width=\"12\" height=\"10\" fill=\"#e15759\"/><text x=\"{4}\" y=\"37\">{5}</text>"
        "</g>\n",
        px(left), px(left + 16), xml_escape(chart.value_axis), px(left + 96), px(left + 112),
        xml_escape(chart.part_name));
  }
  if (short_labels) {
    out += fmt::format(
        "<text class=\"label-header\" x=\"{}\" y=\"{}\" text-anchor=\"end\" "
        "font-weight=\"600\">{}</text>\n",
        px(left - 6), px(top - 8), xml_escape(clipped(chart.category_axis, k_label_chars)));
  }
  out += x_value_axis(s, axis_y, top - 4, chart.value_axis);
  const double zero = s.at(0);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const auto& bar = chart.bars[i];
    const double y = top + static_cast<double>(i) * k_row;
    const double end = s.at(bar.value);
    out +=
        fmt::format("<g class=\"bar-row\">\n<title>{}</title>\n", xml_escape(tooltip(chart, bar)));
    out +=
        fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                    px(left - 6), px(y + k_bar - 3), xml_escape(shown_label(bar, short_labels)));
    out += fmt::format(
        "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#4e79a7\" "
        "data-value=\"{}\" data-n=\"{}\"",
        px(std::min(zero, end)), px(y), px(std::abs(end - zero)), px(k_bar),
        util::format_number(bar.value), bar.n);
    if (bar.interval) {
      out +=
          fmt::format(" data-low=\"{}\" data-high=\"{}\"", util::format_number(bar.interval->first),
                      util::format_number(bar.interval->second));
    }
    out += "/>\n";
    double text_x = std::max(zero, end);
    if (with_part && bar.part > 0) {
      const double part_end = s.at(bar.part);
      out += fmt::format(
          "<rect class=\"part\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#e15759\" "
          "data-value=\"{}\"/>\n",
          px(std::min(zero, part_end)), px(y), px(std::abs(part_end - zero)), px(k_bar),
          util::format_number(bar.part));
    }
    if (bar.interval) {
      const double a = s.at(bar.interval->first);
      const double b = s.at(bar.interval->second);
      const double mid = y + k_bar / 2;
      out += fmt::format(
          "<path class=\"whisker\" d=\"M{0} {2}H{1}M{0} {3}V{4}M{1} {3}V{4}\" fill=\"none\" "
          "stroke=\"currentColor\" stroke-width=\"1.5\"/>\n",
          px(a), px(b), px(mid), px(mid - 4), px(mid + 4));
      text_x = std::max(text_x, b);
    }
    out += fmt::format("<text class=\"value\" x=\"{}\" y=\"{}\">{}</text>\n</g>\n", px(text_x + 5),
                       px(y + k_bar - 3), xml_escape(value_text(bar, with_part)));
  }
  if (has_note) {
    out += note_text(8, height - 6, charts::more_note(chart.more, what(chart)));
  }
  return out + close_chart();
}

}  // namespace chimera::render::svg
