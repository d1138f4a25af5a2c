#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "chimera/analyze/findings.hpp"
#include "chimera/analyze/format.hpp"
#include "chimera/analyze/ranking.hpp"
#include "chimera/analyze/stats.hpp"

namespace chimera::analyze {
namespace {

struct Outliers {
  std::vector<std::string> cold;
  std::vector<std::string> other;
  double worst_ratio = 0;  // cold-start value / configuration median
};

void scan_column(const model::Table& table, const TableKeys& keys,
                 const model::Column& column, Outliers& found) {
  const auto direction = effective_direction(column.kind(), column.direction());
  if (direction == model::Direction::none) {
    return;
  }
  std::map<model::GroupKey, std::vector<std::size_t>> rows_by_key;
  for (std::size_t r = 0; r < column.numbers.size() && r < table.rows(); ++r) {
    if (!table.failed[r] && std::isfinite(column.numbers[r])) {
      rows_by_key[keys[r]].push_back(r);
    }
  }
  for (const auto& [key, rows] : rows_by_key) {
    if (rows.size() < k_outlier_min_n) {
      continue;
    }
    std::vector<double> values;
    for (const auto r : rows) {
      values.push_back(column.numbers[r]);
    }
    const auto z = modified_z_scores(values);
    const double median = median_sorted(finite_sorted(values));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (std::fabs(z[i]) <= k_outlier_z) {
        continue;
      }
      const bool worse = direction == model::Direction::lower ? z[i] > 0 : z[i] < 0;
      const std::string line = table.row_location(rows[i]) + ": " + column.name() + " " +
                               format_value(values[i], column.unit()) + ", median " +
                               format_value(median, column.unit()) + ", modified z " +
                               format_number(z[i]);
      if (i == 0 && worse) {
        found.cold.push_back(line);
        if (median != 0) {
          found.worst_ratio = std::max(found.worst_ratio, values[i] / median);
        }
      } else {
        found.other.push_back(line);
      }
    }
  }
}

void outliers(const model::Corpus& corpus, const RowIndex& index,
              std::vector<model::Finding>& out) {
  std::map<std::string, Outliers> by_column;  // leaf column name, for one finding per metric
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    if (index.duplicate[t]) {
      continue;
    }
    for (const auto& column : corpus.tables[t].columns) {
      if (column.role() == model::Role::metric) {
        scan_column(corpus.tables[t], index.keys[t], column, by_column[leaf_name(column.name())]);
      }
    }
  }
  for (auto& [name, found] : by_column) {
    if (!found.cold.empty()) {
      model::Finding f;
      f.id = "cold-start";
      f.severity = model::Severity::warning;
      const auto n = found.cold.size();
      f.count = n;
      f.message = std::to_string(n) + " first run" + (n > 1 ? "s" : "") + " of " + name +
                  " far from the rest (modified z > 3.5, up to " +
                  format_number(found.worst_ratio) +
                  "x the median): a cold start; drop warm-up runs or report them separately";
      f.evidence = capped(std::move(found.cold));
      out.push_back(std::move(f));
    }
    if (!found.other.empty()) {
      model::Finding f;
      f.id = "outlier";
      f.severity = model::Severity::info;
      const auto n = found.other.size();
      f.count = n;
      f.message = std::to_string(n) + " value" + (n > 1 ? "s" : "") + " of " + name +
                  " with |modified z| > 3.5 within their configuration; check those runs";
      f.evidence = capped(std::move(found.other));
      out.push_back(std::move(f));
    }
  }
}

const model::Column* first_of(const model::Table& table, model::MetricKind kind) {
  for (const auto& c : table.columns) {
    if (c.role() == model::Role::metric && c.kind() == kind && !is_aggregate_name(c.name())) {
      return &c;
    }
  }
  return nullptr;
}

const model::Column* generated_tokens(const model::Table& table) {
  static const std::set<std::string> k_names{"eval_count", "tokens_generated", "completion_tokens",
                                             "output_tokens", "generated_tokens"};
  for (const auto& c : table.columns) {
    if (c.role() == model::Role::metric && k_names.count(leaf_name(c.name())) != 0) {
      return &c;
    }
  }
  return nullptr;
}

double value_at(const model::Column* c, std::size_t row) {
  return c != nullptr && row < c->numbers.size() ? c->numbers[row] : std::nan("");
}

struct Check {
  std::string id;
  std::string what;  // the sentence's subject
  std::vector<std::string> evidence;
  double worst = 0;
};

void add_if_inconsistent(Check& check, double stated, double derived, const std::string& line) {
  if (!std::isfinite(stated) || !std::isfinite(derived) || stated == 0) {
    return;
  }
  const double relative = std::fabs(stated - derived) / std::fabs(stated);
  if (relative > k_inconsistency) {
    check.evidence.push_back(line + " (" + format_number(100 * relative) + "% apart)");
    check.worst = std::max(check.worst, relative);
  }
}

void inconsistencies(const model::Corpus& corpus, const RowIndex& index,
                     std::vector<model::Finding>& out) {
  Check ttft{"inconsistent-ttft", "ttft differs from load + prompt_eval", {}, 0};
  Check rate{
      "inconsistent-throughput", "throughput differs from generated tokens / eval time", {}, 0};
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    const auto& table = corpus.tables[t];
    if (index.duplicate[t]) {
      continue;
    }
    const auto* c_ttft = first_of(table, model::MetricKind::ttft);
    const auto* c_load = first_of(table, model::MetricKind::load);
    const auto* c_prompt = first_of(table, model::MetricKind::prompt_eval);
    const auto* c_rate = first_of(table, model::MetricKind::throughput);
    const auto* c_eval = first_of(table, model::MetricKind::eval);
    const auto* c_tokens = generated_tokens(table);
    for (std::size_t r = 0; r < table.rows(); ++r) {
      if (table.failed[r]) {
        continue;
      }
      const double sum = value_at(c_load, r) + value_at(c_prompt, r);
      add_if_inconsistent(ttft, value_at(c_ttft, r), sum,
                          table.row_location(r) + ": ttft " +
                              format_value(value_at(c_ttft, r), "ms") + ", load + prompt_eval " +
                              format_value(sum, "ms"));
      const double eval_s = value_at(c_eval, r) / 1000.0;
      const double derived = eval_s > 0 ? value_at(c_tokens, r) / eval_s : std::nan("");
      add_if_inconsistent(rate, value_at(c_rate, r), derived,
                          table.row_location(r) + ": throughput " +
                              format_value(value_at(c_rate, r), "tok/s") + ", tokens / eval time " +
                              format_value(derived, "tok/s"));
    }
  }
  for (auto* check : {&ttft, &rate}) {
    if (check->evidence.empty()) {
      continue;
    }
    model::Finding f;
    f.id = check->id;
    f.severity = model::Severity::warning;
    const auto n = check->evidence.size();
    f.count = n;
    f.message = std::to_string(n) + " row" + (n > 1 ? "s where " : " where ") + check->what +
                " by more than 10% (up to " + format_number(100 * check->worst) +
                "%); check how the metrics were measured before comparing them";
    f.evidence = capped(std::move(check->evidence));
    out.push_back(std::move(f));
  }
}

}  // namespace

std::vector<model::Finding> value_findings(const model::Corpus& corpus, const RowIndex& index) {
  std::vector<model::Finding> out;
  outliers(corpus, index, out);
  inconsistencies(corpus, index, out);
  return out;
}

}  // namespace chimera::analyze
