#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chimera/model/block_pool.hpp"
#include "chimera/model/numbers.hpp"
#include "chimera/model/row_flags.hpp"
#include "chimera/model/row_pointers.hpp"
#include "chimera/model/symbol.hpp"
#include "chimera/model/texts.hpp"

namespace chimera::model {

enum class FileKind : std::uint8_t { csv, json, markdown, other };
enum class Severity : std::uint8_t { info, warning, error };

// The lower-case name used in reports and JSON: "csv", "json", "markdown", "other".
[[nodiscard]] std::string_view to_string(FileKind kind);
[[nodiscard]] std::string_view to_string(Severity severity);

// One file found under the corpus root, parsed or not.
struct FileEntry {
  std::string path;  // relative to the root, '/' separators
  FileKind kind = FileKind::other;
  std::uint64_t bytes = 0;
  std::int64_t modified = 0;  // seconds since the Unix epoch, UTC
  std::string content_hash;   // hex digest of the bytes, set by ingest; empty if not read
  bool skipped = false;       // not parsed (too large, binary, unreadable, ...)
  std::string skip_reason;
  std::size_t tables = 0;  // tables ingested from this file
  std::string masked_hash;  // digest with timestamps and ids masked (masked_hash.hpp); may be ""
};

// Something a person should know about an input: a skipped file, a ragged row, a bad value.
struct Diagnostic {
  std::string path;                  // relative to the root; empty for corpus-wide notes
  std::optional<std::uint64_t> line; // 1-based, when the input has lines
  Severity severity = Severity::warning;
  std::string message;
};

// "chimera: error: reports/run3.csv:12: expected 5 fields, got 4", as printed on stderr, with
// control characters in the path and message shown as escapes (util::printable).
[[nodiscard]] std::string format_diagnostic(const Diagnostic& diagnostic);

// Orders diagnostics by path, then line (a diagnostic without a line first), then message.
[[nodiscard]] bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

// Where a parser's input came from; parsers take text plus this, never a path to open.
struct SourceRef {
  std::string path;  // relative to the root
  FileKind kind = FileKind::other;
};

enum class ValueType : std::uint8_t { integer, floating, boolean, timestamp, string };
enum class Role : std::uint8_t { metric, dimension, timestamp, error, text };
enum class MetricKind : std::uint8_t {
  none,
  throughput,   // tok/s
  ttft,         // ms
  latency,      // ms
  load,         // ms
  prompt_eval,  // ms
  eval,         // ms
  total,        // ms
  compile,      // ms
  duration,     // ms, any other duration
  tokens,       // count of tokens
  memory,       // MiB
  ratio,        // fraction
  percent,      // %
  count,        // any other count
  other,        // a number of unknown meaning
  // Not a measurement of one run but a comparison of two; the kind compared is the column's
  // base_kind (none when the name does not say).
  delta,        // a difference, in the unit of its base kind: throughput_delta, TTFT Δ (ms)
  improvement,  // a relative change against a baseline, %: improvement_pct, ttft_reduction_percent
  speedup,      // a ratio of two measurements, x: speedup, "1.8x"
  // A measurement per unit of a resource, in a compound unit kept as written ("tok/s per GB");
  // base_kind is the measurement (throughput for tok/s per GB).
  efficiency,
  temperature,  // a hardware temperature, °C (gpu_temperature_c); never the sampling temperature
};
enum class Direction : std::uint8_t { none, higher, lower };

// Where a metric's unit was read from.
enum class UnitSource : std::uint8_t {
  none,        // not a metric, or no unit at all
  name,        // the column's name: ttft_s, "TTFT (ms)", eval_s_mean
  header_row,  // a row of units under the header (Nsight Compute's CSVs)
  cells,       // the cells: "26.77s"
  time_span,   // the span between its record's start and end times, in seconds
  siblings,    // the one unit the other columns of its table write in their names
  ollama_ns,   // none written; large whole numbers, read as Ollama's nanoseconds
  assumed,     // none written; taken as the canonical unit (ms, MiB, tok/s)
};

[[nodiscard]] std::string_view to_string(ValueType type);
[[nodiscard]] std::string_view to_string(Role role);
[[nodiscard]] std::string_view to_string(MetricKind kind);
[[nodiscard]] std::string_view to_string(Direction direction);
[[nodiscard]] std::string_view to_string(UnitSource source);

// Whether a kind is a raw measurement of one run (throughput, ttft, latency, load, prompt_eval,
// eval, total, compile, duration, memory, tokens): what a ranking, a Pareto front or a cold
// start may compare. Deltas, improvements, speedups, efficiencies, ratios, percents, counts,
// temperatures and numbers of unknown meaning are not.
[[nodiscard]] bool is_raw_measurement(MetricKind kind);

// The last part of a column name, as people read it: after the last " > " of a Markdown key
// qualified by its heading ("TTFT > Baseline" -> "Baseline"), then after the last '.' of a JSON
// dotted path ("baseline.aggregate.ttft_ms" -> "ttft_ms"). A '.' inside brackets, before a space
// or between digits is not a separator ("Avg. TTFT", "Qwen2.5 TTFT (s)"), and '/' never is:
// "Tokens/s" and "Throughput (tok/s)" are leaves whole.
[[nodiscard]] std::string_view column_leaf(std::string_view name);

// What a column is, apart from its values. A large corpus repeats a few thousand of these across
// millions of columns (every table of a sweep's Markdown reports has the same header), so each
// distinct one is kept once per process and a Column holds its 4-byte id (column_head.cpp).
struct ColumnHead {
  Symbol name;
  Symbol unit;         // canonical unit: "ms", "tok/s", "tokens", "MiB", "%", ""
  Symbol source_unit;  // the unit as written in the input, e.g. "s" for ttft_s
  ValueType type = ValueType::string;
  Role role = Role::text;
  MetricKind kind = MetricKind::none;  // metrics only
  Direction direction = Direction::none;
  // For a delta, improvement, speedup or efficiency (or a ratio of two measurements): the raw
  // kind it compares, e.g. ttft for ttft_delta_ms. none otherwise or when the name does not say.
  MetricKind base_kind = MetricKind::none;
  UnitSource unit_source = UnitSource::none;  // metrics only

