#include <algorithm>
#include <iterator>
#include <memory>
#include <tuple>

#include "baseline_match.hpp"
#include "buckets.hpp"
#include "chimera/analyze/baseline.hpp"
#include "chimera/util/parallel.hpp"

namespace chimera::analyze {
namespace {

template <class T, class Key>
const T* find_sorted(const std::vector<T>& items, const Key& key, auto key_of) {
  const auto it = std::lower_bound(items.begin(), items.end(), key,
                                   [&](const T& item, const Key& k) { return key_of(item) < k; });
  return it != items.end() && key_of(*it) == key ? &*it : nullptr;
}

const model::BaselineExperiment* find_experiment(const model::Baseline& b,
                                                 const std::string& name) {
  return find_sorted(
      b.experiments, name,
      [](const model::BaselineExperiment& e) -> const std::string& { return e.name; });
}

const model::BaselineSample* find_metric(const model::BaselineConfiguration& c,
                                         const std::string& column) {
  return find_sorted(c.metrics, column,
                     [](const model::BaselineSample& m) -> const std::string& { return m.column; });
}

// What one experiment contributes to the comparison.
struct ExperimentChanges {
  std::vector<model::Change> changes;
  std::vector<model::ConfigurationRef> added;
  std::vector<model::ConfigurationRef> removed;
  std::vector<model::SettingChange> settings_changed;
};

ExperimentChanges compare_experiment(const model::Corpus& corpus,
                                     const std::vector<RecordSet>& sets,
                                     const PlannedExperiment& planned,
                                     const model::BaselineExperiment& old,
                                     const BaselineRequest& request) {
  ExperimentChanges out;
  const auto& e = planned.experiment;
  auto matched = detail::match_configurations(e, old);
  const auto& match = matched.match;
  const auto& configs = matched.configs;
  out.added = std::move(matched.added);
  out.removed = std::move(matched.removed);
  out.settings_changed = std::move(matched.settings_changed);
  for (std::size_t m = 0; m < e.metrics.size(); ++m) {
    const auto& metric = e.metrics[m];
    if (!model::is_compared(metric.kind, metric.direction)) {
      continue;
    }
    std::unique_ptr<detail::Buckets> buckets;  // read only when some configuration needs it
    for (std::size_t c = 0; c < e.configurations.size(); ++c) {
      const model::BaselineSample* sample =
          match[c] == nullptr ? nullptr : find_metric(*match[c], metric.column);
      if (sample == nullptr || sample->values.empty()) {
        continue;
      }
      if (!buckets) {
        buckets = std::make_unique<detail::Buckets>(corpus, sets, planned, m, true);
      }
      if (buckets->of(c).empty()) {
        continue;
      }
      auto change = judge(sample->values, buckets->of(c), metric.direction, request.threshold_pct,
                          request.alpha);
      change.experiment = e.name;
      change.config = configs[c];
      change.column = metric.column;
      change.kind = metric.kind;
      change.unit = metric.unit;
      out.changes.push_back(std::move(change));
    }
  }
  return out;
}

int verdict_order(model::Verdict v) {
  switch (v) {
    case model::Verdict::regressed:
      return 0;
    case model::Verdict::improved:
      return 1;
    case model::Verdict::unchanged:
      return 2;
    case model::Verdict::not_comparable:
      return 3;
  }
  return 3;
}

// Regressions worst first, improvements best first; then by experiment, configuration, column.
bool change_less(const model::Change& a, const model::Change& b) {
  const int va = verdict_order(a.verdict);
  const int vb = verdict_order(b.verdict);
  if (va != vb) {
    return va < vb;
  }
  if (a.verdict == model::Verdict::regressed || a.verdict == model::Verdict::improved) {
    const double x = a.change_pct.value_or(0);
    const double y = b.change_pct.value_or(0);
    if (x != y) {
      return a.verdict == model::Verdict::regressed ? x < y : x > y;
    }
  }
  return std::tie(a.experiment, a.config, a.column) < std::tie(b.experiment, b.config, b.column);
}

}  // namespace

model::BaselineComparison compare_to_baseline(const model::Corpus& corpus,
                                              const std::vector<RecordSet>& sets,
                                              const std::vector<PlannedExperiment>& planned,
                                              const BaselineRequest& request, unsigned jobs) {
  model::BaselineComparison out;
  out.path = request.baseline.path;
  out.generated_at = request.baseline.generated_at;
  out.threshold_pct = request.threshold_pct;
  out.alpha = request.alpha;
  std::vector<const model::BaselineExperiment*> old(planned.size(), nullptr);
  std::vector<bool> seen(request.baseline.experiments.size(), false);
  for (std::size_t x = 0; x < planned.size(); ++x) {
    old[x] = find_experiment(request.baseline, planned[x].experiment.name);
    if (old[x] == nullptr) {
      out.experiments_added.push_back(planned[x].experiment.name);
    } else {
      seen[static_cast<std::size_t>(old[x] - request.baseline.experiments.data())] = true;
    }
  }
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (!seen[i]) {
      out.experiments_removed.push_back(request.baseline.experiments[i].name);
    }
  }
  std::vector<ExperimentChanges> parts(planned.size());
  util::parallel_for(planned.size(), jobs, [&](std::size_t x) {
    if (old[x] != nullptr) {
      parts[x] = compare_experiment(corpus, sets, planned[x], *old[x], request);
    }
  });
  for (auto& p : parts) {
    std::move(p.changes.begin(), p.changes.end(), std::back_inserter(out.changes));
    std::move(p.added.begin(), p.added.end(), std::back_inserter(out.added));
    std::move(p.removed.begin(), p.removed.end(), std::back_inserter(out.removed));
    std::move(p.settings_changed.begin(), p.settings_changed.end(),
              std::back_inserter(out.settings_changed));
  }
  std::sort(out.changes.begin(), out.changes.end(), change_less);
  const auto ref_less = [](const model::ConfigurationRef& a, const model::ConfigurationRef& b) {
    return std::tie(a.experiment, a.config) < std::tie(b.experiment, b.config);
  };
  std::sort(out.added.begin(), out.added.end(), ref_less);
  std::sort(out.removed.begin(), out.removed.end(), ref_less);
  std::sort(out.experiments_added.begin(), out.experiments_added.end());
  std::sort(out.experiments_removed.begin(), out.experiments_removed.end());
  std::sort(out.settings_changed.begin(), out.settings_changed.end(),
            [](const model::SettingChange& a, const model::SettingChange& b) {
              return std::tie(a.experiment, a.setting, a.baseline, a.current) <
                     std::tie(b.experiment, b.setting, b.baseline, b.current);
            });
  return out;
}

}  // namespace chimera::analyze
