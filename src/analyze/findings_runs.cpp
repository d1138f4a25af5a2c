#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "chimera/analyze/findings.hpp"
#include "chimera/analyze/format.hpp"

namespace chimera::analyze {
namespace {

constexpr std::size_t k_interval_min_n = 6;

void failed_runs(const model::Corpus& corpus, const RowIndex& index,
                 std::vector<model::Finding>& out) {
  std::map<std::string, std::vector<std::string>> by_reason;
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    const auto& table = corpus.tables[t];
    if (index.duplicate[t]) {
      continue;
    }
    for (std::size_t row = 0; row < table.rows(); ++row) {
      if (table.failed[row]) {
        const std::string_view reason =
            row < table.failure_reason.size() && !table.failure_reason[row].empty()
                ? table.failure_reason[row]
                : "no error message";
        by_reason[std::string(reason)].push_back(table.row_location(row));
      }
    }
  }
  for (auto& [reason, rows] : by_reason) {
    model::Finding f;
    f.id = "failed-run";
    f.count = rows.size();
    f.severity = model::Severity::warning;
    f.message = std::to_string(rows.size());
    f.message += rows.size() > 1 ? " failed runs (" : " failed run (";
    f.message += reason;
    f.message += ") excluded from statistics; fix the cause and re-run ";
    f.message += rows.size() > 1 ? "them" : "it";
    f.evidence = capped(std::move(rows));
    out.push_back(std::move(f));
  }
}

// The metric values of a row, missing ones as -infinity so that rows compare (NaN is unordered);
// a row qualifies when it has two or more finite values.
std::vector<double> metric_values(const model::Table& table, std::size_t row) {
  std::vector<double> values;
  for (const auto& c : table.columns) {
    if (c.role() == model::Role::metric && row < c.numbers.size()) {
      const double v = c.numbers[row];
      values.push_back(std::isnan(v) ? -std::numeric_limits<double>::infinity() : v);
    }
  }
  const auto finite =
      std::count_if(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
  return finite >= 2 ? values : std::vector<double>{};
}

void duplicate_rows(const model::Corpus& corpus, const RowIndex& index,
                    std::vector<model::Finding>& out) {
  std::vector<std::string> evidence;
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    const auto& table = corpus.tables[t];
    if (index.duplicate[t]) {
      continue;
    }
    // A map finds the first earlier row with the same key and values in n log n, not n^2.
    std::map<std::pair<std::uint32_t, std::vector<double>>, std::size_t> first_row;
    for (std::size_t r = 0; r < table.rows(); ++r) {
      auto values = metric_values(table, r);
      if (values.empty()) {
        continue;
      }
      const auto [it, inserted] =
          first_row.emplace(std::pair{index.keys[t].ids[r], std::move(values)}, r);
      if (!inserted) {
        evidence.push_back(table.row_location(r) + " repeats " + table.row_location(it->second));
      }
    }
  }
  if (!evidence.empty()) {
    model::Finding f;
    f.id = "duplicate-rows";
    const std::size_t count = evidence.size();
    f.count = count;
    f.severity = model::Severity::warning;
    f.message = std::to_string(count) + " row" + (count > 1 ? "s repeat" : " repeats") +
                " an earlier row's configuration and every metric value; remove the copies or "
                "confirm they are distinct runs";
    f.evidence = capped(std::move(evidence));
    out.push_back(std::move(f));
  }
}

const model::Column* sample_count_column(const model::Table& table) {
  static const std::set<std::string> k_names{
      "runs", "n", "n_runs", "num_runs", "samples", "sample_count", "iterations", "repetitions"};
  for (const auto& c : table.columns) {
    if (!c.numbers.empty() && k_names.count(leaf_name(c.name())) != 0) {
      return &c;
    }
  }
  return nullptr;
}

// Raw (non-aggregate) values of a metric kind in the same file and configuration as a row.
std::size_t raw_samples(const model::Corpus& corpus, const RowIndex& index,
                        const std::vector<std::size_t>& same_file, std::uint32_t key,
                        model::MetricKind kind) {
  std::size_t n = 0;
  for (const std::size_t t : same_file) {
    const auto& table = corpus.tables[t];
    for (const auto& c : table.columns) {
      if (c.role() != model::Role::metric || c.kind() != kind || is_aggregate_name(c.name())) {
        continue;
      }
      for (std::size_t r = 0; r < c.numbers.size() && r < table.rows(); ++r) {
        if (index.keys[t].ids[r] == key && std::isfinite(c.numbers[r])) {
          ++n;
        }
      }
    }
  }
  return n;
}

void single_sample_summaries(const model::Corpus& corpus, const RowIndex& index,
                             std::vector<model::Finding>& out) {
  std::map<std::string, std::vector<std::size_t>> tables_of;
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    tables_of[corpus.tables[t].source].push_back(t);
  }
  std::vector<std::string> evidence;
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    const auto& table = corpus.tables[t];
    if (index.duplicate[t]) {
      continue;
    }
    const auto* counter = sample_count_column(table);
    for (const auto& c : table.columns) {
      if (c.role() != model::Role::metric || !is_aggregate_name(c.name())) {
        continue;
      }
      for (std::size_t r = 0; r < c.numbers.size() && r < table.rows(); ++r) {
        if (!std::isfinite(c.numbers[r])) {
          continue;
        }
        const bool counted_one =
            counter != nullptr && r < counter->numbers.size() && counter->numbers[r] == 1;
        const bool one_raw =
            c.kind() != model::MetricKind::none &&
            raw_samples(corpus, index, tables_of[table.source], index.keys[t].ids[r],
                        c.kind()) == 1;
        if (counted_one || one_raw) {
          evidence.push_back(table.row_location(r) + ": " + c.name() + " = " +
                             format_value(c.numbers[r], c.unit()) + " from 1 run");
        }
      }
    }
  }
  if (!evidence.empty()) {
    model::Finding f;
    f.id = "single-sample-summary";
    f.count = evidence.size();
    f.severity = model::Severity::warning;
    f.message = std::to_string(evidence.size()) + " average" +
                (evidence.size() > 1 ? "s or spreads are" : " or spread is") +
                " computed from a single run; treat them as one measurement, not a mean";
    f.evidence = capped(std::move(evidence));
    out.push_back(std::move(f));
  }
}

