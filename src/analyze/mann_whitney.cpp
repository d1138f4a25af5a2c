#include "chimera/analyze/mann_whitney.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "chimera/analyze/stats.hpp"

namespace chimera::analyze {
namespace {

constexpr std::size_t k_exact_max_side = 8;
// Exact counting costs about m^2 n^2 / 2 steps; past this many pairs the normal approximation is
// both accurate and far cheaper.
constexpr std::size_t k_exact_max_pairs = 10000;

struct Ranked {
  double rank_sum_a = 0;
  double tie_term = 0;  // sum of t^3 - t over groups of t tied values
};

// Ranks of two ascending samples merged, without copying them.
Ranked rank(std::span<const double> a, std::span<const double> b) {
  Ranked out;
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t position = 0;  // values ranked so far
  while (i < a.size() || j < b.size()) {
    const double v = j == b.size() || (i < a.size() && a[i] <= b[j]) ? a[i] : b[j];
    std::size_t from_a = 0;
    std::size_t from_b = 0;
    while (i < a.size() && a[i] == v) {
      ++i;
      ++from_a;
    }
    while (j < b.size() && b[j] == v) {
      ++j;
      ++from_b;
    }
    const double t = static_cast<double>(from_a + from_b);
    const double midrank = static_cast<double>(position) + (t + 1) / 2;
    out.tie_term += t * t * t - t;
    out.rank_sum_a += midrank * static_cast<double>(from_a);
    position += from_a + from_b;
  }
  return out;
}

}  // namespace

double mann_whitney_exact_cdf(std::size_t m, std::size_t n, double u) {
  if (m > n) {
    std::swap(m, n);
  }
  // p[m'] is the distribution of U for sizes (m', n') as n' grows column by column:
  // p(u; m', n') = m'/(m'+n') p(u - n'; m'-1, n') + n'/(m'+n') p(u; m', n'-1). Probabilities,
  // unlike counts, neither overflow nor cancel.
  // P(U <= u) needs only the entries up to u, and each entry depends only on lower ones.
  if (u < 0) {
    return 0.0;
  }
  const auto limit = static_cast<std::size_t>(std::floor(u + 1e-9)) + 1;
  std::vector<std::vector<double>> prev(m + 1, std::vector<double>{1.0});
  for (std::size_t cols = 1; cols <= n; ++cols) {
    std::vector<std::vector<double>> cur(m + 1);
    cur[0] = {1.0};
    for (std::size_t rows = 1; rows <= m; ++rows) {
      std::vector<double> dist(std::min(rows * cols + 1, limit), 0.0);
      const double total = static_cast<double>(rows + cols);
      const double w_last_a = static_cast<double>(rows) / total;
      const double w_last_b = static_cast<double>(cols) / total;
      for (std::size_t k = 0; k < cur[rows - 1].size() && k + cols < dist.size(); ++k) {
        dist[k + cols] += w_last_a * cur[rows - 1][k];
      }
      for (std::size_t k = 0; k < prev[rows].size() && k < dist.size(); ++k) {
        dist[k] += w_last_b * prev[rows][k];
      }
      cur[rows] = std::move(dist);
    }
    prev = std::move(cur);
  }
  double cdf = 0;
  const auto& dist = prev[m];
  for (const double p : dist) {
    cdf += p;
  }
  return std::min(cdf, 1.0);
}

MannWhitney mann_whitney_u(std::span<const double> a, std::span<const double> b) {
  return mann_whitney_sorted(finite_sorted(a), finite_sorted(b));
}

MannWhitney mann_whitney_sorted(std::span<const double> xs, std::span<const double> ys) {
  MannWhitney out;
  if (xs.empty() || ys.empty()) {
    return out;
  }
  const double n1 = static_cast<double>(xs.size());
  const double n2 = static_cast<double>(ys.size());
  const Ranked ranked = rank(xs, ys);
  out.u = ranked.rank_sum_a - n1 * (n1 + 1) / 2;
  const double u_other = n1 * n2 - out.u;
  const bool ties = ranked.tie_term > 0;
  if (!ties && std::min(xs.size(), ys.size()) <= k_exact_max_side &&
      xs.size() * ys.size() <= k_exact_max_pairs) {
    out.exact = true;
    const double tail = mann_whitney_exact_cdf(xs.size(), ys.size(), std::min(out.u, u_other));
    out.p_value = std::min(1.0, 2.0 * tail);
    return out;
  }
  const double n = n1 + n2;
  const double variance = n1 * n2 / 12.0 * ((n + 1) - ranked.tie_term / (n * (n - 1)));
  if (variance <= 0) {
    return out;
  }
  const double z = (std::max(out.u, u_other) - n1 * n2 / 2.0 - 0.5) / std::sqrt(variance);
  out.p_value = std::min(1.0, std::erfc(z / std::sqrt(2.0)));
  return out;
}

}  // namespace chimera::analyze
