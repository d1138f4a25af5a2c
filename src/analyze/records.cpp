#include "chimera/analyze/records.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "chimera/analyze/format.hpp"
#include "chimera/analyze/names.hpp"
#include "record_paths.hpp"

namespace chimera::analyze {
namespace {

using detail::Path;

// Leaves that name the array rather than the metric: "ttft_ms.samples" measures ttft_ms.
bool is_generic_leaf(const std::string& leaf) {
  static const std::set<std::string> k_generic{"samples", "values", "value",  "data",        "raw",
                                               "all",     "list",   "series", "measurements"};
  return k_generic.count(normalize_name(leaf)) != 0;
}

// Counts of runs or requests, and ids: bookkeeping, not measurements.
bool is_bookkeeping(const model::Column& c) {
  static const std::set<std::string> k_counts{"runs",
                                              "n",
                                              "n_runs",
                                              "num_runs",
                                              "run_count",
                                              "runs_count",
                                              "count",
                                              "samples",
                                              "sample_count",
                                              "num_samples",
                                              "n_samples",
                                              "total_requests",
                                              "requests",
                                              "num_requests",
                                              "iterations",
                                              "num_iterations",
                                              "repetitions",
                                              "total_runs",
                                              "successful_runs",
                                              "benchmark_data_count",
                                              "total_files_analyzed",
                                              "files",
                                              "num_files"};
  const std::string leaf = normalize_name(leaf_name(c.name()));
  if (leaf == "id" || leaf.ends_with("_id") || leaf.ends_with("_idx") || leaf == "index" ||
      leaf.ends_with("_index")) {
    return true;
  }
  return (c.kind() == model::MetricKind::count || c.kind() == model::MetricKind::other) &&
         k_counts.count(leaf) != 0;
}

bool is_measurement(const model::Column& c) {
  return c.role() == model::Role::metric && !is_spread_name(c.name()) &&
         !is_stated_not_measured(c.name()) && !is_bookkeeping(c);
}

// The arms of a wide record: the first `depth` segments of its metric columns' names when
// two or more prefixes measure the same things ("baseline.ttft_ms" beside "chimera.ttft_ms").
struct Arms {
  std::size_t depth = 0;       // 0: no arms
  std::vector<Path> prefixes;  // sorted
};

Arms find_arms(const model::Table& table) {
  for (std::size_t depth = 1; depth <= 3; ++depth) {
    std::map<Path, std::set<Path>> rests;
    for (const auto& c : table.columns) {
      if (c.role() != model::Role::metric) {
        continue;
      }
      Path parts = detail::split_dotted(c.name());
      if (parts.size() <= depth) {
        continue;
      }
      Path prefix(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(depth));
      rests[prefix].insert(Path(parts.begin() + static_cast<std::ptrdiff_t>(depth), parts.end()));
    }
    if (rests.size() < 2) {
      if (rests.size() == 1) {
        continue;  // one prefix: look one level deeper
      }
      return {};
    }
    std::set<Path> arms;
    for (auto a = rests.begin(); a != rests.end(); ++a) {
      for (auto b = std::next(a); b != rests.end(); ++b) {
        std::size_t shared = 0;
        for (const auto& rest : a->second) {
          shared += b->second.count(rest);
        }
        if (shared >= std::min<std::size_t>({2, a->second.size(), b->second.size()})) {
          arms.insert(a->first);
          arms.insert(b->first);
        }
      }
    }
    if (arms.size() >= 2) {
      return {depth, {arms.begin(), arms.end()}};
    }
    return {};
  }
  return {};
}

std::string joined(const Path& parts, char separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) {
      out.push_back(separator);
    }
    out += p;
  }
  return out;
}

// What one file's record sets need to know about the file's other tables.
struct FileTables {
  std::vector<std::uint32_t> tables;  // corpus indices, in corpus order
  std::vector<Path> holders;          // anchors of tables and arms that hold runs
};

struct Builder {
  const model::Corpus& corpus;
  std::vector<RecordSet> out;

