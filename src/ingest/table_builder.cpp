#include "chimera/ingest/table_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "chimera/ingest/duration_check.hpp"
#include "chimera/ingest/impossible_values.hpp"
#include "chimera/ingest/names.hpp"
#include "chimera/ingest/sibling_units.hpp"

namespace chimera::ingest {
namespace {

bool is_blank_error(std::string_view text) {
  return text.empty() || text == "0" || text == "false" || text == "False" || text == "none" ||
         text == "ok" || text == "OK";
}

// Why each row is a failed run, as the index of the first column that says so in it, or one of
// these. Worked out column by column: a walk row by row decoded every column's compact store
// once per row, and branched on each column's role as often.
constexpr std::uint32_t k_not_failed = UINT32_MAX;
constexpr std::uint32_t k_metrics_empty = UINT32_MAX - 1;  // the table has metrics, no data here

// Whether a column's value in `row` says the run failed.
bool says_failed(const model::Column& column, const NameInfo& info, std::size_t row) {
  if (column.role() == model::Role::error) {
    return !is_blank_error(column.texts[row]);
  }
  if (info.status && !column.texts.empty()) {
    return status_means_failure(column.texts[row]);
  }
  if (info.success && !column.numbers.empty()) {
    return column.numbers[row] == 0.0;
  }
  return false;
}

std::vector<std::uint32_t> failure_causes(const model::Columns& columns,
                                          std::size_t rows) {
  bool has_metric = false;
  bool has_raw = false;
  for (const auto& column : columns) {
    has_metric = has_metric || column.role() == model::Role::metric;
    has_raw = has_raw ||
              (column.role() == model::Role::metric && model::is_raw_measurement(column.kind()));
  }
  std::vector<std::uint32_t> causes(rows, has_metric ? k_metrics_empty : k_not_failed);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& column = columns[c];
    if (column.role() == model::Role::metric) {
      // A run is judged by its raw measurements when the table has any, and a zero there is no
      // reading (a run that generated nothing). A table of counts, percents or comparisons
      // ("0/16 (0%)", a Δ of +0.0%) holds no raw measurement, and its zeros are readings.
      const bool raw = model::is_raw_measurement(column.kind());
      if (has_raw && !raw) {
        continue;
      }
      for (std::size_t row = 0; row < rows; ++row) {
        const double v = column.numbers[row];
        if (causes[row] == k_metrics_empty && !std::isnan(v) && (v != 0.0 || !raw)) {
          causes[row] = k_not_failed;
        }
      }
      continue;
    }
    if (column.role() != model::Role::error && column.role() != model::Role::text &&
        column.role() != model::Role::dimension) {
      continue;
    }
    const NameInfo info = classify_name(column.name());
    if (column.role() != model::Role::error && !info.status && !info.success) {
      continue;
    }
    for (std::size_t row = 0; row < rows; ++row) {
      if (causes[row] >= k_metrics_empty && says_failed(column, info, row)) {
        causes[row] = static_cast<std::uint32_t>(c);
      }
    }
  }
  return causes;
}

// "success: false" for a boolean column, "status: failed" for text.
std::string failure_text(const model::Column& column, std::size_t row) {
  std::string reason(column.name());
  reason += ": ";
  if (!column.texts.empty()) {
    reason += column.texts[row];
  } else if (column.type() == model::ValueType::boolean) {
    reason += column.numbers[row] != 0.0 ? "true" : "false";
  } else {
    reason += "0";
  }
  return reason;
}

}  // namespace

TableBuilder::TableBuilder(std::string source, std::string locator, std::string title)
    : m_locator(locator) {
  m_table.source = std::move(source);
  m_table.locator = std::move(locator);
  m_table.title = std::move(title);
}

std::size_t TableBuilder::column(std::string_view name) {
  const std::string key(name);
  if (const auto it = m_index.find(key); it != m_index.end()) {
    return it->second;
  }
  const std::size_t padding = rows() > 1 ? rows() - 1 : 0;
  if (m_columns.size() == k_max_columns || m_padding + padding > k_max_padding) {
    if (m_limit.empty()) {
      m_limit = m_columns.size() == k_max_columns
                    ? "the most a table holds"
                    : "columns that first appear after its first row may pad at most " +
                          std::to_string(k_max_padding) + " empty cells";
    }
    ++m_left_out_columns;
    return k_no_column;
  }
  m_padding += padding;
  m_index.emplace(key, m_columns.size());
  m_columns.push_back({key, {}, 0, {}, {}, rows() > 1});
  return m_columns.size() - 1;
}

void TableBuilder::reserve(std::size_t rows) {
  m_lines.reserve(rows);
  m_pointers.reserve(rows);
  for (auto& column : m_columns) {
    column.cells.reserve(rows);
  }
}

