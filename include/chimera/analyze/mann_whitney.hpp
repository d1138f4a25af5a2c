#pragma once

#include <cstddef>
#include <span>

namespace chimera::analyze {

// The two-sided Mann-Whitney U test of two independent samples.
struct MannWhitney {
  double u = 0;        // U of the first sample: pairs where it is larger, ties counting 1/2
  double p_value = 1;  // two-sided
  bool exact = false;  // true: exact null distribution; false: normal approximation
};

// Compares the finite values of `a` and `b` (NaN is missing). Follows scipy.stats.mannwhitneyu
// with method="auto": the exact distribution of U when a side has at most 8 values and there
// are no ties (and, unlike scipy, at most 10,000 pairs, to bound the cost), otherwise the normal
// approximation with tie correction and a continuity correction of 1/2. The exact two-sided p is
// min(1, 2 P(U <= min(U1, U2))). An empty side, or all values equal, gives p = 1.
[[nodiscard]] MannWhitney mann_whitney_u(std::span<const double> a, std::span<const double> b);

// mann_whitney_u of two samples of finite values already sorted ascending: the ranks come from
// merging them, so a test costs one pass over both.
[[nodiscard]] MannWhitney mann_whitney_sorted(std::span<const double> a, std::span<const double> b);

// P(U <= u) under the null hypothesis for samples of sizes m and n without ties.
[[nodiscard]] double mann_whitney_exact_cdf(std::size_t m, std::size_t n, double u);

}  // namespace chimera::analyze
