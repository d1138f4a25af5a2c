#include <algorithm>
#include <map>
#include <utility>

#include "chimera/analyze/findings.hpp"
#include "chimera/analyze/format.hpp"
#include "chimera/analyze/names.hpp"

namespace chimera::analyze {
namespace {

// What a value of the kind is, for the sentence: "a duration cannot be negative".
std::string_view what_it_is(model::MetricKind kind) {
  switch (kind) {
    case model::MetricKind::throughput:
      return "a throughput";
    case model::MetricKind::tokens:
      return "a token count";
    case model::MetricKind::count:
      return "a count";
    case model::MetricKind::memory:
      return "a size";
    default:
      return "a duration";
  }
}

struct Group {
  std::string where;  // the experiment's name, or the table's location outside experiments
  std::string column;
  model::MetricKind kind = model::MetricKind::other;
  std::vector<model::Evidence> items;  // the first k_max_evidence
  std::size_t count = 0;
  double lowest = 0;
  std::string unit;
};

}  // namespace

std::vector<model::Finding> impossible_findings(const FindingsInput& in) {
  const auto& corpus = in.corpus;
  // Which experiment each table's runs are in; tables of byte copies and of Markdown documents
  // that restate measurements are in none, and say nothing of their own.
  std::vector<const std::string*> experiment_of(corpus.tables.size(), nullptr);
  for (const auto& planned : in.experiments) {
    for (const auto& member : planned.members) {
      for (const auto t : in.sets[member.set].tables) {
        experiment_of[t] = &planned.experiment.name;
      }
    }
  }
  std::map<std::string, std::size_t> file_index;
  for (std::size_t f = 0; f < corpus.files.size(); ++f) {
    file_index.emplace(corpus.files[f].path, f);
  }
  const auto duplicate = duplicate_files(corpus);
  std::map<std::pair<std::string, std::string>, Group> groups;
  for (std::size_t t = 0; t < corpus.tables.size(); ++t) {
    const auto& table = corpus.tables[t];
    if (table.impossible.empty()) {
      continue;
    }
    std::string where;
    if (experiment_of[t] != nullptr) {
      where = "`" + *experiment_of[t] + "`";
    } else {
      const auto it = file_index.find(table.source.str());
      if (it == file_index.end() || duplicate[it->second] ||
          corpus.files[it->second].kind == model::FileKind::markdown) {
        continue;
      }
      where = table.location();
    }
    for (const auto& bad : table.impossible) {
      const auto& column = table.columns[bad.column];
      const std::string leaf = leaf_name(column.name());
      auto& g = groups[{where, leaf}];
      if (g.count == 0) {
        g.where = where;
        g.column = leaf;
        g.kind = column.kind();
        g.lowest = bad.value;
        g.unit = column.unit().str();
      }
      g.lowest = std::min(g.lowest, bad.value);
      if (g.count++ < k_max_evidence) {
        auto item = row_evidence(table, bad.row,
                                 column.name() + " " + format_value(bad.value, column.unit()));
        item.column = column.name().str();
        item.value = bad.value;
        item.unit = column.unit().str();
        g.items.push_back(std::move(item));
      }
    }
  }
  std::vector<model::Finding> out;
  for (auto& [key, g] : groups) {
    model::Finding f;
    f.id = "impossible-value";
    f.severity = model::Severity::warning;
    f.count = g.count;
    const bool many = g.count > 1;
    f.message = std::to_string(g.count) + " negative " + g.column + " value" + (many ? "s" : "") +
                " in " + g.where + " (down to " + format_value(g.lowest, g.unit) +
                "): " + std::string(what_it_is(g.kind)) + " cannot be negative, so " +
                (many ? "they are" : "it is") +
                " left out of every statistic; fix the harness, or write a failed run as failed";
    set_evidence(f, std::move(g.items), g.count);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace chimera::analyze
