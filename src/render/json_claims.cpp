#include "json_claims.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "json_values.hpp"

namespace chimera::render::detail {
namespace {

using Json = nlohmann::ordered_json;

Json number(double value) {
  return json_number(value);
}

Json group(const model::GroupKey& key) {
  return json_group(key);
}

}  // namespace

Json claims_json(const model::Claims& claims) {
  Json documents = Json::array();
  for (const auto& d : claims.documents) {
    documents.push_back({{"source", d.source},
                         {"supported", d.supported},
                         {"contradicted", d.contradicted},
                         {"unmatched", d.unmatched}});
  }
  Json items = Json::array();
  for (const auto& c : claims.items) {
    Json data = nullptr;
    if (c.data) {
      data = {{"experiment", c.data->experiment}, {"config", group(c.data->config)},
              {"metric", c.data->metric},         {"statistic", c.data->statistic},
              {"value", number(c.data->value)},   {"n", c.data->n},
              {"sources", c.data->sources}};
    }
    items.push_back({{"source", c.source},
                     {"line", c.line},
                     {"text", c.text},
                     {"value", number(c.value)},
                     {"unit", c.unit.empty() ? Json(nullptr) : Json(c.unit)},
                     {"metric", model::to_string(c.metric)},
                     {"context", group(c.context)},
                     {"verdict", model::to_string(c.verdict)},
                     {"data", data},
                     {"diff_pct", c.diff_pct ? number(*c.diff_pct) : Json(nullptr)},
                     {"reason", c.reason.empty() ? Json(nullptr) : Json(c.reason)}});
  }
  return {{"checked", claims.checked},
          {"supported", claims.supported},
          {"contradicted", claims.contradicted},
          {"unmatched", claims.unmatched},
          {"documents", documents},
          {"items", items}};
}

}  // namespace chimera::render::detail
