#include "chimera/model/corpus.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "chimera/util/printable.hpp"

namespace chimera::model {

std::string_view to_string(FileKind kind) {
  switch (kind) {
    case FileKind::csv: return "csv";
    case FileKind::json: return "json";
    case FileKind::markdown: return "markdown";
    case FileKind::other: return "other";
  }
  return "other";
}

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "warning";
}

std::string_view to_string(ValueType type) {
  switch (type) {
    case ValueType::integer: return "integer";
    case ValueType::floating: return "float";
    case ValueType::boolean: return "boolean";
    case ValueType::timestamp: return "timestamp";
    case ValueType::string: return "string";
  }
  return "string";
}

std::string_view to_string(Role role) {
  switch (role) {
    case Role::metric: return "metric";
    case Role::dimension: return "dimension";
    case Role::timestamp: return "timestamp";
    case Role::error: return "error";
    case Role::text: return "text";
  }
  return "text";
}

std::string_view to_string(MetricKind kind) {
  switch (kind) {
    case MetricKind::none: return "none";
    case MetricKind::throughput: return "throughput";
    case MetricKind::ttft: return "ttft";
    case MetricKind::latency: return "latency";
    case MetricKind::load: return "load";
    case MetricKind::prompt_eval: return "prompt_eval";
    case MetricKind::eval: return "eval";
    case MetricKind::total: return "total";
    case MetricKind::compile: return "compile";
    case MetricKind::duration: return "duration";
    case MetricKind::tokens: return "tokens";
    case MetricKind::memory: return "memory";
    case MetricKind::ratio: return "ratio";
    case MetricKind::percent: return "percent";
    case MetricKind::count: return "count";
    case MetricKind::other: return "other";
    case MetricKind::delta: return "delta";
    case MetricKind::improvement: return "improvement";
    case MetricKind::speedup: return "speedup";
    case MetricKind::efficiency: return "efficiency";
    case MetricKind::temperature: return "temperature";
  }
  return "other";
}

bool is_raw_measurement(MetricKind kind) {
  switch (kind) {
    case MetricKind::throughput:
    case MetricKind::ttft:
    case MetricKind::latency:
    case MetricKind::load:
    case MetricKind::prompt_eval:
    case MetricKind::eval:
    case MetricKind::total:
    case MetricKind::compile:
    case MetricKind::duration:
    case MetricKind::tokens:
    case MetricKind::memory: return true;
    case MetricKind::none:
    case MetricKind::ratio:
    case MetricKind::percent:
    case MetricKind::count:
    case MetricKind::other:
    case MetricKind::delta:
    case MetricKind::improvement:
    case MetricKind::speedup:
    case MetricKind::efficiency:
    case MetricKind::temperature: return false;
  }
  return false;
}

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::none: return "none";
    case Direction::higher: return "higher";
    case Direction::lower: return "lower";
  }
  return "none";
}

std::string_view to_string(UnitSource source) {
  switch (source) {
    case UnitSource::none: return "none";
    case UnitSource::name: return "name";
    case UnitSource::header_row: return "header_row";
    case UnitSource::cells: return "cells";
    case UnitSource::time_span: return "time_span";
    case UnitSource::siblings: return "siblings";
    case UnitSource::ollama_ns: return "ollama_ns";
    case UnitSource::assumed: return "assumed";
  }
  return "none";
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view column_leaf(std::string_view name) {
  const std::size_t arrow = name.rfind(" > ");
  if (arrow != std::string_view::npos) {
    name = name.substr(arrow + 3);
  }
  int depth = 0;
  std::size_t cut = std::string_view::npos;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (c == '.' && depth == 0 && i + 1 < name.size() && name[i + 1] != ' ' &&
               !(i > 0 && is_digit(name[i - 1]) && is_digit(name[i + 1]))) {
      cut = i;
    }
  }
  return cut == std::string_view::npos ? name : name.substr(cut + 1);
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  // Paths and messages come from the files: a name with ESC sequences or a line break must not
  // reach the terminal as such.
  const std::string_view severity = to_string(diagnostic.severity);
  const std::string message = util::printable(diagnostic.message);
  if (diagnostic.path.empty()) {
    return fmt::format("chimera: {}: {}", severity, message);
  }
  const std::string path = util::printable(diagnostic.path);
  if (diagnostic.line) {
    return fmt::format("chimera: {}: {}:{}: {}", severity, path, *diagnostic.line, message);
  }
  return fmt::format("chimera: {}: {}: {}", severity, path, message);
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  if (a.path != b.path) {
    return a.path < b.path;
  }
  const std::uint64_t la = a.line.value_or(0);
  const std::uint64_t lb = b.line.value_or(0);
  if (la != lb) {
    return la < lb;
  }
  return a.message < b.message;
}

std::string Table::row_location(std::size_t row) const {
  if (row < row_lines.size() && row_lines[row] > 0) {
    return source + ":" + std::to_string(static_cast<std::uint64_t>(row_lines[row]));
  }
  if (row < row_pointers.size() && !row_pointers[row].empty()) {
    return source + "#" + row_pointers[row];
  }
  return location();
}

std::string Table::location() const { return locator.empty() ? source.str() : source + "#" + locator; }

const Column* Table::find_column(std::string_view name) const {
  const auto it = std::find_if(columns.begin(), columns.end(),
                               [&](const Column& c) { return c.name() == name; });
  return it == columns.end() ? nullptr : &*it;
}

}  // namespace chimera::model
