#include "chimera/analyze/stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace chimera::analyze {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

}  // namespace

std::vector<double> finite_sorted(std::span<const double> values) {
  std::vector<double> out;
  out.reserve(values.size());
  std::copy_if(values.begin(), values.end(), std::back_inserter(out),
               [](double v) { return std::isfinite(v); });
  std::sort(out.begin(), out.end());
  return out;
}

double quantile_sorted(std::span<const double> sorted, double p) {
  if (sorted.empty()) {
    return k_nan;
  }
  const double h = static_cast<double>(sorted.size() - 1) * std::clamp(p, 0.0, 1.0);
  const double lower = std::floor(h);
  const auto i = static_cast<std::size_t>(lower);
  if (i + 1 >= sorted.size()) {
    return sorted.back();
  }
  return sorted[i] + (h - lower) * (sorted[i + 1] - sorted[i]);
}

double median_sorted(std::span<const double> sorted) {
  return quantile_sorted(sorted, 0.5);
}

std::optional<std::pair<std::size_t, std::size_t>> median_ci_ranks(std::size_t n,
                                                                   double confidence) {
  const double dn = static_cast<double>(n);
  // P(B <= k - 1), kept as a running sum of P(B = i), each term from the one before. Terms more
  // than 10 standard deviations below the mean are under 1e-20 of the sum and are skipped, so a
  // sample of a million costs thousands of steps, not a million.
  const double skip = dn / 2 - 10 * std::sqrt(dn) / 2;
  const std::size_t start = skip > 1 ? static_cast<std::size_t>(skip) : 0;
  std::size_t best_k = start;  // 1-based order statistic; 0 means none reaches the confidence
  double log_pmf = std::lgamma(dn + 1) - std::lgamma(static_cast<double>(start) + 1) -
                   std::lgamma(dn - static_cast<double>(start) + 1) - dn * std::log(2.0);
  double cdf = 0;
  for (std::size_t k = start + 1; 2 * k <= n + 1; ++k) {
    const std::size_t i = k - 1;  // the term P(B = k - 1)
    cdf += std::exp(log_pmf);
    log_pmf += std::log(dn - static_cast<double>(i)) - std::log(static_cast<double>(i) + 1);
    if (1.0 - 2.0 * cdf >= confidence) {
      best_k = k;
    } else {
      break;
    }
  }
  if (best_k == 0) {
    return std::nullopt;
  }
  return std::pair{best_k - 1, n - best_k};
}

std::optional<std::pair<double, double>> median_ci_sorted(std::span<const double> sorted,
                                                          double confidence) {
  const auto ranks = median_ci_ranks(sorted.size(), confidence);
  if (!ranks) {
    return std::nullopt;
  }
  return std::pair{sorted[ranks->first], sorted[ranks->second]};
}

model::Summary summarize(std::span<const double> values) {
  return summarize_sorted(finite_sorted(values));
}

model::Summary summarize_sorted(std::span<const double> sorted) {
  model::Summary s;
  s.n = sorted.size();
  if (s.n == 0) {
    return s;
  }
  const double n = static_cast<double>(s.n);
  s.mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / n;
  s.median = median_sorted(sorted);
  if (s.n >= 2) {
    double squares = 0;
    for (const double v : sorted) {
      squares += (v - s.mean) * (v - s.mean);
    }
    s.stddev = std::sqrt(squares / (n - 1));
  }
  s.cv = s.mean == 0 ? 0 : s.stddev / std::fabs(s.mean);
  s.min = sorted.front();
  s.max = sorted.back();
  s.p05 = quantile_sorted(sorted, 0.05);
  s.p95 = quantile_sorted(sorted, 0.95);
  s.median_ci = median_ci_sorted(sorted);
  return s;
}

