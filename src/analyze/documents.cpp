#include "chimera/analyze/documents.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "chimera/analyze/names.hpp"

namespace chimera::analyze {
namespace {

constexpr std::size_t k_corpus_wide_values = 300'000;
constexpr int k_max_decimals = 6;

// The decimals a number was written with, as far as its shortest round-trip text tells.
int decimals_of(double value) {
  const std::string text = fmt::format("{}", value);
  if (text.find('e') != std::string::npos) {
    return k_max_decimals;
  }
  const auto dot = text.find('.');
  return dot == std::string::npos
             ? 0
             : std::min<int>(k_max_decimals, static_cast<int>(text.size() - dot - 1));
}

int significant_digits(double value) {
  const std::string text = fmt::format("{}", std::fabs(value));
  int digits = 0;
  bool leading = true;
  for (const char c : text) {
    if (c == 'e') {
      break;
    }
    if (c >= '1' && c <= '9') {
      leading = false;
    }
    if (c >= '0' && c <= '9' && !leading) {
      ++digits;
    }
  }
  return digits;
}

struct Key {
  std::uint8_t kind = 0;
  std::uint8_t decimals = 0;
  std::int64_t scaled = 0;
  bool operator==(const Key&) const = default;
};

struct KeyHash {
  std::size_t operator()(const Key& k) const {
    return std::hash<std::int64_t>{}(k.scaled * 31 + k.kind * 7 + k.decimals);
  }
};

bool scaled(double value, int decimals, std::int64_t& out) {
  const double x = value * std::pow(10.0, decimals);
  if (!std::isfinite(x) || std::fabs(x) > 9e17) {
    return false;
  }
  out = std::llround(x);
  return true;
}

// One number of a document table: cell `cell` of a distinct row.
struct Claim {
  std::uint32_t group = 0;  // index into the distinct rows
  std::uint32_t cell = 0;   // position within the row
};

// A distinct row of numbers: reports repeat whole tables (every section of a sweep's reports
// has the same layout, and generated reports copy sections), and each content is looked for once.
struct RowGroup {
  std::uint32_t cells = 0;
  bool lone_precise = false;  // one number with 4+ significant digits
  bool restated = false;
};

// Numbers a document states without saying what they measure ("Baseline" beside "Chimera" in
// a Metric column's rows) are matched against measurements of any kind.
constexpr model::MetricKind k_any = model::MetricKind::other;

model::MetricKind claim_kind(model::MetricKind kind) {
  return model::is_raw_measurement(kind) ? kind : k_any;
}

struct Search {
  std::vector<RowGroup> groups;
  std::vector<std::pair<std::size_t, std::uint32_t>> rows;  // (verdict table, group) per row
  std::unordered_map<std::string, std::uint32_t> group_of;  // by the row's kinds and values
  std::unordered_map<Key, std::vector<Claim>, KeyHash> claims;
  std::vector<std::set<int>> decimals_by_kind = std::vector<std::set<int>>(32);

  void add(std::uint32_t group, std::uint32_t cell, model::MetricKind kind, double value) {
    kind = claim_kind(kind);
    const int d = decimals_of(value);
    Key key{static_cast<std::uint8_t>(kind), static_cast<std::uint8_t>(d), 0};
    if (!scaled(value, d, key.scaled)) {
      return;
    }
    claims[key].push_back({group, cell});
    decimals_by_kind[static_cast<std::size_t>(kind) % 32].insert(d);
  }

  // The claims a measured value equals, at each precision documents write its kind with.
  template <class Visit>
  void match(model::MetricKind kind, double value, Visit visit) const {
    match_kind(kind, value, visit);
    if (claim_kind(kind) != k_any) {
      match_kind(k_any, value, visit);
    }
  }

  template <class Visit>
  void match_kind(model::MetricKind kind, double value, Visit visit) const {
    for (const int d : decimals_by_kind[static_cast<std::size_t>(kind) % 32]) {
      Key key{static_cast<std::uint8_t>(kind), static_cast<std::uint8_t>(d), 0};
      if (!scaled(value, d, key.scaled)) {
        continue;
      }
      if (const auto it = claims.find(key); it != claims.end()) {
        for (const auto& claim : it->second) {
          visit(claim);
        }
      }
    }
  }