  void series_of(RecordSet& set, std::uint32_t t, const Path& arm, bool summary_file) {
    const auto& table = corpus.tables[t];
    for (std::uint32_t c = 0; c < table.columns.size(); ++c) {
      const auto& column = table.columns[c];
      if (!is_measurement(column)) {
        continue;
      }
      Path parts = detail::split_dotted(column.name());
      if (!detail::starts_with(parts, arm)) {
        continue;
      }
      parts.erase(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(arm.size()));
      if (parts.empty()) {
        continue;
      }
      std::string name = parts.back();
      if (is_generic_leaf(name) && parts.size() >= 2) {
        name = parts[parts.size() - 2];
      }
      SeriesRef s;
      s.table = t;
      s.column = c;
      s.name = name;
      s.aggregate =
          summary_file || is_aggregate_name(name) || in_aggregate_container(joined(parts, '.'));
      set.series.push_back(std::move(s));
    }
  }

  // Settings of the table's own columns that reach the runs at `anchor`.
  void own_settings(RecordSet& set, std::uint32_t t, const Path& table_anchor, const Path& anchor,
                    const std::vector<Path>& holders) {
    const auto& table = corpus.tables[t];
    for (std::uint32_t c = 0; c < table.columns.size(); ++c) {
      const auto& column = table.columns[c];
      if (column.role() != model::Role::dimension) {
        continue;
      }
      Path path = table_anchor;
      const Path parts = detail::split_dotted(column.name());
      path.insert(path.end(), parts.begin(), parts.end());
      if (set.kind == model::FileKind::json && !detail::reaches(path, anchor, holders)) {
        continue;
      }
      SettingRef s;
      s.table = t;
      s.column = c;
      s.name = canonical_setting(column.name());
      s.depth = path.size();
      set.settings.push_back(std::move(s));
    }
  }

  // Settings of the records and scalars that enclose table `t` in its JSON file.
  void enclosing_settings(RecordSet& set, std::uint32_t t, const Path& anchor,
                          const FileTables& file) {
    const auto& table = corpus.tables[t];
    const Path own = detail::row_anchor(table);
    for (const std::uint32_t e : file.tables) {
      if (e == t) {
        continue;
      }
      const auto& outer = corpus.tables[e];
      const Path outer_anchor = detail::row_anchor(outer);
      const bool scalars = detail::is_scalars(outer);
      if (!scalars &&
          (outer_anchor.size() >= own.size() || !detail::starts_with(own, outer_anchor))) {
        continue;
      }
      std::shared_ptr<std::vector<std::uint32_t>> rows;
      if (!scalars) {
        // Each run's enclosing record, by the prefix of its JSON pointer.
        std::unordered_map<std::string, std::uint32_t> by_pointer;
        for (std::uint32_t r = 0; r < outer.rows(); ++r) {
          by_pointer.emplace(outer.row_pointers[r], r);
        }
        rows = std::make_shared<std::vector<std::uint32_t>>(table.rows(), k_no_row);
        for (std::uint32_t r = 0; r < table.rows() && r < table.row_pointers.size(); ++r) {
          const Path pointer = detail::split_pointer(table.row_pointers[r]);
          if (pointer.size() < outer_anchor.size()) {
            continue;
          }
          const Path head(pointer.begin(),
                          pointer.begin() + static_cast<std::ptrdiff_t>(outer_anchor.size()));
          if (const auto it = by_pointer.find("/" + joined(head, '/')); it != by_pointer.end()) {
            (*rows)[r] = it->second;
          }
        }
      }
      const std::size_t first = set.settings.size();
      own_settings(set, e, outer_anchor, anchor, file.holders);
      for (std::size_t i = first; i < set.settings.size(); ++i) {
        set.settings[i].one_row = scalars;
        set.settings[i].enclosing = rows;
      }
    }
  }

  void add(RecordSet set) {
    if (set.series.empty()) {
      return;
    }
    std::stable_sort(set.settings.begin(), set.settings.end(), [](const auto& a, const auto& b) {
      return a.name != b.name ? a.name < b.name : a.depth > b.depth;
    });
    out.push_back(std::move(set));
  }