namespace {

// Puts the order statistics `ranks` (ascending, 0-based) of values[first, last) in place:
// nth_element on the middle one, then each side for the ranks that fall in it.
void select(std::span<double> values, std::size_t first, std::size_t last,
            std::span<const std::size_t> ranks) {
  if (ranks.empty() || last - first < 2) {
    return;
  }
  const std::size_t middle = ranks.size() / 2;
  const std::size_t at = ranks[middle];
  std::nth_element(values.begin() + static_cast<std::ptrdiff_t>(first),
                   values.begin() + static_cast<std::ptrdiff_t>(at),
                   values.begin() + static_cast<std::ptrdiff_t>(last));
  select(values, first, at, ranks.subspan(0, middle));
  select(values, at + 1, last, ranks.subspan(middle + 1));
}

// Type 7 from the order statistics at floor(h) and floor(h) + 1, both selected.
double quantile_selected(std::span<const double> values, double p) {
  const double h = static_cast<double>(values.size() - 1) * p;
  const double lower = std::floor(h);
  const auto i = static_cast<std::size_t>(lower);
  if (i + 1 >= values.size()) {
    return values[values.size() - 1];
  }
  return values[i] + (h - lower) * (values[i + 1] - values[i]);
}

}  // namespace

model::Summary summarize_in_place(std::span<double> values) {
  const std::size_t n = values.size();
  if (n < 64) {
    std::sort(values.begin(), values.end());
    return summarize_sorted(values);
  }
  std::vector<std::size_t> ranks{0, n - 1};
  for (const double p : {0.05, 0.5, 0.95}) {
    const auto i = static_cast<std::size_t>(std::floor(static_cast<double>(n - 1) * p));
    ranks.push_back(i);
    ranks.push_back(std::min(i + 1, n - 1));
  }
  const auto ci = median_ci_ranks(n);
  if (ci) {
    ranks.push_back(ci->first);
    ranks.push_back(ci->second);
  }
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  select(values, 0, n, ranks);
  model::Summary s;
  s.n = n;
  const double dn = static_cast<double>(n);
  double sum = 0;
  for (const double v : values) {
    sum += v;
  }
  s.mean = sum / dn;
  double squares = 0;
  for (const double v : values) {
    squares += (v - s.mean) * (v - s.mean);
  }
  s.stddev = std::sqrt(squares / (dn - 1));
  s.cv = s.mean == 0 ? 0 : s.stddev / std::fabs(s.mean);
  s.min = values[0];
  s.max = values[n - 1];
  s.median = quantile_selected(values, 0.5);
  s.p05 = quantile_selected(values, 0.05);
  s.p95 = quantile_selected(values, 0.95);
  if (ci) {
    s.median_ci = std::pair{values[ci->first], values[ci->second]};
  }
  return s;
}

double median_absolute_deviation(std::span<const double> values) {
  const auto sorted = finite_sorted(values);
  if (sorted.empty()) {
    return k_nan;
  }
  const double median = median_sorted(sorted);
  std::vector<double> deviations;
  deviations.reserve(sorted.size());
  for (const double v : sorted) {
    deviations.push_back(std::fabs(v - median));
  }
  std::sort(deviations.begin(), deviations.end());
  return median_sorted(deviations);
}

std::vector<double> modified_z_scores(std::span<const double> values) {
  const auto sorted = finite_sorted(values);
  std::vector<double> scores(values.size(), k_nan);
  if (sorted.empty()) {
    return scores;
  }
  const double median = median_sorted(sorted);
  const double mad = median_absolute_deviation(sorted);
  // 0.6745 / MAD makes the MAD a consistent estimator of sigma for normal data; with more than
  // half the values equal the MAD is 0, and the mean absolute deviation (scaled by sqrt(pi/2))
  // still measures the spread of the rest.
  double scale = mad / 0.6745;
  if (mad == 0) {
    double sum = 0;
    for (const double v : sorted) {
      sum += std::fabs(v - median);
    }
    scale = 1.253314 * sum / static_cast<double>(sorted.size());
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isfinite(values[i])) {
      scores[i] = scale == 0 ? 0.0 : (values[i] - median) / scale;
    }
  }
  return scores;
}

}  // namespace chimera::analyze
