#include "chimera/analyze/rows.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "chimera/analyze/format.hpp"

namespace chimera::analyze {
namespace {

bool encloses(const model::Table& outer, const model::Table& inner) {
  if (&outer == &inner || outer.source != inner.source || outer.rows() != 1) {
    return false;
  }
  const std::string_view loc = outer.locator;
  if (loc.empty() || loc == "/" || loc == "scalars") {
    return true;
  }
  const std::string_view locator = inner.locator;
  return locator.size() > loc.size() && locator.starts_with(loc) && locator[loc.size()] == '/';
}

// The nearest enclosing table (longest locator) wins, so sort the candidates by it.
std::vector<const model::Table*> enclosing_tables(const std::vector<const model::Table*>& same_file,
                                                  const model::Table& table) {
  std::vector<const model::Table*> out;
  for (const auto* other : same_file) {
    if (encloses(*other, table)) {
      out.push_back(other);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return a->locator.size() > b->locator.size();
  });
  return out;
}

void add_dimensions(const model::Table& table, std::size_t row,
                    std::map<std::string, std::string>& key) {
  for (const auto& column : table.columns) {
    if (column.role() != model::Role::dimension) {
      continue;
    }
    std::string value;
    if (row < column.numbers.size() && std::isfinite(column.numbers[row])) {
      value = format_dimension(column.numbers[row]);
    } else if (row < column.texts.size()) {
      value = column.texts[row];
    }
    if (!value.empty()) {
      key.emplace(leaf_name(column.name()), value);  // an existing (nearer) value wins
    }
  }
}

// Whether a word of `name` (split at anything but letters and digits) is one of `words`,
// ignoring case. Called for every column of every table: no allocation.
template <std::size_t N>
bool has_word(std::string_view name, const std::array<std::string_view, N>& words) {
  std::size_t start = 0;
  while (start < name.size()) {
    while (start < name.size() && std::isalnum(static_cast<unsigned char>(name[start])) == 0) {
      ++start;
    }
    std::size_t end = start;
    while (end < name.size() && std::isalnum(static_cast<unsigned char>(name[end])) != 0) {
      ++end;
    }
    const std::string_view word = name.substr(start, end - start);
    for (const auto candidate : words) {
      if (candidate.size() == word.size() &&
          std::equal(word.begin(), word.end(), candidate.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == b;
          })) {
        return true;
      }
    }
    start = end;
  }
  return false;
}

std::string_view leaf_view(std::string_view column) {
  const auto cut = column.find_last_of("./");
  return cut == std::string_view::npos ? column : column.substr(cut + 1);
}

}  // namespace

std::string leaf_name(std::string_view column) { return std::string(leaf_view(column)); }

std::string directory_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? "." : std::string(path.substr(0, slash));
}

bool is_aggregate_name(std::string_view column) {
  static constexpr std::array<std::string_view, 13> k_words{
      "mean", "average", "avg", "median", "std", "stddev", "stdev",
      "p50",  "p90",     "p95", "p99",    "min", "max"};
  return has_word(leaf_view(column), k_words);
}

bool is_spread_name(std::string_view column) {
  static constexpr std::array<std::string_view, 10> k_words{
      "std", "stddev", "stdev", "variance", "var", "min", "max", "p90", "p95", "p99"};
  return has_word(leaf_view(column), k_words);
}

std::vector<std::string> metric_names(const model::Table& table) {
  // Counted once per table: a Markdown file's scalars can have hundreds of metric columns.
  std::map<model::MetricKind, std::size_t> same_kind;
  for (const auto& c : table.columns) {
    if (c.role() == model::Role::metric && !is_spread_name(c.name())) {
      ++same_kind[c.kind()];
    }
  }
  std::vector<std::string> names;
  names.reserve(table.columns.size());
  for (const auto& c : table.columns) {
    if (c.kind() == model::MetricKind::count || c.kind() == model::MetricKind::other ||
        c.kind() == model::MetricKind::none) {
      names.push_back(leaf_name(c.name()));
      continue;
    }
    const std::string kind(model::to_string(c.kind()));
    names.push_back(same_kind[c.kind()] > 1 ? kind + ":" + leaf_name(c.name()) : kind);
  }
  return names;
}

