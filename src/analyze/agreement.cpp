#include "chimera/analyze/agreement.hpp"

#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "buckets.hpp"
#include "chimera/analyze/experiment_stats.hpp"
#include "chimera/analyze/mann_whitney.hpp"

namespace chimera::analyze {
namespace {

constexpr double k_close = 0.05;

std::optional<std::size_t> metric_like(const model::Experiment& e,
                                       const model::ExperimentMetric& m) {
  if (e.headline && e.metrics[*e.headline].kind == m.kind &&
      e.metrics[*e.headline].unit == m.unit) {
    return e.headline;
  }
  for (std::size_t i = 0; i < e.metrics.size(); ++i) {
    if (e.metrics[i].kind == m.kind && e.metrics[i].unit == m.unit && !e.metrics[i].aggregate) {
      return i;
    }
  }
  return std::nullopt;
}

// What two configurations are matched on: the settings either experiment varies, and the model.
std::string join_key(const model::GroupKey& description, const std::set<std::string>& names) {
  std::string key;
  for (const auto& name : names) {
    key += name;
    key += '=';
    for (const auto& [n, v] : description) {
      if (n == name) {
        key += v;
      }
    }
    key += '\x1f';
  }
  return key;
}

bool agree_elsewhere(const model::GroupKey& a, const model::GroupKey& b) {
  for (const auto& [name, value] : a) {
    for (const auto& [other, v] : b) {
      if (name == other && value != v) {
        return false;
      }
    }
  }
  return true;
}

class Values {
 public:
  Values(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
         const std::vector<PlannedExperiment>& experiments)
      : m_corpus(corpus), m_sets(sets), m_experiments(experiments) {}

  const detail::Buckets& of(std::size_t experiment, std::size_t metric) {
    auto& slot = m_cache[{experiment, metric}];
    if (!slot) {
      slot = std::make_unique<detail::Buckets>(m_corpus, m_sets, m_experiments[experiment], metric);
    }
    return *slot;
  }

 private:
  const model::Corpus& m_corpus;
  const std::vector<RecordSet>& m_sets;
  const std::vector<PlannedExperiment>& m_experiments;
  std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<detail::Buckets>> m_cache;
};

}  // namespace

std::vector<model::Agreement> find_agreements(const model::Corpus& corpus,
                                              const std::vector<RecordSet>& sets,
                                              const std::vector<PlannedExperiment>& experiments) {
  std::vector<model::Agreement> out;
  Values values(corpus, sets, experiments);
  for (std::size_t a = 0; a < experiments.size(); ++a) {
    const auto& ea = experiments[a].experiment;
    if (!ea.headline || ea.origin == "documents") {
      continue;
    }
    const auto& metric = ea.metrics[*ea.headline];
    for (std::size_t b = a + 1; b < experiments.size(); ++b) {
      const auto& eb = experiments[b].experiment;
      const auto mb = metric_like(eb, metric);
      if (!mb || eb.origin == "documents") {
        continue;
      }
      std::set<std::string> names{"model"};
      for (const auto* e : {&ea, &eb}) {
        for (const auto& f : e->factors) {
          names.insert(f.name);
        }
      }
      std::multimap<std::string, std::size_t> by_key;
      for (std::size_t c = 0; c < eb.configurations.size(); ++c) {
        if (eb.configurations[c].summary_of(*mb) != nullptr) {
          by_key.emplace(join_key(eb.description(c), names), c);
        }
      }
      for (std::size_t c = 0; c < ea.configurations.size(); ++c) {
        const auto* sa = ea.configurations[c].summary_of(*ea.headline);
        if (sa == nullptr) {
          continue;
        }
        const auto da = ea.description(c);
        const auto range = by_key.equal_range(join_key(da, names));
        for (auto it = range.first; it != range.second; ++it) {
          const auto db = eb.description(it->second);
          if (!agree_elsewhere(da, db)) {
            continue;
          }
          const auto* sb = eb.configurations[it->second].summary_of(*mb);
          model::Agreement g;
          g.first = a;
          g.second = b;
          g.first_configuration = c;
          g.second_configuration = it->second;
          for (const auto& [name, value] : da) {
            if (names.count(name) != 0) {
              g.setting.emplace_back(name, value);
            }
          }
          g.kind = metric.kind;
          g.unit = metric.unit;
          g.n_first = sa->n;
          g.n_second = sb->n;
          g.median_first = sa->median;
          g.median_second = sb->median;
          g.p_value = mann_whitney_sorted(values.of(a, *ea.headline).of(c),
                                          values.of(b, *mb).of(it->second))
                          .p_value;
          const double ratio = g.median_first == 0 ? 0 : g.median_second / g.median_first;
          g.agree = g.p_value >= k_alpha || std::fabs(ratio - 1) <= k_close;
          out.push_back(std::move(g));
        }
      }
    }
  }
  return out;
}

}  // namespace chimera::analyze
