#include "chimera/ingest/infer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "chimera/ingest/names.hpp"
#include "chimera/ingest/units.hpp"
#include "chimera/ingest/values.hpp"
#include "metric_units.hpp"

namespace chimera::ingest {
namespace {

using model::MetricKind;
using model::Role;
using model::ValueType;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// First pass over the cells: what every non-null cell can be read as.
struct Census {
  std::size_t nulls = 0;
  std::size_t integers = 0;
  std::size_t numbers = 0;  // integers included
  std::size_t booleans = 0;
  std::size_t others = 0;   // text that is neither a number nor a boolean
};

Census take_census(std::span<const Cell> cells, std::vector<double>& values) {
  Census census;
  values.assign(cells.size(), k_nan);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Cell& cell = cells[i];
    switch (cell.kind) {
      case Cell::Kind::null: ++census.nulls; break;
      case Cell::Kind::integer:
        ++census.integers;
        ++census.numbers;
        values[i] = cell.number;
        break;
      case Cell::Kind::number:
        ++census.numbers;
        values[i] = cell.number;
        break;
      case Cell::Kind::boolean:
        ++census.booleans;
        values[i] = cell.number;
        break;
      case Cell::Kind::text: ++census.others; break;
      case Cell::Kind::raw:
        // No null token reads as a number, so the common cell, a number, is tried first.
        if (bool integral = false; read_number(cell.text(), values[i], integral)) {
          ++census.numbers;
          census.integers += integral ? 1u : 0u;
        } else if (is_null_token(cell.text())) {
          ++census.nulls;
        } else if (const auto flag = parse_boolean(cell.text())) {
          values[i] = *flag ? 1.0 : 0.0;
          ++census.booleans;
        } else {
          ++census.others;
        }
        break;
    }
  }
  return census;
}

bool is_missing(const Cell& cell) {
  return cell.kind == Cell::Kind::null || (cell.kind == Cell::Kind::raw && is_null_token(cell.text()));
}

model::Texts texts_of(std::span<const Cell> cells) {
  model::Texts::Builder texts;
  texts.reserve(cells.size());
  for (const Cell& cell : cells) {
    if (cell.kind == Cell::Kind::text || cell.kind == Cell::Kind::raw) {
      texts.push_back(is_missing(cell) ? std::string_view() : trim(cell.text()));
    } else if (cell.kind == Cell::Kind::null) {
      texts.push_back({});
    } else if (cell.kind == Cell::Kind::boolean) {
      texts.push_back(cell.number != 0.0 ? "true" : "false");
    } else {
      // Shortest round-trip form: 0.6 stays "0.6", 60 stays "60".
      char buffer[32];
      const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, cell.number);
      texts.push_back({buffer, ec == std::errc() ? end : buffer});
    }
  }
  return texts.finish();
}

// Whether every present cell is written exactly as its number prints ("17", not "017" or
// "1e3"), so that the numbers alone give back what the file said. Run ids are such columns: as
// numbers they cost two bytes a row instead of a dictionary entry each.
bool writes_back_as_numbers(std::span<const Cell> cells, std::span<const double> values) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Cell& cell = cells[i];
    if (cell.kind != Cell::Kind::raw || std::isnan(values[i])) {
      continue;  // a null, or a number the input held as a number (JSON)
    }
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, values[i]);
    if (ec != std::errc() || std::string_view(buffer, end) != trim(cell.text())) {
      return false;
    }
  }
  return true;
}

// All non-null cells as timestamps, or nullopt.
std::optional<std::vector<double>> as_timestamps(std::span<const Cell> cells) {
  std::vector<double> out(cells.size(), k_nan);
  std::size_t found = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (is_missing(cells[i])) {
      continue;
    }
    if (cells[i].kind != Cell::Kind::text && cells[i].kind != Cell::Kind::raw) {
      return std::nullopt;
    }
    const auto stamp = parse_timestamp(cells[i].text());
    if (!stamp) {
      return std::nullopt;
    }
    out[i] = *stamp;
    ++found;
  }
  return found > 0 ? std::optional(std::move(out)) : std::nullopt;
}

// All non-null cells as "number [unit] [annotation]", or nullopt. Units are returned per cell.
std::optional<std::vector<std::string_view>> as_leading_numbers(std::span<const Cell> cells,
                                                                 std::vector<double>& values,
                                                                 bool& integral) {
  std::vector<std::string_view> units(cells.size());
  integral = true;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Cell& cell = cells[i];
    if (cell.kind == Cell::Kind::integer || cell.kind == Cell::Kind::number) {
      integral = integral && cell.kind == Cell::Kind::integer;
      continue;
    }
    if (is_missing(cell)) {
      continue;
    }
    if (cell.kind != Cell::Kind::text && cell.kind != Cell::Kind::raw) {
      return std::nullopt;
    }
    const auto leading = parse_leading_number(cell.text());
    if (!leading) {
      return std::nullopt;
    }
    values[i] = leading->value;
    units[i] = leading->unit;
    integral = integral && leading->value == std::floor(leading->value) &&
               trim(cell.text()).find('.') == std::string_view::npos;
  }
  return units;
}

