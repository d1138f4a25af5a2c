#include "experiment_factors.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "chimera/analyze/locations.hpp"
#include "chimera/analyze/names.hpp"
#include "location_factors.hpp"
#include "setting_reader.hpp"

namespace chimera::analyze::detail {
namespace {

// What a harness records per prompt or request inside one configuration: the workload, not a
// setting that tells configurations apart.
bool is_workload_item(const std::string& name) {
  static const std::set<std::string> k_items{
      "prompt",  "prompt_id", "prompt_index", "prompt_idx",  "prompt_no", "prompt_name",
      "query",   "query_id",  "question",     "question_id", "sample",    "sample_id",
      "item",    "item_id",   "test_name",    "test",        "input",     "request_id",
      "request", "case_id",   "example",      "example_id",  "task_id",   "turn",
      "name",    "label",     "title",        "description"};
  return k_items.count(name) != 0;
}

bool is_run_marker(std::string_view column) {
  static const std::set<std::string> k_markers{"run",       "run_id",  "run_number", "run_no",
                                               "iteration", "iter",    "rep",        "repetition",
                                               "trial",     "attempt", "replicate"};
  return k_markers.count(normalize_name(leaf_name(column))) != 0;
}

int factor_priority(const std::string& name) {
  static const std::vector<std::string> k_first{"model",     "backend",    "quantization",
                                                "precision", "agent_type", "arm"};
  const auto it = std::find(k_first.begin(), k_first.end(), name);
  return it == k_first.end() ? static_cast<int>(k_first.size())
                             : static_cast<int>(it - k_first.begin());
}

std::size_t rows_of(const model::Corpus& corpus, const RecordSet& set) {
  std::size_t rows = 0;
  for (const auto t : set.tables) {
    rows = std::max(rows, corpus.tables[t].rows());
  }
  return rows;
}

// Whether a row has a measured value; a row with none is not a run unless it failed.
bool has_value(const model::Corpus& corpus, const RecordSet& set, std::size_t row) {
  const auto& table = corpus.tables[set.tables.front()];
  for (const auto& s : set.series) {
    const auto& numbers = table.columns[s.column].numbers;
    if (row < numbers.size() && std::isfinite(numbers[row])) {
      return true;
    }
  }
  return false;
}

bool is_failed(const model::Corpus& corpus, const RecordSet& set, std::size_t row) {
  return run_failed(corpus, set, row);
}

struct FactorPlan {
  std::string name;
  std::string origin;
  std::set<std::string, decltype(&value_less)> values{&value_less};
  int candidate = -1;  // index into the location settings, or -1 for a data setting
  std::unordered_map<std::string, std::uint32_t> level_of;
  std::vector<std::string> levels;
};

// Packs a configuration's level indices into one key when the product of the level counts fits.
class ConfigurationIds {
 public:
  explicit ConfigurationIds(const std::vector<FactorPlan>& factors) {
    long double product = 1;
    for (const auto& f : factors) {
      m_radix.push_back(f.levels.size() + 1);
      product *= static_cast<long double>(f.levels.size() + 1);
    }
    m_packed = product < 9e18L;
  }

  std::uint32_t id(const std::vector<std::uint32_t>& tuple) {
    if (m_packed) {
      std::uint64_t key = 0;
      for (std::size_t f = 0; f < tuple.size(); ++f) {
        key = key * m_radix[f] + tuple[f];
      }
      const auto [it, added] = m_by_key.try_emplace(key, static_cast<std::uint32_t>(tuples.size()));
      if (added) {
        tuples.push_back(tuple);
      }
      return it->second;
    }
    const auto [it, added] =
        m_by_tuple.try_emplace(tuple, static_cast<std::uint32_t>(tuples.size()));
    if (added) {
      tuples.push_back(tuple);
    }
    return it->second;
  }

  std::vector<std::vector<std::uint32_t>> tuples;  // by id; level index + 1, 0 for not set