void TableBuilder::begin_row(std::uint64_t line, std::string pointer) {
  m_any_line = m_any_line || line != 0;
  m_any_pointer = m_any_pointer || !pointer.empty();
  m_lines.push_back(static_cast<double>(line));
  m_pointers.push_back(pointer);
}

void TableBuilder::set_sparse(std::size_t column, Cell cell) {
  auto& cells = m_columns[column].cells;
  const std::size_t row = rows() - 1;
  if (cells.size() > row) {
    cells[row] = cell;
    return;
  }
  cells.resize(row, Cell::null());
  cells.push_back(cell);
}

void TableBuilder::set_origin(std::size_t column, std::uint64_t line, std::string pointer) {
  if (column == k_no_column) {
    return;
  }
  m_columns[column].line = line;
  m_columns[column].pointer = std::move(pointer);
}

void TableBuilder::set_header_unit(std::size_t column, std::string unit) {
  m_columns[column].header_unit = std::move(unit);
}

void TableBuilder::fail_row(std::string reason) {
  if (rows() == 0 || (!m_failed_rows.empty() && m_failed_rows.back().first == rows() - 1)) {
    return;  // the first reason given for a row stands
  }
  m_failed_rows.emplace_back(rows() - 1, std::move(reason));
}

std::string_view TableBuilder::keep(std::string text) {
  return m_arena.emplace_back(std::move(text));
}

std::string TableBuilder::limit_note() const {
  if (m_left_out_columns == 0) {
    return {};
  }
  return (m_locator.empty() ? "the table" : "table " + m_locator) + " keeps " +
         std::to_string(m_columns.size()) + " columns (" + m_limit + "); " +
         std::to_string(m_left_out_values) + " values in further columns are left out";
}

void TableBuilder::drop_late_columns() {
  const std::size_t n = std::max<std::size_t>(rows(), 1);
  const auto early = static_cast<std::size_t>(std::count_if(
      m_columns.begin(), m_columns.end(), [](const PendingColumn& c) { return !c.late; }));
  const std::size_t allowed = std::max(k_max_cells, 2 * n * early) / n;  // columns
  if (m_columns.size() <= allowed) {
    return;
  }
  std::size_t keep = m_columns.size();
  for (std::size_t i = m_columns.size(); i-- > 0 && keep > allowed;) {
    if (!m_columns[i].late) {
      continue;
    }
    for (const Cell& cell : m_columns[i].cells) {
      m_left_out_values += cell.kind == Cell::Kind::null ? 0 : 1;
    }
    m_columns[i].cells = {};
    m_columns[i].name.clear();  // marks it dropped
    ++m_left_out_columns;
    --keep;
  }
  std::erase_if(m_columns, [](const PendingColumn& c) { return c.name.empty(); });
  if (m_limit.empty()) {
    m_limit = "columns that first appear after its first row are kept while the table holds at "
              "most " + std::to_string(k_max_cells) + " cells, or twice what its first row's "
              "columns take";
  }
}

model::Table TableBuilder::finish() {
  drop_late_columns();
  const std::size_t n = rows();
  model::Table table = std::move(m_table);
  table.columns.reserve(m_columns.size());
  for (auto& pending : m_columns) {
    pending.cells.resize(n, Cell::null());
    auto column = infer_column(std::move(pending.name), pending.cells, pending.header_unit);
    if (!pending.pointer.empty()) {
      column.set_pointer(pending.pointer);
    } else {
      column.set_line(pending.line);
    }
    table.columns.push_back(std::move(column));
    pending.cells = {};
  }
  settle_unitless_durations(table.columns);
  settle_by_siblings(table.columns);
  if (m_any_line) {
    table.row_lines = m_lines;
  }
  if (m_any_pointer) {
    table.row_pointers = m_pointers.finish();
  }
  m_lines = {};
  const auto causes = failure_causes(table.columns, n);
  table.failed = model::RowFlags(n);
  model::Texts::Builder reasons;
  reasons.reserve(n);
  auto told = m_failed_rows.begin();
  for (std::size_t row = 0; row < n; ++row) {
    const std::uint32_t cause = causes[row];
    const bool is_told = told != m_failed_rows.end() && told->first == row;
    table.failed.set(row, cause != k_not_failed || is_told);
    if (cause < k_metrics_empty) {
      reasons.push_back(failure_text(table.columns[cause], row));
    } else if (is_told) {
      reasons.push_back(told->second);
    } else if (cause == k_metrics_empty) {
      reasons.push_back("every metric is empty or zero");
    } else {
      reasons.push_back({});
    }
    told += is_told ? 1 : 0;
  }
  table.failure_reason = reasons.finish();
  exclude_impossible(table);
  m_failed_rows.clear();
  m_arena.clear();
  return table;
}

}  // namespace chimera::ingest
