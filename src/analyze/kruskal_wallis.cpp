#include "chimera/analyze/kruskal_wallis.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace chimera::analyze {
namespace {

// P(a, x) by its series, for x < a + 1 (Numerical Recipes' gser).
double gamma_p_series(double a, double x) {
  double sum = 1.0 / a;
  double term = sum;
  for (int n = 1; n < 1000; ++n) {
    term *= x / (a + n);
    sum += term;
    if (std::fabs(term) < std::fabs(sum) * 1e-15) {
      break;
    }
  }
  return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Q(a, x) by its continued fraction (modified Lentz), for x >= a + 1 (Numerical Recipes' gcf).
double gamma_q_fraction(double a, double x) {
  constexpr double k_tiny = 1e-300;
  double b = x + 1 - a;
  double c = 1 / k_tiny;
  double d = 1 / b;
  double h = d;
  for (int i = 1; i < 1000; ++i) {
    const double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    d = std::fabs(d) < k_tiny ? k_tiny : d;
    c = b + an / c;
    c = std::fabs(c) < k_tiny ? k_tiny : c;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < 1e-15) {
      break;
    }
  }
  return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

}  // namespace

double chi_square_survival(double x, double df) {
  if (!(x > 0) || !(df > 0)) {
    return 1.0;
  }
  const double a = df / 2;
  const double half = x / 2;
  const double q = half < a + 1 ? 1.0 - gamma_p_series(a, half) : gamma_q_fraction(a, half);
  return std::clamp(q, 0.0, 1.0);
}

KruskalWallis kruskal_wallis_from_ranks(std::span<const double> rank_sums,
                                        std::span<const std::size_t> sizes, double tie_term) {
  KruskalWallis out;
  double n = 0;
  std::size_t groups = 0;
  for (const auto size : sizes) {
    n += static_cast<double>(size);
    groups += size > 0 ? 1 : 0;
  }
  if (groups < 2 || n < 2) {
    return out;
  }
  double sum = 0;
  for (std::size_t g = 0; g < sizes.size(); ++g) {
    if (sizes[g] > 0) {
      sum += rank_sums[g] * rank_sums[g] / static_cast<double>(sizes[g]);
    }
  }
  const double correction = 1.0 - tie_term / (n * n * n - n);
  if (correction <= 0) {
    return out;  // every value equal
  }
  out.h = (12.0 / (n * (n + 1)) * sum - 3.0 * (n + 1)) / correction;
  out.df = groups - 1;
  out.p_value = chi_square_survival(out.h, static_cast<double>(out.df));
  return out;
}

KruskalWallis kruskal_wallis(std::span<const std::span<const double>> samples) {
  std::vector<std::pair<double, std::size_t>> pooled;
  std::vector<std::size_t> sizes;
  for (std::size_t g = 0; g < samples.size(); ++g) {
    sizes.push_back(samples[g].size());
    for (const double v : samples[g]) {
      pooled.emplace_back(v, g);
    }
  }
  std::sort(pooled.begin(), pooled.end());
  std::vector<double> rank_sums(samples.size(), 0.0);
  double tie_term = 0;
  for (std::size_t i = 0; i < pooled.size();) {
    std::size_t j = i;
    while (j < pooled.size() && pooled[j].first == pooled[i].first) {
      ++j;
    }
    const double t = static_cast<double>(j - i);
    const double midrank = static_cast<double>(i) + (t + 1) / 2;
    tie_term += t * t * t - t;
    for (std::size_t k = i; k < j; ++k) {
      rank_sums[pooled[k].second] += midrank;
    }
    i = j;
  }
  return kruskal_wallis_from_ranks(rank_sums, sizes, tie_term);
}

}  // namespace chimera::analyze
