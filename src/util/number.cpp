#include "chimera/util/number.hpp"

#include <fmt/format.h>

#include <cmath>

namespace chimera::util {

std::string format_number(double value) {
  if (!std::isfinite(value)) {
    return "n/a";
  }
  const double magnitude = std::fabs(value);
  if (magnitude < 1e15 && value == std::trunc(value)) {
    return fmt::format("{:.0f}", value == 0 ? 0.0 : value);  // no "-0"
  }
  if (magnitude >= 100) {
    return fmt::format("{:.1f}", value);
  }
  if (magnitude >= 1) {
    return fmt::format("{:.2f}", value);
  }
  return fmt::format("{:.3g}", value);
}

std::string format_p(double p) {
  constexpr double k_smallest_shown = 0.0001;
  return p < k_smallest_shown ? "< 0.0001" : format_number(p);
}

std::string p_clause(double p) {
  const std::string text = format_p(p);
  return text.front() == '<' ? "p " + text : "p = " + text;
}

}  // namespace chimera::util
