#include "chimera/ingest/table_builder.hpp"

#include <cmath>

namespace chimera::ingest {
namespace {

bool is_blank_error(std::string_view text) {
  return text.empty() || text == "0" || text == "false" || text == "False" || text == "none" ||
         text == "ok" || text == "OK";
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
  m_lines.push_back(line);
  m_pointers.push_back(std::move(pointer));
}

void TableBuilder::set(std::size_t column, Cell cell) {
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
  if (m_any_line) {
    table.row_lines = std::move(m_lines);
  }
  if (m_any_pointer) {
    table.row_pointers = std::move(m_pointers);
  }
  table.failed.assign(n, false);
  table.failure_reason.assign(n, {});
  bool has_metric = false;
  for (const auto& column : table.columns) {
    has_metric = has_metric || column.role == model::Role::metric;
  }
  for (std::size_t row = 0; row < n; ++row) {
    for (const auto& column : table.columns) {
      if (column.role == model::Role::error && !is_blank_error(column.texts[row])) {
        table.failed[row] = true;
        table.failure_reason[row] = column.name + ": " + column.texts[row];
        break;
      }
    }
    if (table.failed[row] || !has_metric) {
      continue;
    }
    bool all_empty = true;
    for (const auto& column : table.columns) {
      if (column.role == model::Role::metric) {
        const double v = column.numbers[row];
        all_empty = all_empty && (std::isnan(v) || v == 0.0);
      }
    }
    if (all_empty) {
      table.failed[row] = true;
      table.failure_reason[row] = "every metric is empty or zero";
    }
  }
  m_arena.clear();
  return table;
}

}  // namespace chimera::ingest
