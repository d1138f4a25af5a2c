#include "chimera/analyze/observations.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "chimera/analyze/documents.hpp"

namespace chimera::analyze {
namespace {

// Where row `row` of `table` is: its line, else its JSON pointer, else the origin of the one
// column of a scalars table, else the table's own locator.
std::string locator_of(const model::Table& table, const model::Column& column, std::size_t row) {
  if (row < table.row_lines.size()) {
    const double line = table.row_lines[row];
    if (line > 0) {
      return std::to_string(static_cast<std::uint64_t>(line));
    }
  }
  if (row < table.row_pointers.size()) {
    std::string pointer = table.row_pointers[row];
    if (!pointer.empty()) {
      return pointer;
    }
  }
  if (column.line() > 0) {
    return std::to_string(column.line());
  }
  if (!column.pointer().empty()) {
    return column.pointer().str();
  }
  return table.locator.str();
}

}  // namespace

Plan plan_corpus(const model::Corpus& corpus, unsigned jobs) {
  Plan plan;
  plan.sets = record_sets(corpus, duplicate_files(corpus));
  const auto documents = classify_documents(corpus, plan.sets);
  std::vector<bool> counts(plan.sets.size(), true);
  for (std::size_t i = 0; i < documents.tables.size(); ++i) {
    counts[documents.set_of[i]] = documents.tables[i].use == model::DocumentUse::measurement;
  }
  plan.experiments = plan_experiments(corpus, plan.sets, counts, jobs);
  return plan;
}

Observations::Observations(const model::Corpus& corpus, unsigned jobs)
    : m_corpus(corpus), m_plan(plan_corpus(corpus, jobs)) {
  std::set<std::string> settings;
  for (const auto& p : m_plan.experiments) {
    auto& configs = m_configs.emplace_back();
    for (std::size_t c = 0; c < p.experiment.configurations.size(); ++c) {
      configs.push_back(p.experiment.description(c));
      for (const auto& [name, value] : configs.back()) {
        settings.insert(name);
      }
    }
  }
  m_settings.assign(settings.begin(), settings.end());
}

bool Observations::for_each(const std::function<bool(const model::Observation&)>& visit) const {
  model::Observation o;
  for (std::size_t x = 0; x < m_plan.experiments.size(); ++x) {
    const auto& planned = m_plan.experiments[x];
    const auto& e = planned.experiment;
    o.experiment = &e.name;
    std::vector<std::size_t> next_replicate(e.configurations.size(), 0);
    for (const auto& member : planned.members) {
      const auto& set = m_plan.sets[member.set];
      o.source = m_corpus.files[set.file].path;
      // A table's rows are its runs; sample arrays, one table per series, are runs by index.
      std::size_t rows = member.configuration.size();
      if (set.samples) {
        for (const auto& s : set.series) {
          rows = std::max(rows, m_corpus.tables[s.table].rows());
        }
      }
      for (std::size_t r = 0; r < rows; ++r) {
        const std::uint32_t c = member.configuration_of(r);
        if (c == k_not_a_run) {
          continue;
        }
        o.config = &m_configs[x][c];
        o.replicate = next_replicate[c]++;
        o.failed = member.failed(r);
        bool located = false;
        for (std::size_t i = 0; i < set.series.size(); ++i) {
          const auto& table = m_corpus.tables[set.series[i].table];
          const auto& column = table.columns[set.series[i].column];
          if (r >= column.numbers.size() || r >= table.rows()) {
            continue;
          }
          const double v = column.numbers[r];
          if (!std::isfinite(v)) {
            continue;
          }
          // Sample arrays are tables of their own, one per series: each has its own locator.
          if (!located || set.samples) {
            o.locator = locator_of(table, column, r);
            located = true;
          }
          const auto& metric = e.metrics[member.metric_of[i]];
          o.column = metric.column;
          o.kind = metric.kind;
          o.unit = metric.unit;
          o.direction = metric.direction;
          o.value = v;
          if (!visit(o)) {
            return false;
          }
        }
      }
    }
  }
  return true;
}

}  // namespace chimera::analyze
