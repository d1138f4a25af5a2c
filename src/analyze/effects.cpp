#include "effects.hpp"

#include <algorithm>
#include <cmath>

#include "chimera/analyze/kruskal_wallis.hpp"
#include "chimera/analyze/mann_whitney.hpp"
#include "chimera/analyze/stats.hpp"

namespace chimera::analyze::detail {
namespace {

// Below this many runs in all, two levels are compared exactly as mann_whitney_sorted does;
// above it, from the pooled ranks (the normal approximation mann_whitney_sorted would use).
constexpr std::size_t k_merge_limit = 20000;

double median_of(std::vector<double>& values) {
  const std::size_t n = values.size();
  const std::size_t lower = (n - 1) / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lower),
                   values.end());
  const double low = values[lower];
  if (n % 2 == 1) {
    return low;
  }
  const double high =
      *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lower) + 1, values.end());
  return (low + high) / 2;
}

double two_sided_from_ranks(double rank_sum, double n1, double n2, double tie_term) {
  const double n = n1 + n2;
  const double u = rank_sum - n1 * (n1 + 1) / 2;
  const double variance = n1 * n2 / 12.0 * ((n + 1) - tie_term / (n * (n - 1)));
  if (variance <= 0) {
    return 1.0;
  }
  const double z = (std::max(u, n1 * n2 - u) - n1 * n2 / 2.0 - 0.5) / std::sqrt(variance);
  return std::min(1.0, std::erfc(z / std::sqrt(2.0)));
}

}  // namespace

std::optional<model::FactorEffect> factor_effect(const model::Experiment& experiment,
                                                 std::size_t factor, std::size_t metric,
                                                 const Buckets& buckets,
                                                 const PooledRanks& all_ranks) {
  const auto& levels = experiment.factors[factor].levels;
  const std::size_t k = buckets.configurations();
  std::vector<std::size_t> level_of(k, levels.size());
  std::vector<bool> include(k, false);
  bool every = true;
  for (std::size_t c = 0; c < k; ++c) {
    const auto& value = experiment.configurations[c].values[factor];
    if (buckets.of(c).empty()) {
      continue;
    }
    if (value.empty()) {
      every = false;
      continue;
    }
    level_of[c] =
        static_cast<std::size_t>(std::find(levels.begin(), levels.end(), value) - levels.begin());
    include[c] = true;
  }
  // Ranks over the runs that have a level: the corpus-wide ranks when every run has one.
  const PooledRanks ranks = every ? all_ranks : pooled_ranks(buckets, include);
  std::vector<double> rank_sums(levels.size(), 0.0);
  std::vector<std::size_t> sizes(levels.size(), 0);
  std::vector<std::vector<double>> values(levels.size());
  for (std::size_t c = 0; c < k; ++c) {
    if (!include[c]) {
      continue;
    }
    rank_sums[level_of[c]] += ranks.rank_sums[c];
    sizes[level_of[c]] += ranks.sizes[c];
    const auto v = buckets.of(c);
    values[level_of[c]].insert(values[level_of[c]].end(), v.begin(), v.end());
  }
  model::FactorEffect effect;
  effect.factor = experiment.factors[factor].name;
  effect.metric = metric;
  std::vector<std::size_t> present;
  for (std::size_t l = 0; l < levels.size(); ++l) {
    if (sizes[l] > 0) {
      present.push_back(l);
      effect.levels.push_back({levels[l], sizes[l], median_of(values[l])});
    }
  }
  if (present.size() < 2) {
    return std::nullopt;
  }
  if (present.size() == 2) {
    effect.test = "mann-whitney";
    const std::size_t a = present[0];
    const std::size_t b = present[1];
    if (sizes[a] + sizes[b] <= k_merge_limit) {
      std::sort(values[a].begin(), values[a].end());
      std::sort(values[b].begin(), values[b].end());
      effect.p_value = mann_whitney_sorted(values[a], values[b]).p_value;
    } else {
      effect.p_value = two_sided_from_ranks(rank_sums[a], static_cast<double>(sizes[a]),
                                            static_cast<double>(sizes[b]), ranks.tie_term);
    }
  } else {
    effect.test = "kruskal-wallis";
    effect.p_value = kruskal_wallis_from_ranks(rank_sums, sizes, ranks.tie_term).p_value;
  }
  const auto direction = experiment.metrics[metric].direction;
  double best = effect.levels.front().median;
  double worst = best;
  for (const auto& l : effect.levels) {
    const bool higher = direction != model::Direction::lower;
    best = higher ? std::max(best, l.median) : std::min(best, l.median);
    worst = higher ? std::min(worst, l.median) : std::max(worst, l.median);
  }
  effect.spread = worst == 0 ? 0 : std::fabs(best - worst) / std::fabs(worst);
  return effect;
}

}  // namespace chimera::analyze::detail