RowIndex index_rows(const model::Corpus& corpus) {
  RowIndex index;
  std::map<std::string, std::string> first_with_hash;
  std::set<std::string> duplicate_files;
  for (const auto& file : corpus.files) {
    if (file.content_hash.empty()) {
      continue;
    }
    if (!first_with_hash.emplace(file.content_hash, file.path).second) {
      duplicate_files.insert(file.path);
    }
  }
  std::map<std::string, std::vector<const model::Table*>> tables_of;
  for (const auto& table : corpus.tables) {
    tables_of[table.source].push_back(&table);
  }
  // First the raw dimension values of every row, so that dimensions every row shares (one
  // model, one GPU, one benchmark name) can be left out: they tell no configuration apart and
  // would only make two files that describe the same configuration look different. Keys are
  // interned as they come: a map of strings per row took gigabytes on a large sweep.
  using RawKey = std::map<std::string, std::string>;
  std::map<RawKey, std::uint32_t> raw_ids;
  std::vector<const RawKey*> raw_keys;  // by id; map nodes do not move
  std::vector<bool> counted;            // its values are in values_of
  std::vector<std::vector<std::uint32_t>> raw(corpus.tables.size());
  std::map<std::string, std::set<std::string>> values_of;
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    const auto& table = corpus.tables[t];
    const bool duplicate = duplicate_files.count(table.source) != 0;
    index.duplicate.push_back(duplicate);
    const auto enclosing = enclosing_tables(tables_of[table.source], table);
    raw[t].reserve(table.rows());
    for (std::size_t row = 0; row < table.rows(); ++row) {
      RawKey key;
      add_dimensions(table, row, key);
      for (const auto* outer : enclosing) {
        add_dimensions(*outer, 0, key);
      }
      const auto [it, added] =
          raw_ids.try_emplace(std::move(key), static_cast<std::uint32_t>(raw_keys.size()));
      if (added) {
        raw_keys.push_back(&it->first);
        counted.push_back(false);
      }
      raw[t].push_back(it->second);
      if (!duplicate && !counted[it->second]) {
        for (const auto& [name, value] : it->first) {
          values_of[name].insert(value);
        }
        counted[it->second] = true;
      }
    }
  }
  std::set<std::string> constant;
  for (const auto& [name, values] : values_of) {
    if (values.size() == 1) {
      constant.insert(name);
    }
  }
  if (constant.size() == values_of.size()) {
    constant.clear();  // a single configuration: keep its description
  }
  for (const auto& name : constant) {
    index.shared.emplace_back(name, *values_of[name].begin());
  }
  const auto reduced = [&](std::uint32_t id, const std::string& dir) {
    RawKey key = *raw_keys[id];
    std::erase_if(key, [&](const auto& kv) { return constant.count(kv.first) != 0; });
    if (key.empty()) {
      key.emplace("directory", dir);
    }
    return model::GroupKey(key.begin(), key.end());
  };
  std::map<model::GroupKey, std::set<std::string>> key_directories;
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    if (index.duplicate[t]) {
      continue;
    }
    const std::string dir = directory_of(corpus.tables[t].source);
    for (const auto id : std::set<std::uint32_t>(raw[t].begin(), raw[t].end())) {
      key_directories[reduced(id, dir)].insert(dir);
    }
  }
  auto distinct = std::make_shared<std::vector<model::GroupKey>>();
  std::map<model::GroupKey, std::uint32_t> final_ids;
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    const std::string dir = directory_of(corpus.tables[t].source);
    std::map<std::uint32_t, std::uint32_t> of_raw;
    TableKeys keys{distinct, {}};
    keys.ids.reserve(raw[t].size());
    for (const auto id : raw[t]) {
      auto found = of_raw.find(id);
      if (found == of_raw.end()) {
        auto key = reduced(id, dir);
        const auto it = key_directories.find(key);
        const bool has_directory = std::any_of(
            key.begin(), key.end(), [](const auto& kv) { return kv.first == "directory"; });
        if (it != key_directories.end() && it->second.size() > 1 && !has_directory) {
          key.emplace_back("directory", dir);
          std::sort(key.begin(), key.end());
        }
        const auto [at, added] =
            final_ids.try_emplace(std::move(key), static_cast<std::uint32_t>(distinct->size()));
        if (added) {
          distinct->push_back(at->first);
        }
        found = of_raw.emplace(id, at->second).first;
      }
      keys.ids.push_back(found->second);
    }
    index.keys.push_back(std::move(keys));
  }
  return index;
}

}  // namespace chimera::analyze
