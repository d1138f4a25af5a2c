#pragma once

#include <functional>
#include <string>
#include <vector>

#include "chimera/analyze/experiments.hpp"
#include "chimera/analyze/records.hpp"
#include "chimera/model/changes.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// The record sets of a corpus and the experiments they form, exactly as analyze() plans them
// (duplicate files left out, Markdown tables counted only when they are the measurements), with
// no statistics computed.
struct Plan {
  std::vector<RecordSet> sets;
  std::vector<PlannedExperiment> experiments;
};

[[nodiscard]] Plan plan_corpus(const model::Corpus& corpus, unsigned jobs = 0);

// Every measured value of every experiment of a corpus, one Observation each: what
// `chimera export` writes. Holds the plan, not the values: they are read from the corpus's
// columns as they are visited.
class Observations {
 public:
  Observations(const model::Corpus& corpus, unsigned jobs);

  // Every setting name of any configuration, sorted: the config columns of a CSV export.
  [[nodiscard]] const std::vector<std::string>& setting_names() const { return m_settings; }

  // Calls visit() for every finite value, failed runs included (marked), experiment by
  // experiment (most runs first, as the report lists them), then file by file, row by row,
  // metric by metric. Stops early when visit() returns false; returns whether it ran to the end.
  bool for_each(const std::function<bool(const model::Observation&)>& visit) const;

 private:
  const model::Corpus& m_corpus;
  Plan m_plan;
  std::vector<std::vector<model::GroupKey>> m_configs;  // per experiment, per configuration
  std::vector<std::string> m_settings;
};

}  // namespace chimera::analyze