  void table_sets(std::uint32_t file, std::uint32_t t, const FileTables& tables,
                  const std::map<std::uint32_t, Arms>& arms_of) {
    const auto& table = corpus.tables[t];
    const auto& entry = corpus.files[file];
    if (entry.kind != model::FileKind::markdown && detail::is_metrics_by_row(table)) {
      return;  // a comparison or summary with a row per metric: no runs
    }
    const bool summary_file = is_summary_file(entry.path);
    const Arms& arms = arms_of.at(t);
    const std::vector<Path> prefixes = arms.depth == 0 ? std::vector<Path>{Path{}} : arms.prefixes;
    const Path anchor = entry.kind == model::FileKind::json ? detail::row_anchor(table) : Path{};
    for (const auto& arm : prefixes) {
      RecordSet set;
      set.file = file;
      set.kind = entry.kind;
      set.arm = joined(arm, '.');
      set.tables = {t};
      if (entry.kind == model::FileKind::markdown) {
        set.location = make_location(entry.path, "",
                                     table.title.empty() ? table.locator.str() : table.title.str());
      } else {
        std::string pointer = table.locator.str();
        for (const auto& part : arm) {
          pointer += "/" + part;
        }
        set.location = make_location(entry.path, pointer, "");
      }
      series_of(set, t, arm, summary_file);
      Path arm_anchor = anchor;
      arm_anchor.insert(arm_anchor.end(), arm.begin(), arm.end());
      own_settings(set, t, anchor, arm_anchor, tables.holders);
      if (entry.kind == model::FileKind::json) {
        enclosing_settings(set, t, arm_anchor, tables);
      }
      add(std::move(set));
    }
  }

  // A JSON array of numbers: one column named like the array.
  [[nodiscard]] bool is_sample_array(const model::Table& table) const {
    if (table.columns.size() != 1 || detail::is_scalars(table) || table.locator.empty()) {
      return false;
    }
    const Path locator = detail::split_pointer(table.locator);
    return !locator.empty() && leaf_name(table.columns[0].name()) == locator.back();
  }

  void file_sets(std::uint32_t file, const std::vector<std::uint32_t>& tables) {
    const auto& entry = corpus.files[file];
    FileTables info;
    info.tables = tables;
    std::map<std::uint32_t, Arms> arms_of;
    for (const std::uint32_t t : tables) {
      const auto& table = corpus.tables[t];
      if (entry.kind == model::FileKind::markdown && table.locator == "scalars") {
        continue;  // bullets are documents, not runs
      }
      arms_of[t] = entry.kind == model::FileKind::json ? find_arms(table) : Arms{};
      if (entry.kind == model::FileKind::json) {
        const Path anchor = detail::row_anchor(table);
        if (!anchor.empty()) {
          info.holders.push_back(anchor);
        }
        for (const auto& arm : arms_of[t].prefixes) {
          Path held = anchor;
          held.insert(held.end(), arm.begin(), arm.end());
          info.holders.push_back(held);
        }
      }
    }
    const std::size_t first = out.size();
    RecordSet samples;
    samples.file = file;
    samples.kind = entry.kind;
    samples.samples = true;
    for (const auto& [t, arms] : arms_of) {
      if (entry.kind == model::FileKind::json && is_sample_array(corpus.tables[t])) {
        samples.tables.push_back(t);
        series_of(samples, t, {}, is_summary_file(entry.path));
        continue;
      }
      table_sets(file, t, info, arms_of);
    }
    if (!samples.series.empty()) {
      samples.location = make_location(entry.path, "/samples", "");
      // Settings reach the arrays as they reach the root's runs.
      enclosing_settings(samples, samples.tables.front(), {}, info);
      drop_echoes(samples, first);
      add(std::move(samples));
    }
  }

  // Sample arrays that repeat, value for value, a column of runs of the same kind in the file.
  void drop_echoes(RecordSet& samples, std::size_t first) {
    std::erase_if(samples.series, [&](const SeriesRef& s) {
      const auto& column = corpus.tables[s.table].columns[s.column];
      auto mine = column.numbers.to_vector();
      std::sort(mine.begin(), mine.end());
      for (std::size_t i = first; i < out.size(); ++i) {
        for (const auto& other : out[i].series) {
          const auto& c = corpus.tables[other.table].columns[other.column];
          if (c.kind() != column.kind() || c.numbers.size() != column.numbers.size()) {
            continue;
          }
          auto theirs = c.numbers.to_vector();
          std::sort(theirs.begin(), theirs.end());
          if (theirs == mine) {
            return true;
          }
        }
      }
      return false;
    });
  }
};

