#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "chimera/analyze/claim_text.hpp"
#include "chimera/analyze/experiments.hpp"
#include "chimera/analyze/records.hpp"
#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// A statistic of the runs a claim may restate.
struct NamedStat {
  std::string name;  // "mean", "median", "min", "max", "p05", "p95", "single run", "stddev",
                     // "cv"; "warm " before them for the runs after the first
  double value = 0;  // in the metric's canonical unit (cv in percent)
  std::size_t n = 0;
};

// The statistics of metric `metric` of configuration `configuration` of experiment
// `experiment`, over the runs in scope (sources under `scope`, "" for all); empty when none.
// The result lives as long as the function object: each is computed once.
using StatsOf = std::function<const std::vector<NamedStat>&(
    std::size_t experiment, std::size_t metric, std::size_t configuration,
    const std::string& scope)>;

// Where a claim was made: the document's path (its directories and name are context of the
// lowest priority), and its enclosing headings (context above the path, below the passage).
struct ClaimPlace {
  std::string source;  // "" for the LLM's narrative: no path, every experiment in scope
  std::string heading;
};

// The contexts a place gives its claims: its headings below the document's title (the title is
// its subject, "Chimera Agent Performance Comparison Report", not the arm of the numbers under
// it), and its path (settings from every directory, words from the file name only: a directory
// "chimera_sweep/" names no arm). Read once per place.
struct PlaceContext {
  ClaimContext heading;
  ClaimContext path;
};
[[nodiscard]] PlaceContext place_context(const ClaimPlace& place);

// The verdict on one claim against the experiments (see model::ClaimVerdict):
// - the experiments with a metric of the claim's kind (measured columns before averaged ones),
//   whose fixed settings and models agree with the claim's context, searched in the scope of
//   the nearest directory above the document that holds their runs;
// - their configurations whose factor levels agree with what the passage, then its headings,
//   then its path name (a level the context does not name matches any);
// - supported when a statistic of one of them equals the claim at the precision written
//   (s and ms, GiB and MiB converted); contradicted when exactly one experiment, metric and
//   configuration match and none does (a best or peak without a configuration: the pooled
//   maximum and the best configuration; a percentage: the changes between configurations that
//   differ in one factor, the one the sentence names when it names one); else unmatched.
// A claim named best is also checked against the ranking of its experiment's configurations
// by mean: contradicted when another ranks first.
[[nodiscard]] model::Claim judge_claim(const TextClaim& claim, const ClaimPlace& place,
                                       const PlaceContext& context,
                                       const std::vector<model::Experiment>& experiments,
                                       const StatsOf& stats);

// The claims of every Markdown document of the corpus, judged against the experiments
// planned from its CSV and JSON runs, with their counts per document.
[[nodiscard]] model::Claims check_documents(const model::Corpus& corpus,
                                            const std::vector<RecordSet>& sets,
                                            const std::vector<PlannedExperiment>& planned);

// The statistics an experiment's summaries give (mean, median, min, max, p05, p95, stddev,
// cv, and the single run of a configuration of one run): what the LLM's evidence holds.
[[nodiscard]] StatsOf summary_stats(const std::vector<model::Experiment>& experiments);

// The `document-drift` findings: one per document with contradicted claims.
[[nodiscard]] std::vector<model::Finding> drift_findings(const model::Claims& claims);

}  // namespace chimera::analyze
