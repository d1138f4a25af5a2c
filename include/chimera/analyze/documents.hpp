#pragma once

#include <vector>

#include "chimera/analyze/records.hpp"
#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// What became of the Markdown tables among `sets`: one entry per Markdown set, in set order.
struct DocumentVerdicts {
  std::vector<model::DocumentTable> tables;
  std::vector<std::size_t> set_of;  // the index in `sets` of each table
};

// Decides whether each Markdown table restates measurements of the corpus's CSV and JSON files.
// A row restates a run when two or more of its numbers equal, at the precision written (units
// converted), numbers of one row of a measured table of the same kinds; a row with one number
// restates when that number, written with 4 or more significant digits, is measured anywhere.
// A table whose rows mostly restate runs `restates`; otherwise it is `unverified` when CSV or
// JSON files measure any of its kinds, and a `measurement` (its own experiment) when none does.
// Measurements searched: every CSV/JSON set when the corpus holds up to 300,000 measured
// values, else those under the directory above the document's (a report in reports/ restates
// data/ beside it), which keeps the search linear in the data near each document.
[[nodiscard]] DocumentVerdicts classify_documents(const model::Corpus& corpus,
                                                  const std::vector<RecordSet>& sets);

// Numbers of a table that were not found among the runs, checked against statistics instead:
// a row restates a configuration when two or more of its numbers (or its only one) equal a mean,
// median, minimum, maximum, p05 or p95 of that configuration's metrics of the same kinds.
// Turns `unverified` tables whose rows mostly restate statistics into `restates`.
void recheck_against_statistics(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
                                const std::vector<model::Experiment>& experiments,
                                DocumentVerdicts& verdicts);

}  // namespace chimera::analyze
