#include "baseline_match.hpp"

#include <array>
#include <map>
#include <set>
#include <string>

namespace chimera::analyze::detail {
namespace {

using Names = std::set<std::string>;

// Settings to which the baseline's configurations give two or more values (unset is a value).
Names baseline_factors(const model::BaselineExperiment& old) {
  std::map<std::string, std::pair<std::set<std::string>, std::size_t>> values;  // values, count
  for (const auto& c : old.configurations) {
    for (const auto& [name, value] : c.config) {
      auto& v = values[name];
      v.first.insert(value);
      ++v.second;
    }
  }
  Names out;
  for (const auto& [name, v] : values) {
    const bool unset_somewhere = v.second < old.configurations.size();
    if (v.first.size() + (unset_somewhere ? 1 : 0) >= 2) {
      out.insert(name);
    }
  }
  return out;
}

model::GroupKey only(const model::GroupKey& key, const Names& names) {
  model::GroupKey out;
  for (const auto& kv : key) {
    if (names.count(kv.first) != 0) {
      out.push_back(kv);
    }
  }
  return out;
}

std::string value_of(const model::GroupKey& key, const std::string& name) {
  for (const auto& [n, v] : key) {
    if (n == name) {
      return v;
    }
  }
  return "";
}

}  // namespace

ConfigurationMatch match_configurations(const model::Experiment& e,
                                        const model::BaselineExperiment& old) {
  ConfigurationMatch out;
  Names factors = baseline_factors(old);
  for (const auto& f : e.factors) {
    factors.insert(f.name);
  }
  std::map<model::GroupKey, std::size_t> by_key;  // filtered baseline config -> index
  for (std::size_t i = 0; i < old.configurations.size(); ++i) {
    by_key.emplace(only(old.configurations[i].config, factors), i);
  }
  std::vector<bool> matched(old.configurations.size(), false);
  std::set<std::pair<std::string, std::pair<std::string, std::string>>> changed;
  out.configs.resize(e.configurations.size());
  out.match.assign(e.configurations.size(), nullptr);
  for (std::size_t c = 0; c < e.configurations.size(); ++c) {
    out.configs[c] = e.description(c);
    const auto it = by_key.find(only(out.configs[c], factors));
    if (it == by_key.end()) {
      out.added.push_back({e.name, out.configs[c]});
      continue;
    }
    const auto& counterpart = old.configurations[it->second];
    out.match[c] = &counterpart;
    matched[it->second] = true;
    Names fixed;
    const std::array<const model::GroupKey*, 2> sides{&out.configs[c], &counterpart.config};
    for (const model::GroupKey* key : sides) {
      for (const auto& kv : *key) {
        if (factors.count(kv.first) == 0) {
          fixed.insert(kv.first);
        }
      }
    }
    for (const auto& name : fixed) {
      std::string was = value_of(counterpart.config, name);
      std::string now = value_of(out.configs[c], name);
      if (was != now) {
        changed.insert({name, {std::move(was), std::move(now)}});
      }
    }
  }
  for (std::size_t i = 0; i < old.configurations.size(); ++i) {
    if (!matched[i]) {
      out.removed.push_back({e.name, old.configurations[i].config});
    }
  }
  for (const auto& [name, values] : changed) {
    out.settings_changed.push_back({e.name, name, values.first, values.second});
  }
  return out;
}

}  // namespace chimera::analyze::detail
