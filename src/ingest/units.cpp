#include "chimera/ingest/units.hpp"

#include <array>
#include <string>

namespace chimera::ingest {
namespace {

struct UnitRow {
  std::string_view spelling;  // lower case
  Unit unit;
};

constexpr double k_mib = 1024.0 * 1024.0;

// A table, not an if-chain: a new spelling is one row.
constexpr std::array<UnitRow, 36> k_units = {{
    {"ns", {UnitFamily::time, "ms", 1e-6}},
    {"us", {UnitFamily::time, "ms", 1e-3}},
    {"\xC2\xB5s", {UnitFamily::time, "ms", 1e-3}},
    {"ms", {UnitFamily::time, "ms", 1.0}},
    {"msec", {UnitFamily::time, "ms", 1.0}},
    {"millis", {UnitFamily::time, "ms", 1.0}},
    {"milliseconds", {UnitFamily::time, "ms", 1.0}},
    {"s", {UnitFamily::time, "ms", 1000.0}},
    {"sec", {UnitFamily::time, "ms", 1000.0}},
    {"secs", {UnitFamily::time, "ms", 1000.0}},
    {"second", {UnitFamily::time, "ms", 1000.0}},
    {"seconds", {UnitFamily::time, "ms", 1000.0}},
    {"min", {UnitFamily::time, "ms", 60000.0}},
    {"mins", {UnitFamily::time, "ms", 60000.0}},
    {"minutes", {UnitFamily::time, "ms", 60000.0}},
    {"b", {UnitFamily::memory, "MiB", 1.0 / k_mib}},
    {"bytes", {UnitFamily::memory, "MiB", 1.0 / k_mib}},
    {"kb", {UnitFamily::memory, "MiB", 1.0 / 1024.0}},
    {"kib", {UnitFamily::memory, "MiB", 1.0 / 1024.0}},
    {"mb", {UnitFamily::memory, "MiB", 1.0}},
    {"mib", {UnitFamily::memory, "MiB", 1.0}},
    {"gb", {UnitFamily::memory, "MiB", 1024.0}},
    {"gib", {UnitFamily::memory, "MiB", 1024.0}},
    {"tok/s", {UnitFamily::throughput, "tok/s", 1.0}},
    {"tokens/s", {UnitFamily::throughput, "tok/s", 1.0}},
    {"tokens/sec", {UnitFamily::throughput, "tok/s", 1.0}},
    {"tok/sec", {UnitFamily::throughput, "tok/s", 1.0}},
    {"t/s", {UnitFamily::throughput, "tok/s", 1.0}},
    {"tps", {UnitFamily::throughput, "tok/s", 1.0}},
    {"tokens_per_second", {UnitFamily::throughput, "tok/s", 1.0}},
    {"%", {UnitFamily::percent, "%", 1.0}},
    {"pct", {UnitFamily::percent, "%", 1.0}},
    {"percent", {UnitFamily::percent, "%", 1.0}},
    {"tokens", {UnitFamily::tokens, "tokens", 1.0}},
    {"tok", {UnitFamily::tokens, "tokens", 1.0}},
    {"token", {UnitFamily::tokens, "tokens", 1.0}},
}};

}  // namespace

std::optional<Unit> parse_unit(std::string_view text) {
  if (text.empty() || text.size() > 20) {
    return std::nullopt;
  }
  std::string low(text);
  for (auto& c : low) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  for (const auto& row : k_units) {
    if (row.spelling == low) {
      return row.unit;
    }
  }
  return std::nullopt;
}

std::string_view canonical_unit(model::MetricKind kind) {
  using model::MetricKind;
  switch (kind) {
    case MetricKind::throughput: return "tok/s";
    case MetricKind::ttft:
    case MetricKind::latency:
    case MetricKind::load:
    case MetricKind::prompt_eval:
    case MetricKind::eval:
    case MetricKind::total:
    case MetricKind::compile:
    case MetricKind::duration: return "ms";
    case MetricKind::tokens: return "tokens";
    case MetricKind::memory: return "MiB";
    case MetricKind::percent: return "%";
    case MetricKind::ratio:
    case MetricKind::count:
    case MetricKind::other:
    case MetricKind::none: return "";
  }
  return "";
}

}  // namespace chimera::ingest
