#include "chimera/render/mermaid.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "chimera/util/number.hpp"
#include "chimera/util/printable.hpp"

namespace chimera::render::mermaid {
namespace {

// Items a block draws and characters a label keeps: ten labels and their quotes fit a line of
// the report (under 300 characters; Mermaid wants a list on one line), and ten is what the
// Markdown tables beside the blocks show.
constexpr std::size_t k_items = 10;
constexpr std::size_t k_label_chars = 20;
constexpr std::size_t k_axis_chars = 32;
constexpr std::size_t k_title_chars = 100;

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The axis's upper end: the largest value rounded up at its second significant digit, so that
// the longest bar does not touch the edge and the ticks are round.
double axis_end(double hi) {
  if (!(hi > 0)) {
    return 1;
  }
  const double unit = std::pow(10, std::floor(std::log10(hi)) - 1);
  return std::ceil(hi * 1.02 / unit) * unit;
}

double axis_start(double lo) {
  return lo >= 0 ? 0 : -axis_end(-lo);
}

std::string values_list(const std::vector<double>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += (i == 0 ? "" : ", ") + number(values[i]);
  }
  return out + "]";
}

std::string title_with_more(const std::string& title, std::size_t shown, std::size_t more) {
  return more == 0 ? title : fmt::format("{} (first {} of {})", title, shown, shown + more);
}

}  // namespace

std::string quoted(std::string_view text, std::size_t max) {
  std::string safe;
  for (const char c : util::printable(text)) {
    if (c == '"' || c == '`') {
      safe += '\'';
    } else if (c == '%' && !safe.empty() && safe.back() == '%') {
      safe += " %";
    } else {
      safe += c;
    }
  }
  if (code_points(safe) > max) {
    std::size_t seen = 0;
    std::size_t cut = 0;
    for (; cut < safe.size(); ++cut) {
      if ((static_cast<unsigned char>(safe[cut]) & 0xC0) != 0x80 && seen++ == max - 1) {
        break;
      }
    }
    safe = safe.substr(0, cut) + "…";
  }
  return "\"" + safe + "\"";
}

std::string number(double value) {
  if (!std::isfinite(value) || value == 0) {
    return "0";
  }
  // As the tables write it, unless that is in exponent form, which Mermaid does not read.
  if (std::string shown = util::format_number(value); shown.find('e') == std::string::npos) {
    return shown;
  }
  const int digits = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  const int decimals = std::clamp(5 - digits, 0, 15);
  std::string out = fmt::format("{:.{}f}", value, decimals);
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') {
      out.pop_back();
    }
    if (out.back() == '.') {
      out.pop_back();
    }
  }
  return out == "-0" ? "0" : out;
}

std::string bar_block(const charts::BarChart& chart) {
  std::string labels = "[";
  std::vector<double> values;
  double lo = 0;
  double hi = 0;
  const std::size_t shown = std::min(chart.bars.size(), k_items);
  for (std::size_t i = 0; i < shown; ++i) {
    labels += (i == 0 ? "" : ", ") + quoted(chart.bars[i].short_label, k_label_chars);
    values.push_back(chart.bars[i].value);
    lo = std::min(lo, chart.bars[i].value);
    hi = std::max(hi, chart.bars[i].value);
  }
  labels += "]";
  return fmt::format(
      "```mermaid\nxychart-beta horizontal\n    title {}\n    x-axis {}{}\n    y-axis {} {} --> "
      "{}\n    bar {}\n```\n\n",
      quoted(title_with_more(chart.title, shown, chart.more + chart.bars.size() - shown),
             k_title_chars),
      chart.category_axis.empty() ? "" : quoted(chart.category_axis, k_axis_chars) + " ", labels,
      quoted(chart.value_axis, k_title_chars), number(axis_start(lo)), number(axis_end(hi)),
      values_list(values));
}

std::string line_block(const charts::LineChart& chart) {
  std::string labels = "[";
  std::vector<double> values;
  double lo = 0;
  double hi = 0;
  const std::size_t shown = std::min(chart.points.size(), k_items);
  for (std::size_t i = 0; i < shown; ++i) {
    labels += (i == 0 ? "" : ", ") + quoted(chart.points[i].label, k_label_chars);
    values.push_back(chart.points[i].value);
    lo = std::min(lo, chart.points[i].value);
    hi = std::max(hi, chart.points[i].value);
  }
  labels += "]";
  return fmt::format(
      "```mermaid\nxychart-beta\n    title {}\n    x-axis {} {}\n    y-axis {} {} --> {}\n    "
      "line {}\n```\n\n",
      quoted(title_with_more(chart.title, shown, chart.more + chart.points.size() - shown),
             k_title_chars),
      quoted(chart.x_axis, k_axis_chars), labels, quoted(chart.y_axis, k_title_chars),
      number(axis_start(lo)), number(axis_end(hi)), values_list(values));
}

}  // namespace chimera::render::mermaid
