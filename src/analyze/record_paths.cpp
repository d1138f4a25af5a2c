#include "record_paths.hpp"

#include "chimera/ingest/names.hpp"

namespace chimera::analyze::detail {

Path split_pointer(std::string_view pointer) {
  Path out;
  std::size_t start = 0;
  while (start < pointer.size()) {
    std::size_t slash = pointer.find('/', start);
    slash = slash == std::string_view::npos ? pointer.size() : slash;
    if (slash > start) {
      out.emplace_back(pointer.substr(start, slash - start));
    }
    start = slash + 1;
  }
  return out;
}

Path split_dotted(std::string_view name) {
  Path out;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t dot = name.find('.', start);
    dot = dot == std::string_view::npos ? name.size() : dot;
    out.emplace_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  return out;
}

bool is_scalars(const model::Table& table) {
  return table.rows() == 1 && (table.row_pointers.empty() || table.row_pointers[0].empty());
}

Path row_anchor(const model::Table& table) {
  if (is_scalars(table)) {
    return {};
  }
  Path out = split_pointer(table.locator);
  out.emplace_back("*");
  return out;
}

bool is_metrics_by_row(const model::Table& table) {
  constexpr std::size_t k_max_rows = 200;  // such tables are short; a long one is runs
  if (table.rows() < 2 || table.rows() > k_max_rows) {
    return false;
  }
  for (const auto& c : table.columns) {
    if (c.role() == model::Role::metric && model::is_raw_measurement(c.kind())) {
      return false;  // a column that measures: its rows are runs
    }
  }
  for (const auto& c : table.columns) {
    if (c.texts.size() != table.rows()) {
      continue;
    }
    std::size_t named = 0;
    std::size_t filled = 0;
    for (std::size_t r = 0; r < table.rows(); ++r) {
      const std::string_view text = c.texts[r];
      if (text.empty()) {
        continue;
      }
      ++filled;
      const auto info = ingest::classify_name(text);
      named += (!info.dimension && model::is_raw_measurement(info.kind)) ? 1U : 0U;
    }
    if (named >= 2 && 2 * named >= filled) {
      return true;
    }
  }
  return false;
}

bool starts_with(const Path& path, const Path& prefix) {
  if (prefix.size() > path.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (path[i] != prefix[i]) {
      return false;
    }
  }
  return true;
}

bool reaches(const Path& setting, const Path& anchor, const std::vector<Path>& holders) {
  std::size_t i = 0;
  while (i < setting.size() && i < anchor.size() && setting[i] == anchor[i]) {
    ++i;
  }
  if (i + 1 >= setting.size()) {
    return true;  // a member of an object that encloses the runs
  }
  const Path branch(setting.begin(), setting.begin() + static_cast<std::ptrdiff_t>(i + 1));
  for (const auto& holder : holders) {
    if (starts_with(holder, branch)) {
      return false;
    }
  }
  return true;
}

}  // namespace chimera::analyze::detail
