#include "metric_units.hpp"

#include <algorithm>
#include <cmath>

#include "chimera/ingest/units.hpp"

namespace chimera::ingest {
namespace {

using model::MetricKind;

MetricKind kind_for_family(UnitFamily family) {
  switch (family) {
    case UnitFamily::time: return MetricKind::duration;
    case UnitFamily::memory: return MetricKind::memory;
    case UnitFamily::throughput: return MetricKind::throughput;
    case UnitFamily::percent: return MetricKind::percent;
    case UnitFamily::tokens: return MetricKind::tokens;
    case UnitFamily::temperature: return MetricKind::temperature;
  }
  return MetricKind::other;
}

// The family of a kind's canonical unit, by a switch rather than parse_unit(canonical_unit()):
// a Markdown corpus settles millions of small columns.
std::optional<UnitFamily> family_of(MetricKind kind) {
  switch (kind) {
    case MetricKind::throughput: return UnitFamily::throughput;
    case MetricKind::ttft:
    case MetricKind::latency:
    case MetricKind::load:
    case MetricKind::prompt_eval:
    case MetricKind::eval:
    case MetricKind::total:
    case MetricKind::compile:
    case MetricKind::duration: return UnitFamily::time;
    case MetricKind::tokens: return UnitFamily::tokens;
    case MetricKind::memory: return UnitFamily::memory;
    case MetricKind::percent:
    case MetricKind::improvement: return UnitFamily::percent;
    case MetricKind::temperature: return UnitFamily::temperature;
    case MetricKind::none:
    case MetricKind::ratio:
    case MetricKind::count:
    case MetricKind::other:
    case MetricKind::delta:
    case MetricKind::speedup:
    case MetricKind::efficiency: return std::nullopt;
  }
  return std::nullopt;
}

// Durations with no unit anywhere: Ollama's raw API reports nanoseconds as large integers;
// anything else is taken as milliseconds.
bool looks_like_nanoseconds(const std::vector<double>& values) {
  std::vector<double> present;
  for (const double v : values) {
    if (!std::isnan(v)) {
      present.push_back(v);
    }
  }
  if (present.empty()) {
    return false;
  }
  const auto mid = present.begin() + static_cast<std::ptrdiff_t>(present.size() / 2);
  std::nth_element(present.begin(), mid, present.end());
  const bool integral =
      std::all_of(present.begin(), present.end(), [](double v) { return v == std::floor(v); });
  return integral && *mid > 1e6;
}

// Whether the cells carry units of more than one family ("99.31 tok/s" above "3759.71 ms"), as
// in a "Metric | Value" table: such a column has no single kind or unit.
bool mixed_families(const std::vector<std::string_view>& cell_units) {
  std::optional<UnitFamily> seen;
  for (const auto text : cell_units) {
    if (const auto unit = parse_unit(text)) {
      if (seen && *seen != unit->family) {
        return true;
      }
      seen = unit->family;
    }
  }
  return false;
}

// The kind whose unit a metric is in: a delta is in its base kind's unit.
MetricKind measured_in(const model::ColumnHead& head) {
  return head.kind == MetricKind::delta ? head.base_kind : head.kind;
}

// Lets a unit written in the cells or under the header correct the kind the name gave: a delta
// in % is an improvement, an improvement in tok/s a delta; a number of unknown meaning in ms is a
// duration. A name that says ttft with a cell unit "s" stays ttft.
void adjust_kind_to_unit(model::ColumnHead& head, const Unit& written) {
  if (head.kind == MetricKind::delta || head.kind == MetricKind::improvement) {
    if (written.family == UnitFamily::percent) {
      head.kind = MetricKind::improvement;
      return;
    }
    head.kind = MetricKind::delta;
    if (family_of(head.base_kind) != written.family) {
      const MetricKind by_unit = kind_for_family(written.family);
      head.base_kind = model::is_raw_measurement(by_unit) ? by_unit : MetricKind::none;
    }
    return;
  }
  if (head.kind == MetricKind::speedup || head.kind == MetricKind::efficiency) {
    return;
  }
  if (family_of(head.kind) != written.family) {
    head.kind = kind_for_family(written.family);
  }
}

}  // namespace

void settle_metric(model::ColumnHead& head, std::vector<double>& values, const NameInfo& info,
                   const std::vector<std::string_view>& cell_units) {
  head.kind = info.kind;
  head.base_kind = info.base_kind;
  if (!info.unit && info.kept_unit.empty() && mixed_families(cell_units)) {
    head.kind = MetricKind::other;
    head.base_kind = MetricKind::none;
    return;
  }
  std::optional<Unit> written = info.unit;
  std::string source = info.unit ? info.source_unit : info.kept_unit;
  model::UnitSource origin =
      info.unit_from_header ? model::UnitSource::header_row : model::UnitSource::name;
  if (!info.unit && info.kept_unit.empty()) {
    origin = model::UnitSource::none;
    for (const auto unit_text : cell_units) {
      if (const auto unit = parse_unit(unit_text)) {
        written = unit;
        source = std::string(unit_text);
        origin = model::UnitSource::cells;
        break;
      }
    }
  }
  if (written) {
    adjust_kind_to_unit(head, *written);
  }
  const auto family = family_of(measured_in(head));
  if (family && (!written || written->family != *family)) {
    const bool nanoseconds = *family == UnitFamily::time && looks_like_nanoseconds(values);
    written = nanoseconds ? parse_unit("ns") : parse_unit(canonical_unit(measured_in(head)));
    source.clear();
    origin = nanoseconds ? model::UnitSource::ollama_ns : model::UnitSource::assumed;
  }
  head.unit = family ? canonical_unit(measured_in(head)) : std::string_view(info.kept_unit);
  if (head.unit.empty()) {
    head.unit = canonical_unit(head.kind);
  }
  head.source_unit = source;
  if (head.unit.empty() && source.empty()) {
    origin = model::UnitSource::none;
  } else if (origin == model::UnitSource::none) {
    origin = model::UnitSource::assumed;  // a speedup's "x"
  }
  head.unit_source = origin;
  head.direction = direction_for(head.kind, head.name);
  if (!written || !family) {
    return;
  }
  const double factor_of_column = written->to_canonical;
  if (cell_units.empty()) {
    // Cells that are plain numbers (every CSV and JSON column): one factor, often 1.
    if (factor_of_column != 1.0) {
      for (double& v : values) {
        v *= factor_of_column;
      }
    }
    return;
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    double factor = factor_of_column;
    if (i < cell_units.size() && !cell_units[i].empty()) {
      const auto own = parse_unit(cell_units[i]);
      if (own && own->family == *family) {
        factor = own->to_canonical;
      }
    }
    values[i] *= factor;
  }
}

}  // namespace chimera::ingest
