#include "json_changes.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "chimera/model/changes.hpp"
#include "json_values.hpp"

namespace chimera::render::detail {
namespace {

using Json = nlohmann::ordered_json;

Json number(double value) {
  return json_number(value);
}

Json number(const std::optional<double>& value) {
  return value ? number(*value) : Json(nullptr);
}

Json group(const model::GroupKey& key) {
  return json_group(key);
}

Json refs(const std::vector<model::ConfigurationRef>& list) {
  Json out = Json::array();
  for (const auto& r : list) {
    out.push_back({{"experiment", r.experiment}, {"config", group(r.config)}});
  }
  return out;
}

Json settings(const std::vector<model::SettingChange>& list) {
  Json out = Json::array();
  for (const auto& s : list) {
    out.push_back({{"experiment", s.experiment},
                   {"setting", s.setting},
                   {"baseline", s.baseline.empty() ? Json(nullptr) : Json(s.baseline)},
                   {"current", s.current.empty() ? Json(nullptr) : Json(s.current)}});
  }
  return out;
}

}  // namespace

void changes_json(const model::Analysis& analysis, Json& root) {
  const auto* cmp = analysis.comparison.get();
  if (cmp == nullptr) {
    root["baseline"] = nullptr;
    root["changes"] = Json::array();
    return;
  }
  root["baseline"] = {
      {"path", cmp->path},
      {"generated_at", cmp->generated_at ? Json(*cmp->generated_at) : Json(nullptr)},
      {"threshold_pct", number(cmp->threshold_pct)},
      {"alpha", number(cmp->alpha)},
      {"counts",
       {{"regressed", cmp->count(model::Verdict::regressed)},
        {"improved", cmp->count(model::Verdict::improved)},
        {"unchanged", cmp->count(model::Verdict::unchanged)},
        {"not_comparable", cmp->count(model::Verdict::not_comparable)}}},
      {"added_configurations", refs(cmp->added)},
      {"removed_configurations", refs(cmp->removed)},
      {"added_experiments", cmp->experiments_added},
      {"removed_experiments", cmp->experiments_removed},
      {"settings_changed", settings(cmp->settings_changed)}};
  Json changes = Json::array();
  for (const auto& c : cmp->changes) {
    changes.push_back({{"experiment", c.experiment},
                       {"config", group(c.config)},
                       {"column", c.column},
                       {"kind", model::to_string(c.kind)},
                       {"unit", c.unit},
                       {"direction", model::to_string(c.direction)},
                       {"baseline", {{"n", c.baseline_n}, {"median", number(c.baseline_median)}}},
                       {"current", {{"n", c.current_n}, {"median", number(c.current_median)}}},
                       {"change_pct", number(c.change_pct)},
                       {"p_value", number(c.p_value)},
                       {"verdict", model::to_string(c.verdict)}});
  }
  root["changes"] = std::move(changes);
}

}  // namespace chimera::render::detail