// The columns run_failed reads: the first measured throughput and generated-token counts.
void find_output_columns(const model::Corpus& corpus, RecordSet& set) {
  if (set.samples) {
    return;
  }
  for (const auto& s : set.series) {
    const auto kind = corpus.tables[s.table].columns[s.column].kind();
    if (s.aggregate) {
      continue;
    }
    if (kind == model::MetricKind::throughput && set.throughput_column == RecordSet::k_none) {
      set.throughput_column = s.column;
    }
    if (kind == model::MetricKind::tokens && set.tokens_column == RecordSet::k_none &&
        normalize_name(s.name).find("prompt") == std::string::npos) {
      set.tokens_column = s.column;
    }
  }
}

// Keys for the series of a set; two columns with one leaf ("a.ttft_ms", "b.ttft_ms") are told
// apart by their whole names.
void finish_series(const model::Corpus& corpus, RecordSet& set) {
  std::map<std::string, std::size_t> seen;
  for (auto& s : set.series) {
    s.key = normalize_name(s.name);
    ++seen[s.key];
  }
  for (auto& s : set.series) {
    if (seen[s.key] > 1) {
      s.name = corpus.tables[s.table].columns[s.column].name();
      s.key = normalize_name(s.name);
    }
  }
  std::stable_sort(set.series.begin(), set.series.end(),
                   [](const auto& a, const auto& b) { return a.key < b.key; });
  set.series.erase(std::unique(set.series.begin(), set.series.end(),
                               [](const auto& a, const auto& b) { return a.key == b.key; }),
                   set.series.end());
}

}  // namespace

std::vector<RecordSet> record_sets(const model::Corpus& corpus,
                                   const std::vector<bool>& duplicate) {
  std::unordered_map<std::string_view, std::uint32_t> file_index;
  for (std::uint32_t f = 0; f < corpus.files.size(); ++f) {
    file_index.emplace(corpus.files[f].path, f);
  }
  std::map<std::uint32_t, std::vector<std::uint32_t>> tables_of;
  for (std::uint32_t t = 0; t < corpus.tables.size(); ++t) {
    const auto it = file_index.find(std::string_view(corpus.tables[t].source));
    if (it != file_index.end() && !duplicate[it->second]) {
      tables_of[it->second].push_back(t);
    }
  }
  Builder builder{corpus, {}};
  std::map<std::string, std::vector<std::size_t>> by_directory;
  for (const auto& [file, tables] : tables_of) {
    const std::size_t first = builder.out.size();
    builder.file_sets(file, tables);
    for (std::size_t i = first; i < builder.out.size(); ++i) {
      by_directory[directory_of(corpus.files[file].path)].push_back(i);
    }
  }
  // Summary files beside the raw runs they summarise: the directory's raw kinds cover them.
  // Markdown tables are left whole: the documents' numbers are checked against the data.
  for (const auto& [dir, sets] : by_directory) {
    std::set<model::MetricKind> raw;
    for (const auto i : sets) {
      if (builder.out[i].kind == model::FileKind::markdown) {
        continue;
      }
      for (const auto& s : builder.out[i].series) {
        if (!s.aggregate) {
          raw.insert(corpus.tables[s.table].columns[s.column].kind());
        }
      }
    }
    for (const auto i : sets) {
      if (builder.out[i].kind == model::FileKind::markdown) {
        continue;
      }
      std::erase_if(builder.out[i].series, [&](const SeriesRef& s) {
        return s.aggregate && raw.count(corpus.tables[s.table].columns[s.column].kind()) != 0;
      });
    }
  }
  std::vector<RecordSet> out;
  out.reserve(builder.out.size());
  for (auto& set : builder.out) {
    if (!set.series.empty()) {
      finish_series(corpus, set);
      find_output_columns(corpus, set);
      out.push_back(std::move(set));
    }
  }
  return out;
}

}  // namespace chimera::analyze
