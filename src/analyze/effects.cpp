#include "effects.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "chimera/analyze/kruskal_wallis.hpp"
#include "chimera/analyze/mann_whitney.hpp"
#include "chimera/analyze/stats.hpp"

namespace chimera::analyze::detail {
namespace {

// Below this many runs in all, two levels are compared exactly as mann_whitney_sorted does;
// above it, from the pooled ranks (the normal approximation mann_whitney_sorted would use).
constexpr std::size_t k_merge_limit = 20000;

// The median (type 7) of the values of several sorted buckets together. Many small buckets are
// copied and selected from; a few large ones are searched in place, as copying them would hold
// a second copy of a metric's values.
double median_of(const std::vector<std::span<const double>>& parts) {
  std::size_t n = 0;
  for (const auto& p : parts) {
    n += p.size();
  }
  const std::size_t lower = (n - 1) / 2;
  if (parts.size() <= k_search_parts) {
    const double low = kth_of_sorted(parts, lower);
    return n % 2 == 1 ? low : (low + kth_of_sorted(parts, lower + 1)) / 2;
  }
  std::vector<double> values;
  values.reserve(n);
  for (const auto& p : parts) {
    values.insert(values.end(), p.begin(), p.end());
  }
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

// The values of several sorted buckets, merged into one sorted vector.
std::vector<double> merged(const std::vector<std::span<const double>>& parts) {
  std::vector<double> out;
  for (const auto& p : parts) {
    const auto middle = static_cast<std::ptrdiff_t>(out.size());
    out.insert(out.end(), p.begin(), p.end());
    std::inplace_merge(out.begin(), out.begin() + middle, out.end());
  }
  return out;
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
  std::vector<std::vector<std::span<const double>>> values(levels.size());
  for (std::size_t c = 0; c < k; ++c) {
    if (!include[c]) {
      continue;
    }
    rank_sums[level_of[c]] += ranks.rank_sums[c];
    sizes[level_of[c]] += ranks.sizes[c];
    values[level_of[c]].push_back(buckets.of(c));
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
      effect.p_value = mann_whitney_sorted(merged(values[a]), merged(values[b])).p_value;
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
