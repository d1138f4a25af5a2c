#include "json_values.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace chimera::render::detail {

nlohmann::ordered_json json_number(double value) {
  using Json = nlohmann::ordered_json;
  if (!std::isfinite(value)) {
    return Json(nullptr);
  }
  char buffer[32];
  const auto written = std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return written > 0 && static_cast<std::size_t>(written) < sizeof buffer
             ? Json(std::strtod(buffer, nullptr))
             : Json(value);
}

nlohmann::ordered_json json_group(const model::GroupKey& key) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [name, value] : key) {
    out[name] = value;
  }
  return out;
}

}  // namespace chimera::render::detail
