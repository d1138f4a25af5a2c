#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "chimera/analyze/locations.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze {

// A metric column read as one measurement per run.
struct SeriesRef {
  std::uint32_t table = 0;
  std::uint32_t column = 0;
  model::Symbol name;      // its name in the set: the column's leaf, "ttft_ms"
  model::Symbol key;       // normalize_name(name): what series of one experiment are joined by
  bool aggregate = false;  // a mean or total over runs, not one run's value
};

// A setting column that applies to a set's runs, and which of its rows holds a run's value.
struct SettingRef {
  std::uint32_t table = 0;
  std::uint32_t column = 0;
  model::Symbol name;  // canonical_setting of the column's name
  // Row r of the set reads row r of `table` (neither set), row 0 (one_row: a file's scalars),
  // or enclosing->at(r) (an enclosing JSON record; k_no_row when there is none).
  bool one_row = false;
  std::shared_ptr<const std::vector<std::uint32_t>> enclosing;
  std::size_t depth = 0;  // path length of the column: the nearest setting of a name wins
};

inline constexpr std::uint32_t k_no_row = 0xffffffffU;

// The runs of one harness output in one place: the rows of a table (or of one arm of a wide
// JSON record: "baseline.*" beside "chimera.*"), or the sample arrays of one JSON object.
struct RecordSet {
  std::uint32_t file = 0;  // index into corpus.files
  model::FileKind kind = model::FileKind::other;
  Location location;
  std::vector<std::uint32_t> tables;  // whose rows are runs: one, but for sample arrays
  std::vector<SeriesRef> series;      // sorted by key
  std::vector<SettingRef> settings;   // nearest first within a name
  std::string arm;                    // the arm's prefix, "" when the table has none
  bool samples = false;               // JSON arrays of numbers: rows of different tables
  // Columns that tell a run that produced nothing: its throughput, and its generated tokens.
  std::uint32_t throughput_column = k_none;
  std::uint32_t tokens_column = k_none;

  static constexpr std::uint32_t k_none = 0xffffffffU;
};

// The record sets of every parsed table of the corpus, in corpus order, from files that are not
// `duplicate` (by file index). A set keeps only measurements: spreads (stddev, p95, max), numbers
// stated in advance (expected_*), run counts and ids are left out; means and totals (by name, by
// a container such as aggregate_metrics, or a *_summary file) are kept only where no raw
// measurement of that kind exists in the same file or directory; a sample array that repeats a
// table of runs in its file verbatim is left out. Sets left with nothing are dropped. Markdown
// tables become sets too (kind markdown); whether they count is decided by the caller.
[[nodiscard]] std::vector<RecordSet> record_sets(const model::Corpus& corpus,
                                                 const std::vector<bool>& duplicate);

// The files whose content hash, or hash with timestamps and ids masked, equals that of an earlier
// file (path order): their tables never count, so that no run counts twice.
[[nodiscard]] std::vector<bool> duplicate_files(const model::Corpus& corpus);

// The text of a setting for row `row` of a set, or "" when the run has none (a missing or
// non-finite cell, or a sentence rather than data).
[[nodiscard]] std::string setting_value(const model::Corpus& corpus, const SettingRef& setting,
                                        std::size_t row);

// Whether run `row` of a set failed: ingest marked it (an error message, every metric empty or
// zero), or it generated nothing: a throughput of exactly 0 with no generated tokens.
[[nodiscard]] bool run_failed(const model::Corpus& corpus, const RecordSet& set, std::size_t row);

// Why run `row` failed: the error message ingest kept, "no tokens generated, throughput 0", or
// "no error message".
[[nodiscard]] std::string failure_reason(const model::Corpus& corpus, const RecordSet& set,
                                         std::size_t row);

// The direction of a metric: the column's own, else the kind's (throughput higher, durations
// and memory lower), else none.
[[nodiscard]] model::Direction direction_of(model::MetricKind kind, model::Direction direction);

}  // namespace chimera::analyze
