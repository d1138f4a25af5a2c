#pragma once

// Pieces every SVG chart of svg_*.cpp is drawn with: linear scales with round ticks, the frame
// (title, description, note), axes and text measured the way a browser roughly would.

#include <string>
#include <string_view>
#include <vector>

namespace chimera::render::svg::detail {

inline constexpr double k_width = 720;  // viewBox width; the page scales it to fit
inline constexpr double k_font = 12;    // px, labels and ticks
inline constexpr double k_char = 7.4;   // px a character of k_font takes in a wide sans (DejaVu)

// A linear map from [lo, hi] to [from, to], with round ticks covering the domain.
struct Scale {
  double lo = 0;
  double hi = 1;
  double from = 0;
  double to = 1;
  std::vector<double> ticks;
  int decimals = 0;  // for the tick labels
  [[nodiscard]] double at(double value) const;
  [[nodiscard]] std::string tick_label(double tick) const;
};

// A scale over [lo, hi] widened to round ticks (about five of them), zero included when
// `from_zero`; a degenerate domain is widened around its value.
[[nodiscard]] Scale nice_scale(double lo, double hi, double from, double to, bool from_zero);

// "12.5" for a coordinate.
[[nodiscard]] std::string px(double value);

// Characters of `text` (UTF-8 code points) and its width in px at k_font.
[[nodiscard]] std::size_t chars(std::string_view text);
[[nodiscard]] double text_width(std::string_view text);

// `text` cut to `max` characters with "…".
[[nodiscard]] std::string clipped(std::string_view text, std::size_t max);
// `text` cut to `max` characters by a "…" in the middle, for paths whose ends tell them apart.
[[nodiscard]] std::string clipped_middle(std::string_view text, std::size_t max);

// The opening of a chart: <svg> with role="img", aria-labelledby its <title> and <desc>, and the
// title drawn at the top. `height` in px; `id` made unique in the page with a "chimera-" prefix.
[[nodiscard]] std::string open_chart(std::string_view id, double height, std::string_view title,
                                     std::string_view description);
[[nodiscard]] std::string close_chart();

// A small-print line of text at (x, y), anchored at its start.
[[nodiscard]] std::string note_text(double x, double y, std::string_view text);

// A horizontal value axis at `y` (line, ticks, labels below, grid lines up to `top`) and its
// title centred under it.
[[nodiscard]] std::string x_value_axis(const Scale& s, double y, double top,
                                       std::string_view title);

// A vertical value axis at `x` (line, ticks, labels left of it, grid lines to `right`) and its
// title rotated beside it.
[[nodiscard]] std::string y_value_axis(const Scale& s, double x, double right,
                                       std::string_view title);

}  // namespace chimera::render::svg::detail
