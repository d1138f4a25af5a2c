#include "chimera/ingest/table_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "chimera/ingest/duration_check.hpp"

namespace chimera::ingest {
namespace {

bool is_blank_error(std::string_view text) {
  return text.empty() || text == "0" || text == "false" || text == "False" || text == "none" ||
         text == "ok" || text == "OK";
}

// Why each row is a failed run, as the index of the first error column that holds text in it,
// or one of these two. Worked out column by column: a walk row by row decoded every column's
// compact store once per row, and branched on each column's role as often.
constexpr std::uint32_t k_not_failed = UINT32_MAX;
constexpr std::uint32_t k_metrics_empty = UINT32_MAX - 1;  // the table has metrics, all missing or 0

std::vector<std::uint32_t> failure_causes(const model::Columns& columns,
                                          std::size_t rows) {
  bool has_metric = false;
  for (const auto& column : columns) {
    has_metric = has_metric || column.role() == model::Role::metric;
  }
  std::vector<std::uint32_t> causes(rows, has_metric ? k_metrics_empty : k_not_failed);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& column = columns[c];
    if (column.role() == model::Role::error) {
      for (std::size_t row = 0; row < rows; ++row) {
        if (causes[row] >= k_metrics_empty && !is_blank_error(column.texts[row])) {
          causes[row] = static_cast<std::uint32_t>(c);
        }
      }
    } else if (column.role() == model::Role::metric) {
      for (std::size_t row = 0; row < rows; ++row) {
        const double v = column.numbers[row];
        if (causes[row] == k_metrics_empty && !std::isnan(v) && v != 0.0) {
          causes[row] = k_not_failed;
        }
      }
    }
  }
  return causes;
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
  m_columns.push_back({key, {}, 0, {}, rows() > 1});
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
    auto column = infer_column(std::move(pending.name), pending.cells);
    if (!pending.pointer.empty()) {
      column.set_pointer(pending.pointer);
    } else {
      column.set_line(pending.line);
    }
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
  const auto causes = failure_causes(table.columns, n);
  table.failed = model::RowFlags(n);
  model::Texts::Builder reasons;
  reasons.reserve(n);
  std::string reason;
  for (std::size_t row = 0; row < n; ++row) {
    const std::uint32_t cause = causes[row];
    table.failed.set(row, cause != k_not_failed);
    if (cause == k_not_failed) {
      reasons.push_back({});
    } else if (cause == k_metrics_empty) {
      reasons.push_back("every metric is empty or zero");
    } else {
      const auto& column = table.columns[cause];
      reason.assign(column.name()).append(": ").append(column.texts[row]);
      reasons.push_back(reason);
    }
  }
  table.failure_reason = reasons.finish();
  m_arena.clear();
  return table;
}

}  // namespace chimera::ingest