  friend bool operator==(const ColumnHead& a, const ColumnHead& b) {
    return a.name.id() == b.name.id() && a.unit.id() == b.unit.id() &&
           a.source_unit.id() == b.source_unit.id() && a.type == b.type && a.role == b.role &&
           a.kind == b.kind && a.direction == b.direction && a.base_kind == b.base_kind &&
           a.unit_source == b.unit_source;
  }
};

namespace detail {
// Head ids index a table of chunks, as Symbol ids do: written once before an id in them is
// handed out, never moved; id 0 is the default head.
inline constexpr unsigned k_head_chunk_bits = 12;
inline constexpr std::size_t k_head_chunk_size = std::size_t{1} << k_head_chunk_bits;
inline constexpr std::size_t k_head_chunks = std::size_t{1} << 18;  // 2^30 heads
extern std::atomic<const ColumnHead*> g_head_chunks[k_head_chunks];

[[nodiscard]] inline const ColumnHead& column_head(std::uint32_t id) {
  return g_head_chunks[id >> k_head_chunk_bits].load(
      std::memory_order_acquire)[id & (k_head_chunk_size - 1)];
}
// The id of `head`, kept from now on if it is new. Thread-safe.
[[nodiscard]] std::uint32_t intern_head(const ColumnHead& head);
}  // namespace detail

// One column of a table: its head (name, units, type, role, kind, direction), the origin of a
// scalar's value, and one value per row. Numeric columns (metrics, numeric dimensions, booleans
// as 0/1, timestamps as Unix seconds) fill `numbers` in canonical units, NaN for a missing value;
// text columns fill `texts`. A column fills at least one of them, with one entry per row.
// Both are compact read-only stores (numbers.hpp, texts.hpp): a table is built whole by ingest.
// 40 bytes: a corpus of small Markdown tables holds millions of columns.
class Column {
 public:
  [[nodiscard]] const ColumnHead& head() const { return detail::column_head(m_head); }
  void set_head(const ColumnHead& head) { m_head = detail::intern_head(head); }

