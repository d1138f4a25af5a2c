#include "chimera/analyze/format.hpp"

#include <fmt/format.h>

#include <cmath>

namespace chimera::analyze {

std::string format_number(double value) {
  if (!std::isfinite(value)) {
    return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  }
  if (value == 0) {
    return "0";
  }
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  const int decimals = std::max(0, 3 - magnitude);
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') {
      text.pop_back();
    }
    if (text.back() == '.') {
      text.pop_back();
    }
  }
  return text == "-0" ? "0" : text;
}

std::string format_value(double value, std::string_view unit) {
  if (unit.empty()) {
    return format_number(value);
  }
  if (unit == "%") {
    return format_number(value) + "%";
  }
  return format_number(value) + " " + std::string(unit);
}

std::string format_dimension(double value) {
  // A float32 parameter written out as a double (Rust's 0.8f32 becomes 0.800000011920929) is the
  // float's value: show it the way it was set, so it also matches 0.8 from another file.
  const auto as_float = static_cast<float>(value);
  if (std::isfinite(value) && static_cast<double>(as_float) == value) {
    return fmt::format("{}", as_float);
  }
  return fmt::format("{}", value);
}

std::string format_key(const model::GroupKey& key) {
  if (key.empty()) {
    return "(all)";
  }
  std::string out;
  for (const auto& [name, value] : key) {
    if (!out.empty()) {
      out += ' ';
    }
    out.append(name).append("=").append(value);
  }
  return out;
}

}  // namespace chimera::analyze
