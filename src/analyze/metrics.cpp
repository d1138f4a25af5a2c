#include "chimera/analyze/metrics.hpp"

#include <algorithm>
#include <cmath>

#include "chimera/analyze/stats.hpp"

namespace chimera::analyze {

std::vector<double> ok_values(const model::Table& table, const model::Column& column) {
  std::vector<double> out;
  for (std::size_t row = 0; row < column.numbers.size(); ++row) {
    const bool failed = row < table.failed.size() && table.failed[row];
    if (!failed && std::isfinite(column.numbers[row])) {
      out.push_back(column.numbers[row]);
    }
  }
  return out;
}

std::vector<model::MetricStats> table_metrics(const model::Corpus& corpus, std::size_t limit,
                                              std::size_t& total) {
  std::vector<model::MetricStats> out;
  total = 0;
  for (const auto& table : corpus.tables) {
    const auto failed = table.failed.count();
    for (const auto& column : table.columns) {
      if (column.role() != model::Role::metric ||
          std::none_of(column.numbers.begin(), column.numbers.end(),
                       [](double v) { return std::isfinite(v); })) {
        continue;
      }
      if (total++ >= limit) {
        continue;
      }
      model::MetricStats stats;
      stats.source = table.source;
      stats.locator = table.locator;
      stats.column = column.name();
      stats.kind = column.kind();
      stats.unit = column.unit();
      stats.direction = column.direction();
      stats.failed_excluded = failed;
      auto values = ok_values(table, column);
      stats.summary = summarize_in_place(values);
      out.push_back(std::move(stats));
    }
  }
  return out;
}

}  // namespace chimera::analyze