// Whether every present value lies in [low, high].
bool all_within(const std::vector<double>& values, double low, double high) {
  return std::all_of(values.begin(), values.end(),
                     [&](double v) { return std::isnan(v) || (v >= low && v <= high); });
}

// Whether any cell carries a unit that changes what its number means ("4.3B" parameters are not
// 4.3 bytes); a count of tokens ("1024 tokens") does not.
bool has_meaningful_unit(const std::vector<std::string_view>& cell_units) {
  return std::any_of(cell_units.begin(), cell_units.end(), [](std::string_view text) {
    const auto unit = parse_unit(text);
    return !text.empty() && !(unit && unit->family == UnitFamily::tokens);
  });
}

// Whether a text is longer than a setting's value is ever written: a sentence, not "12.4".
bool has_long_text(const model::Texts& texts) {
  constexpr std::size_t k_longest_setting = 64;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (texts[i].size() > k_longest_setting) {
      return true;
    }
  }
  return false;
}

// Fills the head (beyond its name) and the values of a column.
void infer_values(model::ColumnHead& head, model::Column& column, std::span<const Cell> cells,
                  std::string_view header_unit) {
  const NameInfo info = classify_name(head.name, header_unit);
  std::vector<double> values;
  const Census census = take_census(cells, values);
  const std::size_t present = cells.size() - census.nulls;

  if (info.identifier) {
    head.role = Role::text;
    if (present > 0 && census.integers == present && writes_back_as_numbers(cells, values)) {
      head.type = ValueType::integer;
      column.numbers = values;
    } else {
      head.type = ValueType::string;
      column.texts = texts_of(cells);
    }
    return;
  }
  if (info.error) {
    head.type = ValueType::string;
    head.role = Role::error;
    column.texts = texts_of(cells);
    return;
  }
  if (present > 0 && census.booleans == present) {
    head.type = ValueType::boolean;
    head.role = Role::dimension;
    column.numbers = values;
    return;
  }
  std::vector<std::string_view> cell_units;
  // A column with no value at all is still a metric when its name says so
  // (average_gpu_utilization: null): it is reported as missing rather than as text.
  const bool empty_metric = present == 0 && info.kind != MetricKind::other && !info.dimension;
  bool numeric = empty_metric || (present > 0 && census.numbers == present);
  bool integral = census.integers == census.numbers;
  if (!numeric && census.others > 0 && census.booleans == 0) {
    if (auto stamps = as_timestamps(cells)) {
      head.type = ValueType::timestamp;
      head.role = Role::timestamp;
      column.numbers = *stamps;
      column.texts = texts_of(cells);
      return;
    }
    if (auto units = as_leading_numbers(cells, values, integral)) {
      numeric = true;
      cell_units = std::move(*units);
    }
  }
  const bool measured_temperature = info.sampling_temperature && numeric &&
                                    !all_within(values, 0.0, 2.0);
  if (!numeric || (info.dimension && !measured_temperature && has_meaningful_unit(cell_units))) {
    head.type = ValueType::string;
    column.texts = texts_of(cells);
    head.role = info.dimension && !(info.setting && has_long_text(column.texts))
                    ? Role::dimension
                    : Role::text;
    return;
  }
  head.type = integral && present > 0 ? ValueType::integer : ValueType::floating;
  // A flag written as 0 and 1 (use_cache, fp16) is a setting, when the name names no measurement.
  const bool flag = info.kind == MetricKind::other && info.unit == std::nullopt &&
                    info.kept_unit.empty() && cell_units.empty() && present >= 2 && integral &&
                    all_within(values, 0.0, 1.0);
  if ((info.dimension && !measured_temperature) || flag) {
    head.role = Role::dimension;
    column.numbers = values;
    return;
  }
  head.role = Role::metric;
  NameInfo judged = info;
  if (measured_temperature) {
    judged.kind = MetricKind::temperature;
    judged.direction = model::Direction::none;
  }
  settle_metric(head, values, judged, cell_units);
  column.numbers = values;
}

}  // namespace

model::Column infer_column(std::string name, std::span<const Cell> cells,
                           std::string_view header_unit) {
  model::Column column;
  model::ColumnHead head;
  head.name = name;
  infer_values(head, column, cells, header_unit);
  column.set_head(head);
  return column;
}

}  // namespace chimera::ingest
