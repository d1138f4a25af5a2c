#pragma once

#include <cstdint>
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "chimera/ingest/infer.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// Collects the cells of one table row by row, then infers every column and marks failed rows.
// Columns may appear late (a JSON record with a new key): earlier rows read as null there.
// Memory is bounded whatever the input. A table holds at most k_max_columns columns. A column
// that first appears after the first row is added only while the nulls padded in front of such
// columns stay within k_max_padding cells (a cell is 24 bytes before inference), and is kept by
// finish() only while the table stays within k_max_cells cells, or twice the size its first
// row's columns give it. Without these, a JSON object of 3 million keys cost 4.5 GB, and a JSON
// Lines file whose every record brings a new key cost rows x keys. Values of the columns left out
// are counted for limit_note().
class TableBuilder {
 public:
  static constexpr std::size_t k_max_columns = 16'384;
  static constexpr std::size_t k_max_padding = std::size_t{1} << 22;
  static constexpr std::size_t k_max_cells = std::size_t{1} << 22;
  // What column() returns for a column left out by the limits; set() ignores it.
  static constexpr std::size_t k_no_column = SIZE_MAX;

  TableBuilder(std::string source, std::string locator, std::string title);

  // Index of the column called `name`, added if new and the limits allow; else k_no_column.
  std::size_t column(std::string_view name);
  // Room for `rows` rows in every column added so far, to spare regrowing large tables.
  void reserve(std::size_t rows);
  // Starts a row; later set() calls fill it. `line` is 0 and `pointer` empty when unknown.
  void begin_row(std::uint64_t line, std::string pointer);
  // Sets the current row's cell in `column`; a second set of the same cell replaces the first.
  void set(std::size_t column, Cell cell) {
    if (column == k_no_column) {
      ++m_left_out_values;
      return;
    }
    // Inline for the common case, a dense row filled in column order (every CSV row): one
    // append per cell. A JSON record that skips or revisits a column takes the general path.
    auto& cells = m_columns[column].cells;
    if (cells.size() + 1 == rows()) {
      cells.push_back(cell);
      return;
    }
    set_sparse(column, cell);
  }
  // Provenance of a single-row table's column: the line or JSON pointer its value came from.
  void set_origin(std::size_t column, std::uint64_t line, std::string pointer);
  // The unit a units row wrote under the column's header (Nsight Compute: "nsecond", "Kbyte").
  void set_header_unit(std::size_t column, std::string unit);
  // Marks the current row a failed run for `reason` ("results.torch_compile.error: OOM"), as the
  // JSON reader does for the records under an object that says it failed.
  void fail_row(std::string reason);
  // Copies `text` into storage that lives as long as the builder, for cells that are not a
  // plain slice of the input (unescaped CSV fields, Markdown cell text).
  [[nodiscard]] std::string_view keep(std::string text);

  [[nodiscard]] std::size_t rows() const { return m_lines.size(); }
  [[nodiscard]] std::size_t columns() const { return m_columns.size(); }
  [[nodiscard]] const std::string& title() const { return m_table.title; }
  // Why values were left out of the table by the limits, for a diagnostic; empty if none were.
  // Complete once finish() has run.
  [[nodiscard]] std::string limit_note() const;

  // Infers the columns (a unitless duration or size takes its siblings' unit, see
  // settle_by_siblings) and marks a row failed, giving the first reason that applies: an error
  // column holds text; a status column says failed (status_means_failure) or a success column
  // false; fail_row() was called; the table has metrics and none holds data in that row. A table
  // with raw measurements (model::is_raw_measurement) is judged by them alone, and a zero there
  // is no data (a throughput or a duration of 0); in a table of counts, percents or comparisons
  // only an empty cell is no data ("0/16 (0%)" and a Δ of +0.0% are readings).
  [[nodiscard]] model::Table finish();

 private:
  void set_sparse(std::size_t column, Cell cell);

  struct PendingColumn {
    std::string name;
    std::vector<Cell> cells;
    std::uint64_t line = 0;
    std::string pointer;
    std::string header_unit;
    bool late = false;  // first set after the first row
  };
  // Leaves out the late columns, last added first, that take the table past its cell limit.
  void drop_late_columns();
  model::Table m_table;
  std::vector<PendingColumn> m_columns;
  std::unordered_map<std::string, std::size_t> m_index;
  std::vector<double> m_lines;
  model::RowPointers::Builder m_pointers;
  bool m_any_line = false;
  bool m_any_pointer = false;
  std::vector<std::pair<std::size_t, std::string>> m_failed_rows;  // row, reason; rows ascending
  std::size_t m_padding = 0;           // nulls in front of late columns
  std::size_t m_left_out_columns = 0;  // names refused by column() or dropped by finish()
  std::size_t m_left_out_values = 0;   // cells set in them
  std::string m_limit;                 // the limit that left the first of them out
  std::string m_locator;               // the table's, for the note
  std::deque<std::string> m_arena;
};

}  // namespace chimera::ingest
