#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace chimera::analyze {

// The Kruskal-Wallis H test of k independent samples, as scipy.stats.kruskal: H from the mean
// ranks of the samples pooled (ties get their mid-rank), divided by the tie correction
// 1 - sum(t^3 - t) / (N^3 - N), and p from the chi-square distribution with k - 1 degrees of
// freedom. Empty samples are left out; fewer than two samples, or all values equal, give p = 1.
struct KruskalWallis {
  double h = 0;
  std::size_t df = 0;
  double p_value = 1;
};

// The test from the samples' rank sums over the pooled sample, their sizes and the tie term
// sum(t^3 - t) of the pooled sample: what a caller that ranked the pooled values once has.
[[nodiscard]] KruskalWallis kruskal_wallis_from_ranks(std::span<const double> rank_sums,
                                                      std::span<const std::size_t> sizes,
                                                      double tie_term);

// The test of samples of finite values, each sorted ascending.
[[nodiscard]] KruskalWallis kruskal_wallis(std::span<const std::span<const double>> samples);

// P(X > x) for X ~ chi-square with `df` degrees of freedom (the regularized upper incomplete
// gamma function Q(df / 2, x / 2)).
[[nodiscard]] double chi_square_survival(double x, double df);

}  // namespace chimera::analyze
