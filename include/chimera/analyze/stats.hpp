#pragma once

#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "chimera/model/analysis.hpp"

namespace chimera::analyze {

// The finite values of a sample, sorted ascending; NaN and infinities are missing, not data.
[[nodiscard]] std::vector<double> finite_sorted(std::span<const double> values);

// The p-quantile (0 <= p <= 1) of an ascending sample by linear interpolation between order
// statistics: Hyndman and Fan's type 7 (R's default, numpy's "linear"), h = (n - 1) p.
// NaN for an empty sample.
[[nodiscard]] double quantile_sorted(std::span<const double> sorted, double p);

// The median of an ascending sample (type 7 at p = 0.5); NaN for an empty sample.
[[nodiscard]] double median_sorted(std::span<const double> sorted);

// The distribution-free confidence interval of the median of an ascending sample, benchstat's
// method: the order statistics x(k) and x(n + 1 - k) with the largest k such that
// 1 - 2 P(B <= k - 1) >= confidence, B ~ Binomial(n, 1/2). No interval (nullopt) when even
// [min, max] does not reach the confidence, which at 95% means n < 6.
[[nodiscard]] std::optional<std::pair<double, double>> median_ci_sorted(
    std::span<const double> sorted, double confidence = 0.95);

// The 0-based ranks of the order statistics median_ci_sorted returns for a sample of n values.
[[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> median_ci_ranks(
    std::size_t n, double confidence = 0.95);

// n, mean, median, sample standard deviation, coefficient of variation, min, max, p5, p95 and
// the 95% median interval of the finite values. All zero with n = 0.
[[nodiscard]] model::Summary summarize(std::span<const double> values);

// summarize() of a sample of finite values already sorted ascending, without a copy.
[[nodiscard]] model::Summary summarize_sorted(std::span<const double> sorted);

// summarize() of a sample of finite values in any order, reordering them: the order statistics
// it needs (min, max, median, p5, p95, the median interval's ends) are selected rather than
// sorted for, a few linear passes instead of n log n. The same statistics as summarize_sorted
// (the mean and spread summed in another order may differ in their last bits).
[[nodiscard]] model::Summary summarize_in_place(std::span<double> values);

// The median absolute deviation from the median of the finite values; NaN when there are none.
[[nodiscard]] double median_absolute_deviation(std::span<const double> values);

// Iglewicz and Hoaglin's modified z-score of each value, 0.6745 (x - median) / MAD, over the
// finite values (NaN in, NaN out). When the MAD is 0 the scale falls back to 1.253314 times the
// mean absolute deviation from the median; when that is 0 too, every score is 0.
[[nodiscard]] std::vector<double> modified_z_scores(std::span<const double> values);

}  // namespace chimera::analyze
