#include "chimera/analyze/inventory.hpp"

#include <algorithm>
#include <set>

namespace chimera::analyze {

model::Inventory take_inventory(const model::Corpus& corpus) {
  model::Inventory inv;
  std::set<std::string> directories;
  for (const auto& file : corpus.files) {
    ++inv.files_total;
    auto& totals = inv.by_kind[file.kind];
    ++totals.files;
    totals.bytes += file.bytes;
    totals.latest_modified = std::max(totals.latest_modified.value_or(file.modified), file.modified);
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
    inv.failed_rows += static_cast<std::size_t>(std::count(table.failed.begin(), table.failed.end(), true));
  }
  if (!corpus.files.empty()) {
    const auto [first, last] = std::minmax_element(
        corpus.files.begin(), corpus.files.end(),
        [](const auto& a, const auto& b) { return a.modified < b.modified; });
    inv.data_first = first->modified;
    inv.data_last = last->modified;
    inv.time_range_source = "file modification times";
  }
  return inv;
}

}  // namespace chimera::analyze
