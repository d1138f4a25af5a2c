#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// What a claim says of the runs besides its number.
enum class ClaimStat : std::uint8_t {
  any,       // a mean, median, min, max, p05, p95 or a single run
  stddev,    // written after "±", or named: "std", "standard deviation"
  cv,        // "CV", "coefficient of variation", in percent
  relative,  // a percentage of a measurement: a change between two configurations
};

// The settings and words a passage names: "num_gpu=80", "g80_c1024_t0.8", "gpu120_ctx1024_
// temp0p6" (settings), "q4_0", "gemma3:latest" (models), and every other word, lower case.
struct ClaimContext {
  std::vector<std::pair<std::string, std::string>> settings;  // canonical name, value
  std::vector<std::string> models;
  std::vector<std::string> words;

  void merge(const ClaimContext& other);
};

// One number a passage states as a measurement.
struct TextClaim {
  double value = 0;  // as written, sign dropped for percentages
  double upper = 0;  // the upper end of a range ("15-20%"), else value
  int decimals = 0;  // digits written after the point
  std::string unit;  // as written ("ms", "s", "tok/s", "%", "tokens"), "" when none
  model::MetricKind kind = model::MetricKind::none;
  bool unmeasurable = false;  // a quantity no harness here measures: utilisation, accuracy, cost
  ClaimStat stat = ClaimStat::any;
  bool warm = false;       // says warm, or excluding the cold start
  bool best = false;       // says best, fastest, top, winner
  bool peak = false;       // says peak, max, highest
  std::string named_stat;  // the statistic it names: "mean", "median", "min", "max", "p95"
  ClaimContext context;    // what this number's row, cell, bullet or sentence names
};

// The context a path spells: its directory and file names read as settings, models and words
// ("sweep/gpu80_ctx512/reports/baseline_report.md" -> num_gpu=80, num_ctx=512, "baseline").
[[nodiscard]] ClaimContext context_of_text(std::string_view text);

// The claims of one passage: `header` is the table header of a table row (else empty). Numbers
// that are not measurements are left out: section numbers, dates and times, versions, numbers
// inside names (g80, q4_0, gemma3), setting values (num_gpu=80), counts of runs, files,
// configurations or prompts, run numbers, and any number whose metric cannot be told from its
// cell, row, key or the words beside it.
[[nodiscard]] std::vector<TextClaim> claims_in(const model::Passage& passage,
                                               std::string_view header);

// The claims of one sentence of running text (the LLM's narrative).
[[nodiscard]] std::vector<TextClaim> claims_in_sentence(std::string_view sentence);

}  // namespace chimera::analyze
