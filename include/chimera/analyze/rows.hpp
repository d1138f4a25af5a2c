#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// The configuration of each row of one table. A sweep of millions of rows has a handful of
// configurations, so rows hold an index into the corpus-wide list of distinct keys.
struct TableKeys {
  std::shared_ptr<const std::vector<model::GroupKey>> distinct;
  std::vector<std::uint32_t> ids;  // one per row

  [[nodiscard]] const model::GroupKey& operator[](std::size_t row) const {
    return (*distinct)[ids[row]];
  }
  [[nodiscard]] std::size_t size() const { return ids.size(); }
};

// What analysis needs to know about the rows of a corpus, computed once.
struct RowIndex {
  // keys[t][r]: the configuration of row r of table t (see `index_rows`).
  std::vector<TableKeys> keys;
  // duplicate[t]: table t comes from a file whose content hash equals that of an earlier file
  // (path order); such tables are left out of cross-table statistics so that no run counts twice.
  std::vector<bool> duplicate;
  // Dimensions with one value in every row that has them (one model, one GPU): left out of the
  // keys, since they tell no configuration apart, and reported once instead.
  model::GroupKey shared;
};

// The name a dimension or metric column goes by across files: the last segment of a nested
// name ("config.num_gpu", "config/num_gpu" -> "num_gpu").
[[nodiscard]] std::string leaf_name(std::string_view column);

// The directory of a corpus path, "." for the root.
[[nodiscard]] std::string directory_of(std::string_view path);

// True for names of aggregates rather than raw samples: mean, average, avg, median, std,
// stddev, p50/p95/p99, min, max as a word of the name ("average_ttft_ms", "stddev_throughput").
[[nodiscard]] bool is_aggregate_name(std::string_view column);

// True for aggregates that describe spread or extremes rather than a typical value: std, stddev,
// stdev, variance, min, max, p90/p95/p99 as a word of the name. They are not samples of the
// metric they are about, so cross-table groups leave them out.
[[nodiscard]] bool is_spread_name(std::string_view column);

// The metric each column of `table` measures, in column order, for grouping across tables: the
// kind ("ttft") when the table has one column of that kind (spread aggregates not counted),
// "kind:leaf" when it has several, and the leaf name for columns of kind count or other, whose
// meaning is in the name. One pass over the table.
[[nodiscard]] std::vector<std::string> metric_names(const model::Table& table);

// Builds the row index. A row's key is its own dimension values, completed by those of the
// one-row tables of the same file that enclose it (the file-level scalars, or a JSON object whose
// pointer prefixes the table's); pairs are sorted by name. A row with no dimension gets
// {"directory", dir}; and when one key occurs in files of several directories, the directory is
// added to it, because then nothing else distinguishes those runs.
[[nodiscard]] RowIndex index_rows(const model::Corpus& corpus);

}  // namespace chimera::analyze