  // Hits of one measured row (or configuration): rows of documents with two numbers found in
  // it, or their only precise one, are restated.
  void settle(std::vector<Claim>& hits) {
    if (hits.size() > 1) {
      std::sort(hits.begin(), hits.end(), [](const Claim& a, const Claim& b) {
        return a.group != b.group ? a.group < b.group : a.cell < b.cell;
      });
    }
    for (std::size_t i = 0; i < hits.size();) {
      std::size_t j = i;
      std::size_t cells = 0;
      while (j < hits.size() && hits[j].group == hits[i].group) {
        cells += j == i || hits[j].cell != hits[j - 1].cell ? 1U : 0U;
        ++j;
      }
      RowGroup& group = groups[hits[i].group];
      if (cells >= 2 || (group.cells == 1 && group.lone_precise)) {
        group.restated = true;
      }
      i = j;
    }
    hits.clear();
  }
};

std::string scope_of(std::string_view document) {
  const std::string dir = directory_of(document);
  return dir == "." ? "" : directory_of(dir) == "." ? "" : directory_of(dir) + "/";
}

void decide(DocumentVerdicts& verdicts, const Search& search) {
  std::vector<std::size_t> restated(verdicts.tables.size(), 0);
  std::vector<std::size_t> rows(verdicts.tables.size(), 0);
  for (const auto& [table, group] : search.rows) {
    ++rows[table];
    restated[table] += search.groups[group].restated ? 1U : 0U;
  }
  for (std::size_t t = 0; t < verdicts.tables.size(); ++t) {
    auto& table = verdicts.tables[t];
    if (table.use == model::DocumentUse::unverified && rows[t] > 0 && restated[t] * 2 >= rows[t]) {
      table.use = model::DocumentUse::restates;
    }
  }
}

// Numbers found, for the tables this search looked at.
void count_matched(DocumentVerdicts& verdicts, const Search& search) {
  std::vector<bool> searched(verdicts.tables.size(), false);
  std::vector<std::size_t> matched(verdicts.tables.size(), 0);
  for (const auto& [table, group] : search.rows) {
    searched[table] = true;
    matched[table] += search.groups[group].restated ? search.groups[group].cells : 0;
  }
  for (std::size_t t = 0; t < verdicts.tables.size(); ++t) {
    if (searched[t]) {
      verdicts.tables[t].matched = matched[t];
    }
  }
}

// The claims of the document tables still in question.
Search claims_of(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
                 const DocumentVerdicts& verdicts) {
  Search search;
  for (std::size_t t = 0; t < verdicts.tables.size(); ++t) {
    if (verdicts.tables[t].use != model::DocumentUse::unverified) {
      continue;
    }
    const auto& set = sets[verdicts.set_of[t]];
    const auto& table = corpus.tables[set.tables.front()];
    std::string content;
    std::vector<std::pair<model::MetricKind, double>> cells;
    for (std::size_t r = 0; r < table.rows(); ++r) {
      content.clear();
      cells.clear();
      for (const auto& s : set.series) {
        const auto& column = table.columns[s.column];
        const double v = r < column.numbers.size() ? column.numbers[r]
                                                   : std::numeric_limits<double>::quiet_NaN();
        if (std::isfinite(v)) {
          cells.emplace_back(column.kind(), v);
          content.push_back(static_cast<char>(column.kind()));
          content.append(reinterpret_cast<const char*>(&v), sizeof v);
        }
      }
      if (cells.empty()) {
        continue;
      }
      const auto [it, added] =
          search.group_of.try_emplace(content, static_cast<std::uint32_t>(search.groups.size()));
      if (added) {
        RowGroup group;
        group.cells = static_cast<std::uint32_t>(cells.size());
        group.lone_precise = significant_digits(cells.back().second) >= 4;
        search.groups.push_back(group);
        for (std::uint32_t c = 0; c < cells.size(); ++c) {
          search.add(it->second, c, cells[c].first, cells[c].second);
        }
      }
      search.rows.emplace_back(t, it->second);
    }
  }
  return search;
}

}  // namespace

DocumentVerdicts classify_documents(const model::Corpus& corpus,
                                    const std::vector<RecordSet>& sets) {
  DocumentVerdicts verdicts;
  std::size_t measured_values = 0;
  for (const auto& set : sets) {
    if (set.kind != model::FileKind::markdown) {
      for (const auto t : set.tables) {
        measured_values += corpus.tables[t].rows() * set.series.size();
      }
    }
  }
  const bool corpus_wide = measured_values <= k_corpus_wide_values;
  // The raw kinds measured under each directory ("" the root, else "dir/"), for every directory
  // that holds CSV or JSON data somewhere below it.
  std::unordered_map<std::string, std::set<model::MetricKind>> kinds_under;
  for (const auto& set : sets) {
    if (set.kind == model::FileKind::markdown) {
      continue;
    }
    std::set<model::MetricKind> measured;
    for (const auto& s : set.series) {
      measured.insert(corpus.tables[s.table].columns[s.column].kind());
    }
    const std::string& path = corpus.files[set.file].path;
    for (std::size_t slash = 0;; ++slash) {
      const std::string prefix = slash == 0 ? "" : path.substr(0, slash);
      kinds_under[prefix].insert(measured.begin(), measured.end());
      slash = path.find('/', slash);
      if (slash == std::string::npos) {
        break;
      }
    }
  }
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const auto& set = sets[i];
    if (set.kind != model::FileKind::markdown) {
      continue;
    }
    const auto& table = corpus.tables[set.tables.front()];
    model::DocumentTable doc;
    doc.source = table.source;
    doc.locator = table.locator;
    doc.title = table.title;
    doc.use = model::DocumentUse::measurement;
    // Raw kinds the document measures, and whether CSV or JSON files near it measure any of
    // them. A table of numbers of no known kind is never a measurement of its own.
    std::set<model::MetricKind> kinds;
    for (const auto& s : set.series) {
      const auto& column = table.columns[s.column];
      if (model::is_raw_measurement(column.kind())) {
        kinds.insert(column.kind());
      }
      for (std::size_t r = 0; r < column.numbers.size(); ++r) {
        doc.values += std::isfinite(column.numbers[r]) ? 1U : 0U;
      }
    }
    const std::string scope = corpus_wide ? "" : scope_of(corpus.files[set.file].path);
    const auto near = kinds_under.find(scope);
    const bool data_near = near != kinds_under.end();
    if (data_near && std::any_of(kinds.begin(), kinds.end(),
                                 [&](model::MetricKind k) { return near->second.count(k) != 0; })) {
      doc.use = model::DocumentUse::unverified;
    }
    if (kinds.empty()) {
      doc.use = data_near ? model::DocumentUse::unverified : model::DocumentUse::no_metrics;
    }
    if (doc.values == 0) {
      doc.use = model::DocumentUse::no_metrics;
    }
    verdicts.tables.push_back(std::move(doc));
    verdicts.set_of.push_back(i);
  }
  Search search = claims_of(corpus, sets, verdicts);
  if (search.claims.empty()) {
    return verdicts;
  }
  // Every measured row in reach of a document, once: row-level matches need a row's numbers
  // together. Documents far from the data (a large corpus) search only their own scope.
  std::set<std::string> scopes;
  for (std::size_t t = 0; t < verdicts.tables.size(); ++t) {
    if (verdicts.tables[t].use == model::DocumentUse::unverified) {
      scopes.insert(corpus_wide ? "" : scope_of(verdicts.tables[t].source));
    }
  }
  // A measured row is a table's row, all of its arms and aggregates together: a document's row
  // often sets a baseline's number beside a candidate's, or restates a file's own means.
  std::set<std::uint32_t> data_files;
  for (const auto& set : sets) {
    if (set.kind != model::FileKind::markdown) {
      data_files.insert(set.file);
    }
  }
  std::unordered_map<std::string_view, std::uint32_t> file_of;
  for (const auto f : data_files) {
    file_of.emplace(corpus.files[f].path, f);
  }
  std::map<std::uint32_t, std::vector<std::uint32_t>> columns_of;
  for (std::uint32_t t = 0; t < corpus.tables.size(); ++t) {
    const auto& table = corpus.tables[t];
    const auto it = file_of.find(std::string_view(table.source));
    if (it == file_of.end() ||
        std::none_of(scopes.begin(), scopes.end(),
                     [&](const std::string& s) { return it->first.starts_with(s); })) {
      continue;
    }
    for (std::uint32_t c = 0; c < table.columns.size(); ++c) {
      if (table.columns[c].role() == model::Role::metric) {
        columns_of[t].push_back(c);
      }
    }
  }
  std::vector<Claim> hits;
  for (const auto& [t, columns] : columns_of) {
    const auto& table = corpus.tables[t];
    for (std::size_t r = 0; r < table.rows(); ++r) {
      for (const auto c : columns) {
        const auto& column = table.columns[c];
        const double v = r < column.numbers.size() ? column.numbers[r]
                                                   : std::numeric_limits<double>::quiet_NaN();
        if (std::isfinite(v)) {
          search.match(column.kind(), v, [&](const Claim& claim) { hits.push_back(claim); });
        }
      }
      search.settle(hits);
    }
  }
  decide(verdicts, search);
  count_matched(verdicts, search);
  return verdicts;
}

void recheck_against_statistics(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
                                const std::vector<model::Experiment>& experiments,
                                DocumentVerdicts& verdicts) {
  Search search = claims_of(corpus, sets, verdicts);
  if (search.claims.empty()) {
    return;
  }
  std::vector<Claim> hits;
  for (const auto& e : experiments) {
    for (const auto& config : e.configurations) {
      for (const auto& cm : config.metrics) {
        const auto kind = e.metrics[cm.metric].kind;
        const auto& s = cm.summary;
        for (const double v : {s.mean, s.median, s.min, s.max, s.p05, s.p95}) {
          search.match(kind, v, [&](const Claim& c) { hits.push_back(c); });
        }
      }
      search.settle(hits);
    }
  }
  decide(verdicts, search);
  count_matched(verdicts, search);
}

}  // namespace chimera::analyze
