#include "chimera/ingest/duration_check.hpp"

#include <cmath>
#include <string_view>

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

// The two timestamp columns of `record`, if it has exactly two.
bool find_span(const model::Columns& columns, std::string_view record,
               const model::Column*& first, const model::Column*& second) {
  first = second = nullptr;
  for (const auto& column : columns) {
    if (column.role() != model::Role::timestamp || record_of(column.name()) != record) {
      continue;
    }
    if (first == nullptr) {
      first = &column;
    } else if (second == nullptr) {
      second = &column;
    } else {
      return false;
    }
  }
  return second != nullptr;
}

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
  for (auto& column : columns) {
    if (!is_unitless_duration(column)) {
      continue;
    }
    const model::Column* start = nullptr;
    const model::Column* end = nullptr;
    if (!find_span(columns, record_of(column.name()), start, end) ||
        !matches_seconds(column, *start, *end)) {
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
