#include "chimera/analyze/stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace chimera::analyze {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// P(B = i) for B ~ Binomial(n, 1/2), in log space so that large n does not overflow.
double binomial_half_pmf(std::size_t n, std::size_t i) {
  const double dn = static_cast<double>(n);
  const double di = static_cast<double>(i);
  const double log_choose = std::lgamma(dn + 1) - std::lgamma(di + 1) - std::lgamma(dn - di + 1);
  return std::exp(log_choose - dn * std::log(2.0));
}

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

std::optional<std::pair<double, double>> median_ci_sorted(std::span<const double> sorted,
                                                          double confidence) {
  const std::size_t n = sorted.size();
  std::size_t best_k = 0;  // 1-based order statistic; 0 means none reaches the confidence
  // P(B <= k - 1), kept as a running sum: summing from 0 for every k made this quadratic, hours
  // for the million-run groups of a large corpus. The additions happen in the same order.
  double cdf = 0;
  for (std::size_t k = 1; 2 * k <= n + 1; ++k) {
    cdf += binomial_half_pmf(n, k - 1);
    if (1.0 - 2.0 * cdf >= confidence) {
      best_k = k;
    } else {
      break;
    }
  }
  if (best_k == 0) {
    return std::nullopt;
  }
  return std::pair{sorted[best_k - 1], sorted[n - best_k]};
}

model::Summary summarize(std::span<const double> values) {
  const auto sorted = finite_sorted(values);
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
