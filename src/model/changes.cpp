#include "chimera/model/changes.hpp"

#include <algorithm>

namespace chimera::model {

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::regressed:
      return "regressed";
    case Verdict::improved:
      return "improved";
    case Verdict::unchanged:
      return "unchanged";
    case Verdict::not_comparable:
      return "not_comparable";
  }
  return "unchanged";
}

std::size_t BaselineComparison::count(Verdict verdict) const {
  return static_cast<std::size_t>(std::count_if(
      changes.begin(), changes.end(), [&](const Change& c) { return c.verdict == verdict; }));
}

namespace {

template <class T, class Key, class Merge>
void sort_and_merge(std::vector<T>& items, Key key, Merge merge) {
  std::stable_sort(items.begin(), items.end(),
                   [&](const T& a, const T& b) { return key(a) < key(b); });
  std::vector<T> out;
  for (auto& item : items) {
    if (!out.empty() && key(out.back()) == key(item)) {
      merge(out.back(), item);
    } else {
      out.push_back(std::move(item));
    }
  }
  items = std::move(out);
}

}  // namespace

void normalize(Baseline& baseline) {
  const auto pool = [](BaselineSample& into, BaselineSample& from) {
    into.values.insert(into.values.end(), from.values.begin(), from.values.end());
  };
  const auto join_metrics = [](auto& into, auto& from) {
    for (auto& m : from.metrics) {
      into.metrics.push_back(std::move(m));
    }
  };
  const auto join_configurations = [](auto& into, auto& from) {
    for (auto& c : from.configurations) {
      into.configurations.push_back(std::move(c));
    }
  };
  sort_and_merge(
      baseline.experiments,
      [](const BaselineExperiment& e) -> const std::string& { return e.name; },
      join_configurations);
  for (auto& e : baseline.experiments) {
    sort_and_merge(
        e.configurations,
        [](const BaselineConfiguration& c) -> const GroupKey& { return c.config; }, join_metrics);
    for (auto& c : e.configurations) {
      sort_and_merge(
          c.metrics, [](const BaselineSample& m) -> const std::string& { return m.column; }, pool);
      for (auto& m : c.metrics) {
        std::sort(m.values.begin(), m.values.end());
      }
    }
  }
}

}  // namespace chimera::model
