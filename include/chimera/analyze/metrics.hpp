#pragma once

#include <vector>

#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// Statistics of the first `limit` metric columns (in table order, then column order) that have
// at least one finite value, failed runs excluded and counted; `total` is set to how many such
// columns there are. A corpus of a million small tables would otherwise compute a million
// statistics the report does not show (the experiments cover every table).
[[nodiscard]] std::vector<model::MetricStats> table_metrics(const model::Corpus& corpus,
                                                            std::size_t limit, std::size_t& total);

// The finite values of a column over the rows that did not fail, in row order.
[[nodiscard]] std::vector<double> ok_values(const model::Table& table, const model::Column& column);

}  // namespace chimera::analyze
