#include "chimera/analyze/inventory.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace chimera::analyze {
namespace {

// The earliest and latest Unix time of the timestamp columns, when any holds a finite value.
bool data_time_range(const model::Corpus& corpus, model::Inventory& inv) {
  double first = std::numeric_limits<double>::infinity();
  double last = -std::numeric_limits<double>::infinity();
  for (const auto& table : corpus.tables) {
    for (const auto& column : table.columns) {
      if (column.role() != model::Role::timestamp) {
        continue;
      }
      for (const double v : column.numbers) {
        if (std::isfinite(v)) {
          first = std::min(first, v);
          last = std::max(last, v);
        }
      }
    }
  }
  if (first > last) {
    return false;
  }
  inv.data_first = static_cast<std::int64_t>(std::floor(first));
  inv.data_last = static_cast<std::int64_t>(std::floor(last));
  inv.time_range_source = "data timestamps";
  return true;
}

}  // namespace

model::Inventory take_inventory(const model::Corpus& corpus) {
  model::Inventory inv;
  std::set<std::string> directories;
  for (const auto& file : corpus.files) {
    ++inv.files_total;
    auto& totals = inv.by_kind[file.kind];
    ++totals.files;
    totals.bytes += file.bytes;
    totals.latest_modified =
        std::max(totals.latest_modified.value_or(file.modified), file.modified);
    const auto slash = file.path.rfind('/');
    directories.insert(slash == std::string::npos ? "." : file.path.substr(0, slash));
    if (file.skipped) {
      inv.skipped.emplace_back(file.path, file.skip_reason);
    }
  }
  inv.directories.assign(directories.begin(), directories.end());
  for (const auto& table : corpus.tables) {
    ++inv.tables;
    inv.rows += table.rows();
    inv.failed_rows += table.failed.count();
  }
  if (!data_time_range(corpus, inv) && !corpus.files.empty()) {
    const auto [first, last] =
        std::minmax_element(corpus.files.begin(), corpus.files.end(),
                            [](const auto& a, const auto& b) { return a.modified < b.modified; });
    inv.data_first = first->modified;
    inv.data_last = last->modified;
    inv.time_range_source = "file modification times";
  }
  return inv;
}

}  // namespace chimera::analyze
