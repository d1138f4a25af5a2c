#include "chimera/ingest/table_builder.hpp"

#include <cmath>

#include "chimera/ingest/duration_check.hpp"

namespace chimera::ingest {
namespace {

bool is_blank_error(std::string_view text) {
  return text.empty() || text == "0" || text == "false" || text == "False" || text == "none" ||
         text == "ok" || text == "OK";
}

// Why a row is a failed run, or "" when it is not: an error column holds text, or the table has
// metrics and all of them are missing or zero in that row.
std::string failure_of(const std::vector<model::Column>& columns, std::size_t row,
                       bool has_metric) {
  for (const auto& column : columns) {
    if (column.role == model::Role::error && !is_blank_error(column.texts[row])) {
      return column.name + ": " + std::string(column.texts[row]);
    }
  }
  if (!has_metric) {
    return {};
  }
  for (const auto& column : columns) {
    if (column.role == model::Role::metric) {
      const double v = column.numbers[row];
      if (!std::isnan(v) && v != 0.0) {
        return {};
      }
    }
  }
  return "every metric is empty or zero";
}

}  // namespace

TableBuilder::TableBuilder(std::string source, std::string locator, std::string title) {
  m_table.source = std::move(source);
  m_table.locator = std::move(locator);
  m_table.title = std::move(title);
}

std::size_t TableBuilder::column(std::string_view name) {
  const std::string key(name);
  if (const auto it = m_index.find(key); it != m_index.end()) {
    return it->second;
  }
  m_index.emplace(key, m_columns.size());
  m_columns.push_back({key, {}, 0, {}});
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
  m_columns[column].line = line;
  m_columns[column].pointer = std::move(pointer);
}

std::string_view TableBuilder::keep(std::string text) {
  return m_arena.emplace_back(std::move(text));
}

model::Table TableBuilder::finish() {
  const std::size_t n = rows();
  model::Table table = std::move(m_table);
  table.columns.reserve(m_columns.size());
  for (auto& pending : m_columns) {
    pending.cells.resize(n, Cell::null());
    auto column = infer_column(std::move(pending.name), pending.cells);
    column.line = pending.line;
    column.pointer = std::move(pending.pointer);
    table.columns.push_back(std::move(column));
    pending.cells = {};
  }
  settle_unitless_durations(table.columns);
  if (m_any_line) {
    table.row_lines = m_lines;
  }
  if (m_any_pointer) {
    table.row_pointers = m_pointers.finish();
  }
  m_lines = {};
  bool has_metric = false;
  for (const auto& column : table.columns) {
    has_metric = has_metric || column.role == model::Role::metric;
  }
  table.failed.assign(n, false);
  model::Texts::Builder reasons;
  reasons.reserve(n);
  for (std::size_t row = 0; row < n; ++row) {
    const std::string reason = failure_of(table.columns, row, has_metric);
    table.failed[row] = !reason.empty();
    reasons.push_back(reason);
  }
  table.failure_reason = reasons.finish();
  m_arena.clear();
  return table;
}

}  // namespace chimera::ingest
