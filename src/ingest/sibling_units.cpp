#include "chimera/ingest/sibling_units.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "chimera/ingest/units.hpp"

namespace chimera::ingest {
namespace {

bool is_written(const model::Column& column) {
  return column.unit_source() == model::UnitSource::name ||
         column.unit_source() == model::UnitSource::header_row;
}

// The one factor to `canonical` that the table's written units agree on, if they agree.
std::optional<double> agreed_factor(const model::Columns& columns, std::string_view canonical) {
  std::optional<double> factor;
  for (const auto& column : columns) {
    if (column.role() != model::Role::metric || column.unit() != canonical ||
        !is_written(column)) {
      continue;
    }
    const auto unit = parse_unit(column.source_unit());
    if (!unit) {
      continue;
    }
    if (factor && *factor != unit->to_canonical) {
      return std::nullopt;
    }
    factor = unit->to_canonical;
  }
  return factor;
}

}  // namespace

void settle_by_siblings(model::Columns& columns) {
  // Most tables have no metric whose unit was assumed: one look at the heads settles them.
  const bool any_assumed = std::any_of(columns.begin(), columns.end(), [](const auto& column) {
    return column.role() == model::Role::metric &&
           column.unit_source() == model::UnitSource::assumed;
  });
  if (!any_assumed) {
    return;
  }
  for (const std::string_view canonical : {std::string_view("ms"), std::string_view("MiB")}) {
    const auto factor = agreed_factor(columns, canonical);
    if (!factor) {
      continue;
    }
    for (auto& column : columns) {
      if (column.role() != model::Role::metric ||
          column.unit_source() != model::UnitSource::assumed || column.unit() != canonical) {
        continue;
      }
      if (*factor != 1.0) {
        std::vector<double> values = column.numbers.to_vector();
        for (double& v : values) {
          v *= *factor;
        }
        column.numbers = values;
      }
      column.set_unit_source(model::UnitSource::siblings);
    }
  }
}

}  // namespace chimera::ingest
