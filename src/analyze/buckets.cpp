#include "buckets.hpp"

#include <algorithm>
#include <cmath>
#include <queue>

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
