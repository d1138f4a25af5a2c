#include "chimera/ingest/duration_check.hpp"

#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chimera::ingest {
namespace {

// "baseline.execution_time" -> "baseline."; "" for a name without a dot.
std::string_view record_of(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : name.substr(0, dot + 1);
}

bool is_unitless_duration(const model::Column& column) {
  return column.role() == model::Role::metric && column.unit() == "ms" &&
         column.unit_source() == model::UnitSource::assumed;
}

// The timestamp columns of each record, found in one pass: looking them up per duration column
// made a wide table of durations quadratic in its columns.
class RecordSpans {
 public:
  explicit RecordSpans(const model::Columns& columns) {
    for (const auto& column : columns) {
      if (column.role() == model::Role::timestamp) {
        auto& stamps = m_by_record[record_of(column.name())];
        stamps.push_back(&column);
      }
    }
  }

  // The two timestamp columns of `record`, or nulls unless it has exactly two.
  [[nodiscard]] std::pair<const model::Column*, const model::Column*> span(
      std::string_view record) const {
    const auto it = m_by_record.find(record);
    if (it == m_by_record.end() || it->second.size() != 2) {
      return {nullptr, nullptr};
    }
    return {it->second[0], it->second[1]};
  }

 private:
  // Keys view the columns' interned names, which outlive this.
  std::unordered_map<std::string_view, std::vector<const model::Column*>> m_by_record;
};

// Whether every row with all three values has `value` within 1% of the span in seconds.
bool matches_seconds(const model::Column& value, const model::Column& a, const model::Column& b) {
  std::size_t compared = 0;
  for (std::size_t row = 0; row < value.numbers.size(); ++row) {
    const double v = value.numbers[row];
    const double span = std::fabs(b.numbers[row] - a.numbers[row]);
    if (std::isnan(v) || std::isnan(span)) {
      continue;
    }
    if (span <= 0 || std::fabs(v - span) > 0.01 * span) {
      return false;
    }
    ++compared;
  }
  return compared > 0;
}

}  // namespace

void settle_unitless_durations(model::Columns& columns) {
  std::optional<RecordSpans> spans;  // built only for a table that has a unitless duration
  for (auto& column : columns) {
    if (!is_unitless_duration(column)) {
      continue;
    }
    if (!spans) {
      spans.emplace(columns);
    }
    const auto [start, end] = spans->span(record_of(column.name()));
    if (start == nullptr || !matches_seconds(column, *start, *end)) {
      continue;
    }
    std::vector<double> ms = column.numbers.to_vector();
    for (double& v : ms) {
      v *= 1000.0;
    }
    column.numbers = ms;
    model::ColumnHead head = column.head();
    head.source_unit = "s";
    head.unit_source = model::UnitSource::time_span;
    column.set_head(head);
  }
}

}  // namespace chimera::ingest
