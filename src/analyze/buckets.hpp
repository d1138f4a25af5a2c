#pragma once

// One metric's values of an experiment, configuration by configuration, sorted. Internal to
// analyze/.

#include <cstddef>
#include <span>
#include <vector>

#include "chimera/analyze/experiments.hpp"
#include "chimera/analyze/records.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze::detail {

class Buckets {
 public:
  // The finite values of metric `metric` of every run that did not fail, read from the columns
  // in place (two passes: count, then fill, so each value is held once), sorted within each
  // configuration when `sorted`, else in run order.
  Buckets(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
          const PlannedExperiment& planned, std::size_t metric, bool sorted = true);

  // The values of a configuration, to reorder in place (summarize_in_place).
  [[nodiscard]] std::span<double> mutable_of(std::size_t configuration) {
    return {m_values.data() + m_offsets[configuration],
            m_offsets[configuration + 1] - m_offsets[configuration]};
  }

  [[nodiscard]] std::span<const double> of(std::size_t configuration) const {
    return {m_values.data() + m_offsets[configuration],
            m_offsets[configuration + 1] - m_offsets[configuration]};
  }
  [[nodiscard]] std::size_t configurations() const { return m_offsets.size() - 1; }
  [[nodiscard]] std::size_t total() const { return m_values.size(); }

 private:
  std::vector<double> m_values;
  std::vector<std::size_t> m_offsets;  // configurations + 1
};

// How many values Buckets would hold for `metric`, without reading them into memory.
[[nodiscard]] std::size_t count_values(const model::Corpus& corpus,
                                       const std::vector<RecordSet>& sets,
                                       const PlannedExperiment& planned, std::size_t metric);

// Above this many sorted parts, order statistics of their union are selected from a copy rather
// than searched for in place (kth_of_sorted costs parts^2 log n).
inline constexpr std::size_t k_search_parts = 64;

// The k-th smallest (0-based) of the union of sorted parts, found in place.
[[nodiscard]] double kth_of_sorted(const std::vector<std::span<const double>>& parts,
                                   std::size_t k);

// summarize() of the values of sorted parts together, without a pooled copy when at most
// k_search_parts of them are non-empty.
[[nodiscard]] model::Summary summarize_pooled(const std::vector<std::span<const double>>& parts);

// Mid-ranks of the values of the configurations in `include`, pooled: each configuration's rank
// sum and count, and the tie term sum(t^3 - t). A k-way merge of the sorted buckets.
struct PooledRanks {
  std::vector<double> rank_sums;  // by configuration; 0 for those left out
  std::vector<std::size_t> sizes;
  double tie_term = 0;
};

[[nodiscard]] PooledRanks pooled_ranks(const Buckets& buckets, const std::vector<bool>& include);

}  // namespace chimera::analyze::detail
