#include "buckets.hpp"

#include <algorithm>
#include <cmath>
#include <queue>

#include "chimera/analyze/stats.hpp"
#include "chimera/util/sort.hpp"

namespace chimera::analyze::detail {
namespace {

// Calls visit(configuration, value) for every value of the metric that counts.
template <class Visit>
void for_each_value(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
                    const PlannedExperiment& planned, std::size_t metric, Visit visit) {
  for (const auto& member : planned.members) {
    const auto& set = sets[member.set];
    for (std::size_t i = 0; i < set.series.size(); ++i) {
      if (member.metric_of[i] != metric) {
        continue;
      }
      const auto& table = corpus.tables[set.series[i].table];
      const auto& numbers = table.columns[set.series[i].column].numbers;
      const std::size_t rows = std::min(numbers.size(), table.rows());
      if (set.samples) {
        if (member.constant == k_not_a_run) {
          continue;
        }
        for (std::size_t r = 0; r < rows; ++r) {
          const double v = numbers[r];
          if (std::isfinite(v)) {
            visit(member.constant, v);
          }
        }
        continue;
      }
      for (std::size_t r = 0; r < rows; ++r) {
        const std::uint32_t c = member.configuration_of(r);
        if (c == k_not_a_run || member.failed(r)) {
          continue;
        }
        const double v = numbers[r];
        if (std::isfinite(v)) {
          visit(c, v);
        }
      }
    }
  }
}

}  // namespace

std::size_t count_values(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
                         const PlannedExperiment& planned, std::size_t metric) {
  std::size_t n = 0;
  for_each_value(corpus, sets, planned, metric, [&](std::uint32_t, double) { ++n; });
  return n;
}

Buckets::Buckets(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
                 const PlannedExperiment& planned, std::size_t metric, bool sorted) {
  const std::size_t configurations = planned.experiment.configurations.size();
  std::vector<std::size_t> counts(configurations, 0);
  for_each_value(corpus, sets, planned, metric, [&](std::uint32_t c, double) { ++counts[c]; });
  m_offsets.assign(configurations + 1, 0);
  for (std::size_t c = 0; c < configurations; ++c) {
    m_offsets[c + 1] = m_offsets[c] + counts[c];
  }
  m_values.resize(m_offsets.back());
  std::vector<std::size_t> next(m_offsets.begin(), m_offsets.end() - 1);
  for_each_value(corpus, sets, planned, metric,
                 [&](std::uint32_t c, double v) { m_values[next[c]++] = v; });
  for (std::size_t c = 0; c < configurations && sorted; ++c) {
    util::sort_doubles(mutable_of(c));
  }
}

// The k-th smallest (0-based) of the union of sorted parts, without merging them: a pivot from
// the middle of the widest remaining window, counted in every part by binary search, narrows
// all windows to one side of it. O(m^2 log n) for m parts: for few parts of many values.
double kth_of_sorted(const std::vector<std::span<const double>>& parts, std::size_t k) {
  const std::size_t m = parts.size();
  std::vector<std::size_t> lo(m, 0);
  std::vector<std::size_t> hi(m);
  for (std::size_t j = 0; j < m; ++j) {
    hi[j] = parts[j].size();
  }
  std::vector<std::size_t> below(m);
  std::vector<std::size_t> upto(m);
  while (true) {
    std::size_t widest = 0;
    for (std::size_t j = 1; j < m; ++j) {
      widest = hi[j] - lo[j] > hi[widest] - lo[widest] ? j : widest;
    }
    const double pivot = parts[widest][lo[widest] + (hi[widest] - lo[widest]) / 2];
    std::size_t less = 0;
    std::size_t not_more = 0;
    for (std::size_t j = 0; j < m; ++j) {
      const auto first = parts[j].begin();
      below[j] = static_cast<std::size_t>(
          std::lower_bound(first + static_cast<std::ptrdiff_t>(lo[j]),
                           first + static_cast<std::ptrdiff_t>(hi[j]), pivot) -
          first);
      upto[j] = static_cast<std::size_t>(
          std::upper_bound(first + static_cast<std::ptrdiff_t>(below[j]),
                           first + static_cast<std::ptrdiff_t>(hi[j]), pivot) -
          first);
      less += below[j] - lo[j];
      not_more += upto[j] - lo[j];
    }
    if (k < less) {
      hi = below;
    } else if (k < not_more) {
      return pivot;
    } else {
      k -= not_more;
      lo = upto;
    }
  }
}

model::Summary summarize_pooled(const std::vector<std::span<const double>>& all) {
  std::vector<std::span<const double>> parts;
  std::size_t total = 0;
  for (const auto& p : all) {
    if (!p.empty()) {
      parts.push_back(p);
      total += p.size();
    }
  }
  if (parts.size() > k_search_parts) {
    std::vector<double> pooled;
    pooled.reserve(total);
    for (const auto& p : parts) {
      pooled.insert(pooled.end(), p.begin(), p.end());
    }
    return summarize_in_place(pooled);
  }
  model::Summary s;
  s.n = total;
  if (s.n == 0) {
    return s;
  }
  const double n = static_cast<double>(s.n);
  double sum = 0;
  s.min = parts.front().front();
  s.max = parts.front().back();
  for (const auto& p : parts) {
    for (const double v : p) {
      sum += v;
    }
    s.min = std::min(s.min, p.front());
    s.max = std::max(s.max, p.back());
  }
  s.mean = sum / n;
  if (s.n >= 2) {
    double squares = 0;
    for (const auto& p : parts) {
      for (const double v : p) {
        squares += (v - s.mean) * (v - s.mean);
      }
    }
    s.stddev = std::sqrt(squares / (n - 1));
  }
  s.cv = s.mean == 0 ? 0 : s.stddev / std::fabs(s.mean);
  const auto quantile = [&](double p) {  // type 7, as quantile_sorted
    const double h = (n - 1) * p;
    const double lower = std::floor(h);
    const auto i = static_cast<std::size_t>(lower);
    const double low = kth_of_sorted(parts, i);
    return i + 1 >= s.n ? low : low + (h - lower) * (kth_of_sorted(parts, i + 1) - low);
  };
  s.median = quantile(0.5);
  s.p05 = quantile(0.05);
  s.p95 = quantile(0.95);
  if (const auto ranks = median_ci_ranks(s.n)) {
    s.median_ci = std::pair{kth_of_sorted(parts, ranks->first), kth_of_sorted(parts, ranks->second)};
  }
  return s;
}

PooledRanks pooled_ranks(const Buckets& buckets, const std::vector<bool>& include) {
  PooledRanks out;
  const std::size_t k = buckets.configurations();
  out.rank_sums.assign(k, 0.0);
  out.sizes.assign(k, 0);
  struct Head {
    double value;
    std::size_t configuration;
    std::size_t index;
    bool operator>(const Head& other) const {
      return value != other.value ? value > other.value : configuration > other.configuration;
    }
  };
  std::priority_queue<Head, std::vector<Head>, std::greater<>> heap;
  for (std::size_t c = 0; c < k; ++c) {
    if (include[c] && !buckets.of(c).empty()) {
      heap.push({buckets.of(c)[0], c, 0});
      out.sizes[c] = buckets.of(c).size();
    }
  }
  std::size_t position = 0;
  std::vector<std::pair<std::size_t, std::size_t>> tied;  // configuration, count
  while (!heap.empty()) {
    const double v = heap.top().value;
    tied.clear();
    std::size_t t = 0;
    while (!heap.empty() && heap.top().value == v) {
      Head head = heap.top();
      heap.pop();
      const auto values = buckets.of(head.configuration);
      std::size_t end = head.index;
      while (end < values.size() && values[end] == v) {
        ++end;
      }
      tied.emplace_back(head.configuration, end - head.index);
      t += end - head.index;
      if (end < values.size()) {
        heap.push({values[end], head.configuration, end});
      }
    }
    const double midrank = static_cast<double>(position) + (static_cast<double>(t) + 1) / 2;
    const double dt = static_cast<double>(t);
    out.tie_term += dt * dt * dt - dt;
    for (const auto& [c, count] : tied) {
      out.rank_sums[c] += midrank * static_cast<double>(count);
    }
    position += t;
  }
  return out;
}

}  // namespace chimera::analyze::detail
