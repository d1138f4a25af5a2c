#include "chimera/analyze/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "chimera/analyze/stats.hpp"

namespace chimera::analyze {
namespace {

std::optional<double> as_number(const std::string& text) {
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) {
    return std::nullopt;
  }
  return value;
}

bool value_less(const std::string& a, const std::string& b) {
  const auto x = as_number(a);
  const auto y = as_number(b);
  if (x && y && *x != *y) {
    return *x < *y;
  }
  if (x.has_value() != y.has_value()) {
    return x.has_value();
  }
  return a < b;
}

struct Series {
  std::vector<double> values;
  bool aggregate = false;
};

struct Accumulator {
  model::MetricKind kind = model::MetricKind::other;
  model::Direction direction = model::Direction::none;
  std::map<std::string, std::vector<Series>> by_source;
};

using GroupId = std::tuple<std::string, std::string, model::GroupKey>;  // metric, unit, key

std::vector<double> merge_sources(const Accumulator& acc, std::vector<std::string>& sources) {
  std::vector<double> values;
  for (const auto& [source, series] : acc.by_source) {
    const bool has_raw =
        std::any_of(series.begin(), series.end(), [](const Series& s) { return !s.aggregate; });
    std::vector<std::vector<double>> seen;
    for (const auto& s : series) {
      if (has_raw && s.aggregate) {
        continue;
      }
      auto sorted = s.values;
      std::sort(sorted.begin(), sorted.end());
      if (std::find(seen.begin(), seen.end(), sorted) != seen.end()) {
        continue;
      }
      seen.push_back(sorted);
      values.insert(values.end(), sorted.begin(), sorted.end());
    }
    sources.push_back(source);
  }
  std::sort(values.begin(), values.end());
  return values;
}

}  // namespace

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

std::vector<model::MetricStats> table_metrics(const model::Corpus& corpus) {
  std::vector<model::MetricStats> out;
  for (const auto& table : corpus.tables) {
    const auto failed = table.failed.count();
    for (const auto& column : table.columns) {
      if (column.role() != model::Role::metric ||
          std::none_of(column.numbers.begin(), column.numbers.end(),
                       [](double v) { return std::isfinite(v); })) {
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
      stats.summary = summarize(ok_values(table, column));
      out.push_back(std::move(stats));
    }
  }
  return out;
}

bool key_less(const model::GroupKey& a, const model::GroupKey& b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i].first != b[i].first) {
      return a[i].first < b[i].first;
    }
    if (a[i].second != b[i].second) {
      return value_less(a[i].second, b[i].second);
    }
  }
  return a.size() < b.size();
}

std::vector<model::GroupStats> group_metrics(const model::Corpus& corpus, const RowIndex& index) {
  std::map<GroupId, Accumulator> groups;
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    if (index.duplicate[t]) {
      continue;
    }
    const auto& table = corpus.tables[t];
    const auto metrics = metric_names(table);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const auto& column = table.columns[c];
      if (column.role() != model::Role::metric || is_spread_name(column.name())) {
        continue;
      }
      // By key id: equal ids are equal keys, and comparing ids is cheap for millions of rows.
      std::map<std::uint32_t, std::vector<double>> by_key;
      for (std::size_t row = 0; row < column.numbers.size() && row < table.rows(); ++row) {
        if (!table.failed[row] && std::isfinite(column.numbers[row])) {
          by_key[index.keys[t].ids[row]].push_back(column.numbers[row]);
        }
      }
      const std::string& metric = metrics[c];
      for (auto& [id, values] : by_key) {
        const auto& key = (*index.keys[t].distinct)[id];
        auto& acc = groups[{metric, column.unit(), key}];
        acc.kind = column.kind();
        acc.direction = column.direction();
        acc.by_source[table.source].push_back(
            {std::move(values), is_aggregate_name(column.name())});
      }
    }
  }
  std::vector<model::GroupStats> out;
  for (const auto& [id, acc] : groups) {
    model::GroupStats g;
    g.metric = std::get<0>(id);
    g.unit = std::get<1>(id);
    g.group = std::get<2>(id);
    g.kind = acc.kind;
    g.direction = acc.direction;
    g.samples = merge_sources(acc, g.sources);
    g.summary = summarize(g.samples);
    out.push_back(std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.kind != b.kind) {
      return a.kind < b.kind;
    }
    if (a.metric != b.metric) {
      return a.metric < b.metric;
    }
    if (a.unit != b.unit) {
      return a.unit < b.unit;
    }
    return key_less(a.group, b.group);
  });
  return out;
}

}  // namespace chimera::analyze
