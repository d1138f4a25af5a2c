#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "chimera/model/analysis.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::analyze::testing {

// Builds a Table the way ingest would: rows on lines 2.. (a CSV header on line 1), no failures.
class TableBuilder {
 public:
  TableBuilder(std::string source, std::string locator = "") {
    m_table.source = std::move(source);
    m_table.locator = std::move(locator);
  }

  // A numeric metric column in canonical units; the row count is taken from the first column.
  TableBuilder& metric(std::string name, model::MetricKind kind, std::string unit,
                       std::vector<double> values,
                       model::Direction direction = model::Direction::none) {
    model::Column c;
    c.set_name(std::move(name));
    c.set_type(model::ValueType::floating);
    c.set_role(model::Role::metric);
    c.set_kind(kind);
    c.set_unit(std::move(unit));
    c.set_source_unit(c.unit());
    c.set_direction(direction);
    c.numbers = std::move(values);
    return add(std::move(c));
  }

  TableBuilder& dimension(std::string name, std::vector<std::string> values) {
    model::Column c;
    c.set_name(std::move(name));
    c.set_role(model::Role::dimension);
    c.texts = std::move(values);
    return add(std::move(c));
  }

  TableBuilder& dimension(std::string name, std::vector<double> values) {
    model::Column c;
    c.set_name(std::move(name));
    c.set_type(model::ValueType::floating);
    c.set_role(model::Role::dimension);
    c.numbers = std::move(values);
    return add(std::move(c));
  }

  TableBuilder& column(model::Column c) { return add(std::move(c)); }

  TableBuilder& fail(std::size_t row, std::string reason) {
    m_reasons.at(row) = std::move(reason);
    m_table.failed.set(row, true);
    return *this;
  }

  TableBuilder& source_unit(std::string unit) {
    m_table.columns.back().set_source_unit(std::move(unit));
    return *this;
  }

  TableBuilder& pointers(std::vector<std::string> row_pointers) {
    m_table.row_lines = {};
    m_table.row_pointers = std::move(row_pointers);
    return *this;
  }

  [[nodiscard]] model::Table build() const {
    model::Table table = m_table;
    table.failure_reason = m_reasons;
    return table;
  }

 private:
  TableBuilder& add(model::Column c) {
    const std::size_t rows = std::max(c.numbers.size(), c.texts.size());
    if (m_table.columns.empty()) {
      m_table.failed = model::RowFlags(rows);
      m_reasons.assign(rows, "");
      std::vector<double> lines;
      for (std::size_t r = 0; r < rows; ++r) {
        lines.push_back(static_cast<double>(r + 2));
      }
      m_table.row_lines = lines;
    }
    m_table.columns.push_back(std::move(c));
    return *this;
  }

  model::Table m_table;
  std::vector<std::string> m_reasons;
};

// A file entry of a corpus, parsed, with the given content hash.
inline model::FileEntry file(std::string path, std::string hash = "", std::int64_t modified = 0) {
  model::FileEntry f;
  f.path = std::move(path);
  const auto dot = f.path.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : f.path.substr(dot + 1);
  f.kind = ext == "csv"    ? model::FileKind::csv
           : ext == "json" ? model::FileKind::json
           : ext == "md"   ? model::FileKind::markdown
                           : model::FileKind::other;
  f.bytes = 100;
  f.modified = modified;
  f.content_hash = hash.empty() ? f.path : std::move(hash);
  return f;
}

// The readable lines of a finding's evidence, in order.
inline std::vector<std::string> texts(const model::Finding& finding) {
  std::vector<std::string> out;
  for (const auto& e : finding.evidence) {
    out.push_back(e.text);
  }
  return out;
}

}  // namespace chimera::analyze::testing
