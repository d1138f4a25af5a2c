#include <map>
#include <set>

#include "chimera/analyze/findings.hpp"
#include "chimera/analyze/format.hpp"

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

std::string column_location(const model::Table& table, const model::Column& c) {
  return table.location() + " " + c.name();
}

std::string list_units(const std::map<std::string, std::string>& units) {
  std::string out;
  for (const auto& [unit, where] : units) {
    if (!out.empty()) {
      out += ", ";
    }
    out += (unit.empty() ? "no unit" : unit) + " (" + where + ")";
  }
  return out;
}

void units(const model::Corpus& corpus, const RowIndex& index, std::vector<model::Finding>& out) {
  std::map<std::string, std::map<std::string, std::string>> canonical;  // metric -> unit -> where
  std::map<std::string, std::map<std::string, std::string>> written;
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    if (index.duplicate[t]) {
      continue;
    }
    for (const auto& c : corpus.tables[t].columns) {
      if (c.role() != model::Role::metric) {
        continue;
      }
      const auto key = unit_key(c);
      canonical[key].emplace(c.unit(), column_location(corpus.tables[t], c));
      if (!c.source_unit().empty()) {
        written[key].emplace(c.source_unit(), column_location(corpus.tables[t], c));
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
      for (const auto& [unit, where] : by_unit) {
        f.evidence.push_back(where + ": " + (unit.empty() ? "no unit" : unit));
      }
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
      for (const auto& [source_unit, where] : by_unit) {
        f.evidence.push_back(where + ": ");
        f.evidence.back() += source_unit;
      }
      out.push_back(std::move(f));
    }
  }
}

std::string family_name(const std::vector<std::string>& dimensions) {
  std::string out;
  for (const auto& d : dimensions) {
    out += (out.empty() ? "" : ", ") + d;
  }
  return out;
}

void missing_metrics(const std::vector<model::GroupStats>& groups,
                     std::vector<model::Finding>& out) {
  using Family = std::vector<std::string>;
  std::map<Family, std::set<model::GroupKey>> keys;
  std::map<Family, std::map<std::string, std::set<model::GroupKey>>> having;
  for (const auto& g : groups) {
    if (g.summary.n == 0) {
      continue;
    }
    Family family;
    for (const auto& [name, value] : g.group) {
      family.push_back(name);
    }
    keys[family].insert(g.group);
    having[family][g.metric].insert(g.group);
  }
  for (const auto& [family, all] : keys) {
    if (all.size() < 2) {
      continue;
    }
    for (const auto& [metric, present] : having[family]) {
      if (present.size() == all.size()) {
        continue;
      }
      model::Finding f;
      f.id = "missing-metric";
      f.severity = model::Severity::warning;
      const auto missing = all.size() - present.size();
      f.count = missing;
      f.message = metric + " is missing in " + std::to_string(missing) + " of " +
                  std::to_string(all.size()) + " configurations of (" + family_name(family) +
                  "); they cannot be compared on it, record it for every configuration";
      for (const auto& key : all) {
        if (present.count(key) == 0) {
          f.evidence.push_back(format_key(key) + ": no " + metric);
        }
      }
      f.evidence = capped(std::move(f.evidence));
      out.push_back(std::move(f));
    }
  }
}

}  // namespace

std::vector<model::Finding> coverage_findings(const model::Corpus& corpus, const RowIndex& index,
                                              const std::vector<model::GroupStats>& groups) {
  std::vector<model::Finding> out;
  units(corpus, index, out);
  missing_metrics(groups, out);
  return out;
}

}  // namespace chimera::analyze
