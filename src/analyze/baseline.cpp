#include "chimera/analyze/baseline.hpp"

#include <algorithm>
#include <cmath>

#include "buckets.hpp"
#include "chimera/analyze/mann_whitney.hpp"
#include "chimera/analyze/observations.hpp"
#include "chimera/analyze/stats.hpp"
#include "chimera/util/parallel.hpp"

namespace chimera::analyze {

model::Baseline baseline_from_corpus(const model::Corpus& corpus, unsigned jobs) {
  const Plan plan = plan_corpus(corpus, jobs);
  model::Baseline baseline;
  baseline.experiments.resize(plan.experiments.size());
  util::parallel_for(plan.experiments.size(), jobs, [&](std::size_t x) {
    const auto& planned = plan.experiments[x];
    const auto& e = planned.experiment;
    auto& out = baseline.experiments[x];
    out.name = e.name;
    out.configurations.resize(e.configurations.size());
    for (std::size_t c = 0; c < e.configurations.size(); ++c) {
      out.configurations[c].config = e.description(c);
    }
    for (std::size_t m = 0; m < e.metrics.size(); ++m) {
      const auto& metric = e.metrics[m];
      if (!model::is_compared(metric.kind, metric.direction)) {
        continue;
      }
      const detail::Buckets buckets(corpus, plan.sets, planned, m, true);
      for (std::size_t c = 0; c < e.configurations.size(); ++c) {
        const auto values = buckets.of(c);
        if (!values.empty()) {
          out.configurations[c].metrics.push_back({metric.column,
                                                   metric.kind,
                                                   metric.unit,
                                                   metric.direction,
                                                   {values.begin(), values.end()}});
        }
      }
    }
  });
  model::normalize(baseline);
  return baseline;
}

model::Change judge(std::span<const double> baseline, std::span<const double> current,
                    model::Direction direction, double threshold_pct, double alpha) {
  model::Change c;
  c.direction = direction;
  c.baseline_n = baseline.size();
  c.current_n = current.size();
  c.baseline_median = baseline.empty() ? 0 : quantile_sorted(baseline, 0.5);
  c.current_median = current.empty() ? 0 : quantile_sorted(current, 0.5);
  if (c.baseline_median != 0 && !baseline.empty() && !current.empty()) {
    const double change = (c.current_median - c.baseline_median) / std::fabs(c.baseline_median);
    c.change_pct = 100.0 * (direction == model::Direction::lower ? -change : change);
  }
  if (baseline.size() < model::k_min_comparable || current.size() < model::k_min_comparable) {
    c.verdict = model::Verdict::not_comparable;
    return c;
  }
  c.p_value = mann_whitney_sorted(baseline, current).p_value;
  c.verdict = model::Verdict::unchanged;
  if (*c.p_value < alpha && c.change_pct && std::fabs(*c.change_pct) >= threshold_pct) {
    c.verdict = *c.change_pct < 0 ? model::Verdict::regressed : model::Verdict::improved;
  }
  return c;
}

}  // namespace chimera::analyze
