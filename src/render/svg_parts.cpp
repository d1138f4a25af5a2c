#include "svg_parts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "chimera/render/svg.hpp"
#include "chimera/util/printable.hpp"

namespace chimera::render::svg {

std::string xml_escape(std::string_view text) {
  const std::string safe = util::printable(text);
  std::string out;
  out.reserve(safe.size());
  for (const char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace detail {

double Scale::at(double value) const {
  return hi == lo ? from : from + (value - lo) / (hi - lo) * (to - from);
}

std::string Scale::tick_label(double tick) const {
  const double shown = std::fabs(tick) < 1e-12 ? 0.0 : tick;  // no "-0"
  const double magnitude = std::fabs(shown);
  if (magnitude >= 1e6 && decimals == 0) {
    // 2,500,000 reads as 2.5M on an axis; the table beside it has the exact numbers.
    return fmt::format("{:g}M", shown / 1e6);
  }
  if (magnitude >= 1e4 && decimals == 0) {
    return fmt::format("{:g}k", shown / 1e3);
  }
  return fmt::format("{:.{}f}", shown, decimals);
}

Scale nice_scale(double lo, double hi, double from, double to, bool from_zero) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) {
    lo = 0;
    hi = 1;
  }
  if (from_zero) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
  }
  if (hi == lo) {
    const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
    lo -= from_zero && lo >= 0 ? 0 : pad;
    hi += pad;
  }
  const double raw = (hi - lo) / 5;
  const double power = std::pow(10, std::floor(std::log10(raw)));
  double step = power;
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * power >= raw) {
      step = m * power;
      break;
    }
  }
  Scale s;
  s.lo = std::floor(lo / step + 1e-9) * step;
  s.hi = std::ceil(hi / step - 1e-9) * step;
  s.from = from;
  s.to = to;
  s.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  if (step * std::pow(10, s.decimals) != std::round(step * std::pow(10, s.decimals))) {
    ++s.decimals;  // a step of 2.5 needs one more
  }
  const auto count = static_cast<long>(std::lround((s.hi - s.lo) / step));
  for (long i = 0; i <= count; ++i) {
    s.ticks.push_back(s.lo + static_cast<double>(i) * step);
  }
  return s;
}

std::string px(double value) {
  const double rounded = std::round(value * 10) / 10;
  return fmt::format("{:g}", rounded == 0 ? 0.0 : rounded);
}

std::size_t chars(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

double text_width(std::string_view text) {
  return static_cast<double>(chars(text)) * k_char;
}

std::string clipped(std::string_view text, std::size_t max) {
  if (chars(text) <= max) {
    return std::string(text);
  }
  std::size_t seen = 0;
  std::size_t cut = 0;
  for (; cut < text.size(); ++cut) {
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80 && seen++ == max - 1) {
      break;
    }
  }
  return std::string(text.substr(0, cut)) + "…";
}

std::string clipped_middle(std::string_view text, std::size_t max) {
  const std::size_t n = chars(text);
  if (n <= max) {
    return std::string(text);
  }
  // Byte offsets of the code points kept at the front and at the back.
  const std::size_t front = (max - 1) / 2;
  const std::size_t back = max - 1 - front;
  std::size_t seen = 0;
  std::size_t front_end = 0;
  std::size_t back_start = text.size();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == front) {
        front_end = i;
      }
      if (seen == n - back) {
        back_start = i;
      }
      ++seen;
    }
  }
  return std::string(text.substr(0, front_end)) + "…" + std::string(text.substr(back_start));
}

std::string open_chart(std::string_view id, double height, std::string_view title,
                       std::string_view description) {
  const std::string full = "chimera-" + xml_escape(id);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{0}\" role=\"img\" "
      "viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" aria-labelledby=\"{0}-title "
      "{0}-desc\" font-family=\"system-ui, sans-serif\" font-size=\"{3}\" fill=\"currentColor\">\n",
      full, px(k_width), px(height), px(k_font));
  out += fmt::format("<title id=\"{}-title\">{}</title>\n<desc id=\"{}-desc\">{}</desc>\n", full,
                     xml_escape(title), full, xml_escape(description));
  out += fmt::format(
      "<text class=\"chart-title\" x=\"8\" y=\"18\" font-size=\"13\" "
      "font-weight=\"600\">{}</text>\n",
      xml_escape(clipped(title, 86)));
  return out;
}

std::string close_chart() {
  return "</svg>";
}

std::string note_text(double x, double y, std::string_view text) {
  return fmt::format(
      "<text class=\"note\" x=\"{}\" y=\"{}\" font-size=\"11\" "
      "fill-opacity=\"0.75\">{}</text>\n",
      px(x), px(y), xml_escape(text));
}

std::string x_value_axis(const Scale& s, double y, double top, std::string_view title) {
  std::string out = "<g class=\"axis\" stroke=\"currentColor\">\n";
  out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", px(s.from), px(y),
                     px(s.to), px(y));
  for (const double t : s.ticks) {
    const double x = s.at(t);
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke-opacity=\"0.15\"/>"
        "\n<line x1=\"{0}\" y1=\"{2}\" x2=\"{0}\" y2=\"{3}\"/>\n",
        px(x), px(top), px(y), px(y + 4));
  }
  out += "</g>\n<g class=\"ticks\" text-anchor=\"middle\">\n";
  for (const double t : s.ticks) {
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", px(s.at(t)), px(y + 17),
                       s.tick_label(t));
  }
  out += "</g>\n";
  out +=
      fmt::format("<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                  px((s.from + s.to) / 2), px(y + 34), xml_escape(title));
  return out;
}

std::string y_value_axis(const Scale& s, double x, double right, std::string_view title) {
  std::string out = "<g class=\"axis\" stroke=\"currentColor\">\n";
  out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", px(x), px(s.from), px(x),
                     px(s.to));
  for (const double t : s.ticks) {
    const double y = s.at(t);
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke-opacity=\"0.15\"/>"
        "\n<line x1=\"{3}\" y1=\"{1}\" x2=\"{0}\" y2=\"{1}\"/>\n",
        px(x), px(y), px(right), px(x - 4));
  }
  out += "</g>\n<g class=\"ticks\" text-anchor=\"end\">\n";
  for (const double t : s.ticks) {
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", px(x - 7), px(s.at(t) + 4),
                       s.tick_label(t));
  }
  out += "</g>\n";
  const double middle = (s.from + s.to) / 2;
  out += fmt::format(
      "<text class=\"axis-title\" x=\"14\" y=\"{0}\" text-anchor=\"middle\" "
      "transform=\"rotate(-90 14 {0})\">{1}</text>\n",
      px(middle), xml_escape(title));
  return out;
}

}  // namespace detail
}  // namespace chimera::render::svg
