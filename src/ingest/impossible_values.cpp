#include "chimera/ingest/impossible_values.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace chimera::ingest {

bool never_negative(model::MetricKind kind) {
  return model::is_raw_measurement(kind) || kind == model::MetricKind::count;
}

void exclude_impossible(model::Table& table) {
  std::vector<double> values;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    auto& column = table.columns[c];
    if (column.role() != model::Role::metric || !never_negative(column.kind())) {
      continue;
    }
    const auto& numbers = column.numbers;
    bool any = false;
    for (const double v : numbers) {
      if (v < 0) {
        any = true;
        break;
      }
    }
    if (!any) {
      continue;
    }
    values.assign(numbers.begin(), numbers.end());
    for (std::size_t row = 0; row < values.size(); ++row) {
      if (values[row] < 0) {
        if (row >= table.failed.size() || !table.failed[row]) {
          table.impossible.push_back(
              {static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(row), values[row]});
        }
        values[row] = std::numeric_limits<double>::quiet_NaN();
      }
    }
    column.numbers = values;
  }
}

}  // namespace chimera::ingest