  [[nodiscard]] const Symbol& name() const { return head().name; }
  [[nodiscard]] const Symbol& unit() const { return head().unit; }
  [[nodiscard]] const Symbol& source_unit() const { return head().source_unit; }
  [[nodiscard]] ValueType type() const { return head().type; }
  [[nodiscard]] Role role() const { return head().role; }
  [[nodiscard]] MetricKind kind() const { return head().kind; }
  [[nodiscard]] Direction direction() const { return head().direction; }
  [[nodiscard]] MetricKind base_kind() const { return head().base_kind; }
  [[nodiscard]] UnitSource unit_source() const { return head().unit_source; }
  // Each setter looks the changed head up again: build a ColumnHead and set_head() it to set
  // several fields at once.
  void set_name(Symbol name);
  void set_unit(Symbol unit);
  void set_source_unit(Symbol source_unit);
  void set_type(ValueType type);
  void set_role(Role role);
  void set_kind(MetricKind kind);
  void set_direction(Direction direction);
  void set_unit_source(UnitSource source);

  // Provenance of the value of a one-row "scalars" table, where every column has its own origin:
  // the JSON pointer of a JSON value, or the 1-based line of a Markdown bullet. A column has at
  // most one of them: line() is 0 when there is a pointer or the line is unknown, and a line
  // past 2^31 - 1 (in a file of more than 2 GB) is held as 2^31 - 1.
  [[nodiscard]] Symbol pointer() const;
  [[nodiscard]] std::uint32_t line() const;
  void set_pointer(Symbol pointer);
  void set_line(std::uint64_t line);

  Numbers numbers;
  Texts texts;

 private:
  static constexpr std::uint32_t k_pointer_bit = std::uint32_t{1} << 31;

  // Sets one field of the head.
  template <class T>
  void change(T ColumnHead::*field, T value);

  std::uint32_t m_head = 0;
  // A line, or a pointer's Symbol id with k_pointer_bit set.
  std::uint32_t m_origin = 0;
};

static_assert(sizeof(Column) == 40, "a Markdown corpus holds millions of these");

// A table's columns, in a pooled block (block_pool.hpp) rather than malloc's.
using Columns = std::vector<Column, detail::PoolAllocator<Column>>;

// A value a raw measurement cannot take (a negative duration, throughput, size or count), left
// out of its column by ingest (read as missing there) so that no statistic sees it.
struct ImpossibleValue {
  std::uint32_t column = 0;
  std::uint32_t row = 0;
  double value = 0;  // in the column's unit
};

// One table: a CSV file, an array of records in a JSON file, a GFM table in Markdown,
// or the file-level scalars of a JSON or Markdown file (a one-row table).
struct Table {
  Symbol source;   // file path relative to the root
  Symbol locator;  // "" for a CSV, a JSON pointer, or "table N" / "scalars" in Markdown
  Symbol title;    // nearest heading or the JSON key, for people
  Columns columns;
  Numbers row_lines;          // 1-based line of each row (CSV, Markdown)
  RowPointers row_pointers;   // JSON pointer of each row (JSON)
  RowFlags failed;            // one per row: a failed run, kept but excluded
  Texts failure_reason;       // one per row, empty when not failed
  std::vector<ImpossibleValue> impossible;  // by column, then row; runs that did not fail only

  [[nodiscard]] std::size_t rows() const { return failed.size(); }
  // "file" for a CSV, "file#locator" otherwise: where the table is.
  [[nodiscard]] std::string location() const;
  // "file:line" or "file#pointer" for a row, the provenance shown in findings.
  [[nodiscard]] std::string row_location(std::size_t row) const;
  [[nodiscard]] const Column* find_column(std::string_view name) const;
};

// A line of a Markdown document that may state a measurement (it holds a digit), kept for the
// claims engine: a sentence's line, a list item's line, or a table's header or row.
enum class PassageKind : std::uint8_t { text, item, table_header, table_row };

struct Passage {
  Symbol source;  // file path relative to the root
  std::uint32_t line = 0;
  PassageKind kind = PassageKind::text;
  std::string heading;  // the enclosing headings, outermost first, joined by " > "
  std::string text;     // a table's cells joined by " | "
};

// Passages kept per document, and the length of one: beyond them a document's lines are not
// checked (a generated report of thousands of rows restates one table many times).
inline constexpr std::size_t k_passages_per_file = 2000;
inline constexpr std::size_t k_passage_chars = 600;

// Everything ingest produced for one run.
struct Corpus {
  std::filesystem::path root;
  std::vector<FileEntry> files;  // sorted by path
  std::vector<Table> tables;     // in file order, then order within the file
  std::vector<Diagnostic> diagnostics;
  std::vector<Passage> passages;  // Markdown lines that may state measurements, in file order
};

}  // namespace chimera::model
