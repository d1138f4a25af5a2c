#include <map>
#include <set>

#include "chimera/analyze/findings.hpp"
#include "chimera/analyze/format.hpp"
#include "chimera/analyze/names.hpp"

namespace chimera::analyze {
namespace {

// The name a metric is compared under across tables: its kind, or its leaf name when the kind
// says nothing about meaning.
std::string unit_key(const model::Column& c) {
  if (c.kind() == model::MetricKind::none || c.kind() == model::MetricKind::other ||
      c.kind() == model::MetricKind::count) {
    return leaf_name(c.name());
  }
  return std::string(model::to_string(c.kind()));
}

// A column of a table, where a unit was read.
struct Place {
  std::string source;
  std::string locator;
  std::string column;

  [[nodiscard]] std::string text() const { return source + locator + " " + column; }
};

Place place_of(const model::Table& table, const model::Column& c) {
  return {table.source.str(), table.locator.empty() ? "" : "#" + table.locator.str(),
          c.name().str()};
}

std::string list_units(const std::map<std::string, Place>& units) {
  std::string out;
  for (const auto& [unit, where] : units) {
    if (!out.empty()) {
      out += ", ";
    }
    out += (unit.empty() ? "no unit" : unit) + " (" + where.text() + ")";
  }
  return out;
}

std::vector<model::Evidence> unit_items(const std::map<std::string, Place>& units) {
  std::vector<model::Evidence> items;
  for (const auto& [unit, where] : units) {
    auto item = model::evidence_at(where.source, where.locator);
    item.column = where.column;
    item.unit = unit;
    item.text = where.text() + ": " + (unit.empty() ? "no unit" : unit);
    items.push_back(std::move(item));
  }
  return items;
}

void units(const FindingsInput& in, std::vector<model::Finding>& out) {
  std::map<std::string, std::map<std::string, Place>> canonical;  // metric -> unit -> where
  std::map<std::string, std::map<std::string, Place>> written;
  for (const auto& planned : in.experiments) {
    for (const auto& member : planned.members) {
      for (const auto& s : in.sets[member.set].series) {
        const auto& table = in.corpus.tables[s.table];
        const auto& c = table.columns[s.column];
        const auto key = unit_key(c);
        canonical[key].emplace(c.unit(), place_of(table, c));
        if (!c.source_unit().empty()) {
          written[key].emplace(c.source_unit(), place_of(table, c));
        }
      }
    }
  }
  for (const auto& [metric, by_unit] : canonical) {
    if (by_unit.size() > 1) {
      model::Finding f;
      f.id = "unit-mismatch";
      f.count = by_unit.size();
      f.severity = model::Severity::warning;
      f.message = metric + " is recorded in " + std::to_string(by_unit.size()) +
                  " different units: " + list_units(by_unit) +
                  "; convert to one unit before comparing";
      set_evidence(f, unit_items(by_unit));
      out.push_back(std::move(f));
    }
  }
  for (const auto& [metric, by_unit] : written) {
    if (by_unit.size() > 1 && canonical[metric].size() == 1) {
      model::Finding f;
      f.id = "mixed-units";
      f.count = by_unit.size();
      f.severity = model::Severity::info;
      const auto& unit = canonical[metric].begin()->first;
      f.message = metric + " is written in " + list_units(by_unit) +
                  "; all values were converted to " + (unit.empty() ? "one unit" : unit) +
                  ", check the conversion if a number looks off";
      set_evidence(f, unit_items(by_unit));
      out.push_back(std::move(f));
    }
  }
}

// Raw runs only: a summary or a document lists what its author chose to state.
void missing_metrics(const model::Experiment& e, std::vector<model::Finding>& out) {
  if (e.origin != "measurements") {
    return;
  }
  std::vector<std::size_t> measured;  // configurations with runs that did not all fail
  for (std::size_t c = 0; c < e.configurations.size(); ++c) {
    if (!e.configurations[c].metrics.empty()) {
      measured.push_back(c);
    }
  }
  if (measured.size() < 2) {
    return;
  }
  std::vector<model::Evidence> evidence;
  std::size_t missing = 0;
  std::string names;
  for (std::size_t m = 0; m < e.metrics.size(); ++m) {
    if (e.metrics[m].aggregate) {
      continue;
    }
    std::vector<std::size_t> lacking;
    for (const auto c : measured) {
      if (e.configurations[c].summary_of(m) == nullptr) {
        lacking.push_back(c);
      }
    }
    if (lacking.empty() || lacking.size() == measured.size()) {
      continue;
    }
    names += (names.empty() ? "" : ", ") + e.metrics[m].column;
    missing += lacking.size();
    for (const auto c : lacking) {
      model::Evidence item;
      if (e.configurations[c].sources.size() == 1) {
        item.source = e.configurations[c].sources.front();
      }
      item.locator = e.label(c);
      item.column = e.metrics[m].column;
      item.text = e.label(c) + ": no " + e.metrics[m].column;
      evidence.push_back(std::move(item));
    }
  }
  if (evidence.empty()) {
    return;
  }
  model::Finding f;
  f.id = "missing-metric";
  f.severity = model::Severity::warning;
  f.count = missing;
  f.message = "in `" + e.name + "`, some of the " + std::to_string(measured.size()) +
              " configurations have no " + names +
              "; they cannot be compared on it, record it for every configuration";
  set_evidence(f, std::move(evidence));
  out.push_back(std::move(f));
}

}  // namespace

std::vector<model::Finding> coverage_findings(const FindingsInput& in) {
  std::vector<model::Finding> out;
  units(in, out);
  for (const auto& planned : in.experiments) {
    missing_metrics(planned.experiment, out);
  }
  return out;
}

}  // namespace chimera::analyze
