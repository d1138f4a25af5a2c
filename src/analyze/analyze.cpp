#include "chimera/analyze/analyze.hpp"

#include "chimera/analyze/compare.hpp"
#include "chimera/analyze/findings.hpp"
#include "chimera/analyze/inventory.hpp"
#include "chimera/analyze/metrics.hpp"
#include "chimera/analyze/narrative.hpp"
#include "chimera/analyze/ranking.hpp"
#include "chimera/analyze/rows.hpp"

namespace chimera::analyze {

model::Analysis analyze(const model::Corpus& corpus) {
  model::Analysis analysis;
  analysis.inventory = take_inventory(corpus);
  analysis.metrics = table_metrics(corpus);
  const RowIndex index = index_rows(corpus);
  analysis.shared_dimensions = index.shared;
  analysis.groups = group_metrics(corpus, index);
  const auto primary = primary_metric(analysis.groups);
  if (primary) {
    analysis.ranking = rank_configs(analysis.groups, *primary);
    analysis.comparisons = sweep_comparisons(analysis.groups, *primary);
  }
  analysis.pareto = pareto_front(analysis.groups);
  analysis.findings = find_all(corpus, index, analysis.groups, primary.value_or(""));
  auto narrative = write_narrative(analysis);
  analysis.key_findings = std::move(narrative.key_findings);
  analysis.recommendations = std::move(narrative.recommendations);
  return analysis;
}

}  // namespace chimera::analyze
