#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
};

// Something a person should know about an input: a skipped file, a ragged row, a bad value.
struct Diagnostic {
  std::string path;                  // relative to the root; empty for corpus-wide notes
  std::optional<std::uint64_t> line; // 1-based, when the input has lines
  Severity severity = Severity::warning;
  std::string message;
};

// "chimera: error: reports/run3.csv:12: expected 5 fields, got 4", as printed on stderr.
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
};
enum class Direction : std::uint8_t { none, higher, lower };

[[nodiscard]] std::string_view to_string(ValueType type);
[[nodiscard]] std::string_view to_string(Role role);
[[nodiscard]] std::string_view to_string(MetricKind kind);
[[nodiscard]] std::string_view to_string(Direction direction);

// One column of a table. Numeric columns (metrics, numeric dimensions, booleans as 0/1,
// timestamps as Unix seconds) fill `numbers` in canonical units, NaN for a missing value;
// text columns fill `texts`. A column fills at least one of them, with one entry per row.
// Both are compact read-only stores (numbers.hpp, texts.hpp): a table is built whole by ingest.
// Names, units and pointers are Symbols: a large corpus repeats them across a million columns.
struct Column {
  Symbol name;
  Symbol unit;         // canonical unit: "ms", "tok/s", "tokens", "MiB", "%", ""
  Symbol source_unit;  // the unit as written in the input, e.g. "s" for ttft_s
  // Provenance of the value of a one-row "scalars" table, where every column has its own origin:
  // the JSON pointer of a JSON value, or the 1-based line of a Markdown bullet (0 when unknown;
  // a line past 2^32 - 1, in a file of more than 4 GB, is held as 2^32 - 1).
  Symbol pointer;
  ValueType type = ValueType::string;
  Role role = Role::text;
  MetricKind kind = MetricKind::none;  // metrics only
  Direction direction = Direction::none;
  std::uint32_t line = 0;
  Numbers numbers;
  Texts texts;
};

// One table: a CSV file, an array of records in a JSON file, a GFM table in Markdown,
// or the file-level scalars of a JSON or Markdown file (a one-row table).
struct Table {
  Symbol source;   // file path relative to the root
  Symbol locator;  // "" for a CSV, a JSON pointer, or "table N" / "scalars" in Markdown
  Symbol title;    // nearest heading or the JSON key, for people
  std::vector<Column> columns;
  Numbers row_lines;          // 1-based line of each row (CSV, Markdown)
  RowPointers row_pointers;   // JSON pointer of each row (JSON)
  RowFlags failed;            // one per row: a failed run, kept but excluded
  Texts failure_reason;       // one per row, empty when not failed

  [[nodiscard]] std::size_t rows() const { return failed.size(); }
  // "file" for a CSV, "file#locator" otherwise: where the table is.
  [[nodiscard]] std::string location() const;
  // "file:line" or "file#pointer" for a row, the provenance shown in findings.
  [[nodiscard]] std::string row_location(std::size_t row) const;
  [[nodiscard]] const Column* find_column(std::string_view name) const;
};

// Everything ingest produced for one run.
struct Corpus {
  std::filesystem::path root;
  std::vector<FileEntry> files;  // sorted by path
  std::vector<Table> tables;     // in file order, then order within the file
  std::vector<Diagnostic> diagnostics;
};

}  // namespace chimera::model
