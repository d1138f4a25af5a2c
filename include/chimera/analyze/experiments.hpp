#pragma once

#include <cstdint>
#include <vector>

#include "chimera/analyze/records.hpp"
#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// A record set placed in an experiment: the configuration of each of its runs, and which of the
// experiment's metrics each of its series measures.
struct Member {
  std::size_t set = 0;  // index into the record sets
  // Per row of the set's table: an index into configurations, with k_failed_run set for a run
  // that failed, or k_not_a_run for a row with no value at all. Empty for a set of sample
  // arrays, whose rows are not aligned: all of them are runs of `constant`.
  std::vector<std::uint32_t> configuration;
  std::uint32_t constant = 0;
  std::vector<std::uint32_t> metric_of;  // per series of the set: index into the metrics

  // The configuration of row `row`, or k_not_a_run.
  [[nodiscard]] std::uint32_t configuration_of(std::size_t row) const {
    const std::uint32_t c = configuration.empty() ? constant : configuration[row];
    return c == k_not_a_run ? c : c & ~k_failed_run;
  }
  // Whether row `row` is a run that failed (see run_failed).
  [[nodiscard]] bool failed(std::size_t row) const {
    return !configuration.empty() && configuration[row] != k_not_a_run &&
           (configuration[row] & k_failed_run) != 0;
  }

  static constexpr std::uint32_t k_not_a_run = 0xffffffffU;
  static constexpr std::uint32_t k_failed_run = 0x80000000U;
};

inline constexpr std::uint32_t k_not_a_run = Member::k_not_a_run;

// An experiment whose configurations have their factor values, sources and run counts but no
// statistics yet, with the record sets it is made of.
struct PlannedExperiment {
  model::Experiment experiment;
  std::vector<Member> members;
};

// Groups the record sets that count (`counts[i]`) into experiments: sets of one kind (CSV/JSON
// data, or Markdown) with the same metrics (series keys) and locations of the same shape, whose
// locations' common pattern names the experiment. The varying parts of the locations become
// factors (parse_levels) unless they only number replicates, or a setting of the data says the
// same (the data is authoritative: "gpu80" in a directory yields to config.num_gpu = 80, and a
// run whose data sets no num_gpu has none). Settings with two or more values are factors, with
// one the experiment's fixed settings. Experiments come most runs first, then by name.
// Experiments are planned on up to `jobs` threads (0: one per core).
[[nodiscard]] std::vector<PlannedExperiment> plan_experiments(const model::Corpus& corpus,
                                                              const std::vector<RecordSet>& sets,
                                                              const std::vector<bool>& counts,
                                                              unsigned jobs = 0);

// Orders two setting values: both numbers numerically ("512" < "1024"), numbers before text,
// text by bytes; "" (not set) last.
[[nodiscard]] bool value_less(const std::string& a, const std::string& b);

}  // namespace chimera::analyze