 private:
  std::vector<std::uint64_t> m_radix;
  bool m_packed = true;
  std::unordered_map<std::uint64_t, std::uint32_t> m_by_key;
  std::map<std::vector<std::uint32_t>, std::uint32_t> m_by_tuple;
};

std::vector<model::ExperimentMetric> experiment_metrics(const model::Corpus& corpus,
                                                        const std::vector<RecordSet>& sets,
                                                        const std::vector<std::size_t>& members,
                                                        std::vector<Member>& placed) {
  std::map<std::string, model::ExperimentMetric> by_key;
  for (const auto i : members) {
    for (const auto& s : sets[i].series) {
      const auto& column = corpus.tables[s.table].columns[s.column];
      auto [it, added] = by_key.try_emplace(s.key);
      if (added) {
        it->second.column = s.name;
        it->second.kind = column.kind();
        it->second.unit = column.unit();
        it->second.direction = direction_of(column.kind(), column.direction());
      }
      it->second.aggregate = it->second.aggregate || s.aggregate;
    }
  }
  std::vector<std::pair<std::string, model::ExperimentMetric>> ordered(by_key.begin(),
                                                                       by_key.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.second.kind < b.second.kind; });
  std::map<std::string, std::uint32_t> index;
  std::vector<model::ExperimentMetric> out;
  for (auto& [key, metric] : ordered) {
    index[key] = static_cast<std::uint32_t>(out.size());
    out.push_back(std::move(metric));
  }
  for (auto& member : placed) {
    for (const auto& s : sets[member.set].series) {
      member.metric_of.push_back(index[s.key]);
    }
  }
  return out;
}

}  // namespace

