#pragma once

#include <vector>

#include "chimera/analyze/rows.hpp"
#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// Statistics of every metric column of every table that has at least one finite value, failed
// runs excluded and counted; in table order, then column order.
[[nodiscard]] std::vector<model::MetricStats> table_metrics(const model::Corpus& corpus);

// The finite values of a column over the rows that did not fail, in row order.
[[nodiscard]] std::vector<double> ok_values(const model::Table& table, const model::Column& column);

// Each metric across the corpus, grouped by configuration (the row keys of `index`), failed runs
// duplicate files and spread aggregates (see `is_spread_name`) left out. Within one file, the
// other aggregate columns (see `is_aggregate_name`: means, averages, medians) are used only when
// the file has no raw samples of that metric and configuration, and a series repeated verbatim (a
// "samples" list echoing the runs) counts once. Sorted by kind, metric, unit and key, numeric key
// values in numeric order.
[[nodiscard]] std::vector<model::GroupStats> group_metrics(const model::Corpus& corpus,
                                                           const RowIndex& index);

// Orders keys pair by pair, values that are both numbers numerically ("512" < "1024").
[[nodiscard]] bool key_less(const model::GroupKey& a, const model::GroupKey& b);

}  // namespace chimera::analyze
