#include "chimera/analyze/analyze.hpp"

#include <algorithm>

#include "chimera/analyze/agreement.hpp"
#include "chimera/analyze/claims.hpp"
#include "chimera/analyze/documents.hpp"
#include "chimera/analyze/experiment_stats.hpp"
#include "chimera/analyze/experiments.hpp"
#include "chimera/analyze/findings.hpp"
#include "chimera/analyze/inventory.hpp"
#include "chimera/analyze/metrics.hpp"
#include "chimera/analyze/narrative.hpp"
#include "chimera/analyze/records.hpp"
#include "chimera/util/parallel.hpp"

namespace chimera::analyze {

model::Analysis analyze(const model::Corpus& corpus, unsigned jobs,
                        const BaselineRequest* baseline) {
  model::Analysis analysis;
  analysis.inventory = take_inventory(corpus);
  analysis.metrics = table_metrics(corpus, model::k_table_metrics, analysis.metrics_total);
  const auto sets = record_sets(corpus, duplicate_files(corpus));
  // Markdown tables count as runs only when no CSV or JSON file measures what they state.
  auto documents = classify_documents(corpus, sets);
  std::vector<bool> counts(sets.size(), true);
  for (std::size_t i = 0; i < documents.tables.size(); ++i) {
    counts[documents.set_of[i]] = documents.tables[i].use == model::DocumentUse::measurement;
  }
  auto planned = plan_experiments(corpus, sets, counts, jobs);
  util::parallel_for(planned.size(), jobs,
                     [&](std::size_t i) { compute_statistics(corpus, sets, planned[i], jobs); });
  analysis.agreements = find_agreements(corpus, sets, planned);
  if (baseline != nullptr) {
    analysis.comparison = std::make_shared<const model::BaselineComparison>(
        compare_to_baseline(corpus, sets, planned, *baseline, jobs));
  }
  std::vector<model::Experiment> experiments;
  experiments.reserve(planned.size());
  for (const auto& p : planned) {
    experiments.push_back(p.experiment);
  }
  recheck_against_statistics(corpus, sets, experiments, documents);
  analysis.documents = std::move(documents.tables);
  analysis.findings = find_all({corpus, sets, planned, jobs});
  // What the corpus's own documents state, checked against its runs.
  analysis.claims = check_documents(corpus, sets, planned);
  for (auto& f : drift_findings(analysis.claims)) {
    const auto at = std::find_if(analysis.findings.begin(), analysis.findings.end(),
                                 [](const auto& g) { return g.severity < model::Severity::warning; });
    analysis.findings.insert(at, std::move(f));
  }
  analysis.experiments = std::move(experiments);
  auto narrative = write_narrative(analysis);
  analysis.key_findings = std::move(narrative.key_findings);
  analysis.recommendations = std::move(narrative.recommendations);
  return analysis;
}

}  // namespace chimera::analyze