PlannedExperiment plan_group(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
                             const std::vector<std::size_t>& members) {
  PlannedExperiment out;
  auto& e = out.experiment;
  std::vector<const Location*> locations;
  for (const auto i : members) {
    locations.push_back(&sets[i].location);
  }
  const LocationPattern pattern = common_pattern(locations);
  e.name = pattern.text();
  const bool documents = sets[members.front()].kind == model::FileKind::markdown;

  // The data's settings and the values each record set gives them.
  std::vector<MemberData> data(members.size());
  std::set<std::string> data_names;
  std::set<std::string> items;
  for (std::size_t m = 0; m < members.size(); ++m) {
    const auto& set = sets[members[m]];
    data[m].rows = rows_of(corpus, set);
    for (const auto& ref : set.settings) {
      if (is_workload_item(ref.name)) {
        items.insert(ref.name);
        continue;
      }
      data[m].refs[ref.name].push_back(&ref);
      data_names.insert(ref.name);
    }
    for (const auto& [name, refs] : data[m].refs) {
      SettingReader reader(corpus, refs);
      std::vector<bool> seen;
      for (std::size_t r = 0; r < data[m].rows; ++r) {
        if (const int id = reader.read(r); id >= 0) {
          const auto at = static_cast<std::size_t>(id);
          if (at >= seen.size()) {
            seen.resize(at + 1, false);
          }
          if (!seen[at]) {
            seen[at] = true;
            data[m].distinct[name].insert(reader.values()[at]);
          }
        }
      }
    }
  }
  // Numbers in the path are replicates only when some configuration has runs from two files.
  std::vector<std::string> path_replicates;
  const auto candidates =
      location_settings(pattern, data, data_names, e.replicates, path_replicates);
  for (const auto& item : items) {
    e.replicates.push_back("the workload item " + item);
  }

  // Factors: settings with two or more values; fixed: with one.
  std::vector<FactorPlan> plans;
  for (const auto& name : data_names) {
    FactorPlan plan;
    plan.name = name;
    plan.origin = "data";
    for (const auto& d : data) {
      if (const auto it = d.distinct.find(name); it != d.distinct.end()) {
        plan.values.insert(it->second.begin(), it->second.end());
      }
    }
    plans.push_back(std::move(plan));
  }
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    FactorPlan plan;
    plan.name = candidates[c].name;
    plan.origin = candidates[c].origin;
    plan.candidate = static_cast<int>(c);
    for (const auto& v : candidates[c].values) {
      if (!v.empty()) {
        plan.values.insert(v);
      }
    }
    plans.push_back(std::move(plan));
  }
  std::vector<FactorPlan> factors;
  for (auto& plan : plans) {
    if (plan.values.size() == 1) {
      e.fixed.emplace_back(plan.name, *plan.values.begin());
    } else if (plan.values.size() >= 2) {
      plan.levels.assign(plan.values.begin(), plan.values.end());
      for (std::uint32_t l = 0; l < plan.levels.size(); ++l) {
        plan.level_of.emplace(plan.levels[l], l);
      }
      factors.push_back(std::move(plan));
    }
  }
  std::sort(e.fixed.begin(), e.fixed.end());
  std::stable_sort(factors.begin(), factors.end(), [](const auto& a, const auto& b) {
    const int pa = factor_priority(a.name);
    const int pb = factor_priority(b.name);
    return pa != pb ? pa < pb : a.name < b.name;
  });
  for (const auto& f : factors) {
    e.factors.push_back({f.name, f.levels, f.origin});
  }

  // Which fixed settings each record set's runs have (a baseline arm has no num_gpu).
  std::vector<std::vector<bool>> has_fixed(members.size(), std::vector<bool>(e.fixed.size()));
  for (std::size_t m = 0; m < members.size(); ++m) {
    for (std::size_t i = 0; i < e.fixed.size(); ++i) {
      const auto& name = e.fixed[i].first;
      const auto it = data[m].distinct.find(name);
      bool has = it != data[m].distinct.end() && !it->second.empty();
      for (const auto& c : candidates) {
        has = has || (c.name == name && !c.values[m].empty());
      }
      has_fixed[m][i] = has;
    }
  }

  // The configuration of every run.
  ConfigurationIds ids(factors);
  std::vector<std::vector<bool>> fixed_of;
  std::vector<std::set<std::uint32_t>> files_of;
  std::vector<std::size_t> runs_of;
  std::vector<std::size_t> failed_of;
  std::set<std::uint32_t> files;
  std::set<std::string> markers;
  for (std::size_t m = 0; m < members.size(); ++m) {
    const auto& set = sets[members[m]];
    files.insert(set.file);
    e.tables += set.tables.size();
    for (const auto t : set.tables) {
      for (const auto& c : corpus.tables[t].columns) {
        if (c.role() == model::Role::text && is_run_marker(c.name())) {
          markers.insert(leaf_name(c.name()));
        }
      }
    }
    std::vector<SettingReader> readers;
    std::vector<std::vector<std::int64_t>> to_level(factors.size());
    bool constant = true;
    for (const auto& f : factors) {
      if (f.candidate >= 0) {
        readers.emplace_back(corpus, candidates[static_cast<std::size_t>(f.candidate)].values[m]);
      } else {
        const auto it = data[m].refs.find(f.name);
        std::vector<const SettingRef*> refs;
        if (it != data[m].refs.end()) {
          refs = it->second;
        }
        for (const auto* ref : refs) {
          constant = constant && ref->one_row;
        }
        readers.emplace_back(corpus, std::move(refs));
      }
    }
    Member member;
    member.set = members[m];
    std::vector<std::uint32_t> tuple(factors.size());
    const auto configuration_at = [&](std::size_t row) {
      for (std::size_t f = 0; f < factors.size(); ++f) {
        const int id = readers[f].read(row);
        if (id < 0) {
          tuple[f] = 0;
          continue;
        }
        auto& map = to_level[f];
        if (map.size() <= static_cast<std::size_t>(id)) {
          map.resize(static_cast<std::size_t>(id) + 1, -1);
        }
        if (map[static_cast<std::size_t>(id)] < 0) {
          const auto& text = readers[f].values()[static_cast<std::size_t>(id)];
          const auto level = factors[f].level_of.find(text);
          map[static_cast<std::size_t>(id)] =
              level == factors[f].level_of.end() ? 0 : static_cast<std::int64_t>(level->second) + 1;
        }
        tuple[f] = static_cast<std::uint32_t>(map[static_cast<std::size_t>(id)]);
      }
      return ids.id(tuple);
    };
    const auto count = [&](std::uint32_t c, bool failed) {
      if (c >= runs_of.size()) {
        runs_of.resize(c + 1, 0);
        failed_of.resize(c + 1, 0);
        files_of.resize(c + 1);
        fixed_of.resize(c + 1, std::vector<bool>(e.fixed.size(), false));
      }
      for (std::size_t i = 0; i < e.fixed.size(); ++i) {
        if (has_fixed[m][i]) {
          fixed_of[c][i] = true;
        }
      }
      ++runs_of[c];
      failed_of[c] += failed ? 1U : 0U;
      files_of[c].insert(set.file);
    };
    if (set.samples) {
      member.constant = k_not_a_run;
      for (std::size_t r = 0; r < data[m].rows; ++r) {
        if (member.constant == k_not_a_run) {
          member.constant = configuration_at(0);
        }
        count(member.constant, false);
      }
    } else {
      member.configuration.assign(data[m].rows, k_not_a_run);
      std::optional<std::uint32_t> first;  // the configuration of every run, when constant
      for (std::size_t r = 0; r < data[m].rows; ++r) {
        const bool failed = is_failed(corpus, set, r);
        if (failed || has_value(corpus, set, r)) {
          const std::uint32_t c = constant && first ? *first : configuration_at(r);
          first = c;
          count(c, failed);
          member.configuration[r] = failed ? c | Member::k_failed_run : c;
        }
      }
    }
    out.members.push_back(std::move(member));
  }
  for (const auto& marker : markers) {
    e.replicates.push_back("the " + marker + " column");
  }

  // Configurations in factor order (not set last), and the members' ids renumbered to match.
  std::vector<std::uint32_t> order(ids.tuples.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const auto& x = ids.tuples[a];
    const auto& y = ids.tuples[b];
    for (std::size_t f = 0; f < x.size(); ++f) {
      if (x[f] != y[f]) {
        return (x[f] == 0 ? UINT32_MAX : x[f]) < (y[f] == 0 ? UINT32_MAX : y[f]);
      }
    }
    return false;
  });
  std::vector<std::uint32_t> final_id(order.size());
  runs_of.resize(order.size(), 0);
  failed_of.resize(order.size(), 0);
  files_of.resize(order.size());
  fixed_of.resize(order.size(), std::vector<bool>(e.fixed.size(), false));
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    final_id[order[i]] = i;
    model::Configuration c;
    for (std::size_t f = 0; f < factors.size(); ++f) {
      const auto level = ids.tuples[order[i]][f];
      c.values.push_back(level == 0 ? "" : factors[f].levels[level - 1]);
    }
    c.runs = runs_of[order[i]];
    c.has_fixed = fixed_of[order[i]];
    c.failed = failed_of[order[i]];
    for (const auto f : files_of[order[i]]) {
      c.sources.push_back(corpus.files[f].path);
    }
    std::sort(c.sources.begin(), c.sources.end());
    e.runs += c.runs;
    e.failed_runs += c.failed;
    e.configurations.push_back(std::move(c));
  }
  for (auto& member : out.members) {
    if (member.configuration.empty() && member.constant != k_not_a_run) {
      member.constant = final_id[member.constant];
    }
    for (auto& c : member.configuration) {
      if (c != k_not_a_run) {
        c = final_id[c & ~Member::k_failed_run] | (c & Member::k_failed_run);
      }
    }
  }
  if (std::any_of(e.configurations.begin(), e.configurations.end(),
                  [](const auto& c) { return c.sources.size() >= 2; })) {
    e.replicates.insert(e.replicates.begin(), path_replicates.begin(), path_replicates.end());
  }
  for (const auto f : files) {
    e.sources.push_back(corpus.files[f].path);
  }
  std::sort(e.sources.begin(), e.sources.end());
  e.metrics = experiment_metrics(corpus, sets, members, out.members);
  const bool all_aggregate =
      std::all_of(e.metrics.begin(), e.metrics.end(), [](const auto& m) { return m.aggregate; });
  e.origin = documents ? "documents" : all_aggregate ? "summaries" : "measurements";
  return out;
}

}  // namespace chimera::analyze::detail