void sample_sizes(const std::vector<model::GroupStats>& groups, const std::string& primary,
                  std::vector<model::Finding>& out) {
  std::vector<std::string> single;
  std::vector<std::string> few;
  for (const auto& g : groups) {
    if (g.metric != primary || g.summary.n == 0) {
      continue;
    }
    const std::string line = format_key(g.group) + ": n = " + std::to_string(g.summary.n) + ", " +
                             primary + " " + format_value(g.summary.median, g.unit);
    if (g.summary.n == 1) {
      single.push_back(line);
    } else if (g.summary.n < k_interval_min_n) {
      few.push_back(line);
    }
  }
  if (!single.empty()) {
    model::Finding f;
    f.id = "single-sample";
    f.count = single.size();
    f.severity = model::Severity::warning;
    f.message = std::to_string(single.size()) + " configuration" +
                (single.size() > 1 ? "s have" : " has") + " a single " + primary +
                " sample; re-run " + (single.size() > 1 ? "them" : "it") +
                " at least 6 times before ranking";
    f.evidence = capped(std::move(single));
    out.push_back(std::move(f));
  }
  if (!few.empty()) {
    model::Finding f;
    f.id = "few-samples";
    f.count = few.size();
    f.severity = model::Severity::info;
    f.message = std::to_string(few.size()) + " configuration" +
                (few.size() > 1 ? "s have" : " has") + " 2 to 5 " + primary +
                " samples, too few for a 95% median interval; re-run " +
                (few.size() > 1 ? "them" : "it") + " to at least 6";
    f.evidence = capped(std::move(few));
    out.push_back(std::move(f));
  }
}

}  // namespace

std::vector<model::Finding> run_findings(const model::Corpus& corpus, const RowIndex& index,
                                         const std::vector<model::GroupStats>& groups,
                                         const std::string& primary) {
  std::vector<model::Finding> out;
  failed_runs(corpus, index, out);
  duplicate_rows(corpus, index, out);
  single_sample_summaries(corpus, index, out);
  if (!primary.empty()) {
    sample_sizes(groups, primary, out);
  }
  return out;
}

}  // namespace chimera::analyze
