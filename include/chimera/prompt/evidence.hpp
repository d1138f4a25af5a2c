#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::prompt {

// One titled block of evidence lines.
struct EvidenceSection {
  std::string title;
  std::vector<std::string> lines;
};

// The evidence the LLM reads: inventory, computed findings, rankings, statistics and files, as
// deterministic text sections, most important first. Empty sections are left out.
[[nodiscard]] std::vector<EvidenceSection> evidence_sections(const model::Corpus& corpus,
                                                             const model::Analysis& analysis);

// A section as text: "## title" and its lines.
[[nodiscard]] std::string to_text(const EvidenceSection& section);

// Estimates prompt tokens from text length, calibrated against the server's own count.
class TokenEstimator {
 public:
  // Tokens of `text`: bytes / 3 (benchmark evidence is dense with digits, which tokenise
  // poorly), times the calibration ratio, rounded up.
  [[nodiscard]] std::int64_t estimate(std::string_view text) const { return estimate(text.size()); }
  [[nodiscard]] std::int64_t estimate(std::size_t bytes) const;
  // Learns from a prompt estimated at `estimated` tokens that the server counted as `actual`.
  // Ratios outside [0.25, 4] are ignored: they mean a prompt cache hit or a bad count.
  void calibrate(std::int64_t estimated, std::int64_t actual);
  [[nodiscard]] double ratio() const { return m_ratio; }

 private:
  double m_ratio = 1.0;
};

// Joins `sections` in order, whole lines only, so the result is at most `max_tokens` by
// `estimator` (unless even the note about what was cut does not fit). A section cut short ends with
// a line saying how many lines were left out, and a last line names the sections left out entirely.
[[nodiscard]] std::string fit_evidence(const std::vector<EvidenceSection>& sections,
                                       std::int64_t max_tokens, const TokenEstimator& estimator);

// "num_gpu=80, num_ctx=2048"; "all rows" for the empty key.
[[nodiscard]] std::string format_group(const model::GroupKey& group);

// One line about the corpus: "7 files (1 csv, 5 json, 1 markdown), 2 tables, 40 rows".
[[nodiscard]] std::string corpus_line(const model::Analysis& analysis);

}  // namespace chimera::prompt
