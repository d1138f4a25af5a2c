#include "chimera/ingest/units.hpp"

#include <algorithm>
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
constexpr std::array<UnitRow, 46> k_units = {{
    {"ns", {UnitFamily::time, "ms", 1e-6}},
    {"us", {UnitFamily::time, "ms", 1e-3}},
    {"\xC2\xB5s", {UnitFamily::time, "ms", 1e-3}},
    {"nsecond", {UnitFamily::time, "ms", 1e-6}},
    {"usecond", {UnitFamily::time, "ms", 1e-3}},
    {"msecond", {UnitFamily::time, "ms", 1.0}},
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
    {"byte", {UnitFamily::memory, "MiB", 1.0 / k_mib}},
    {"bytes", {UnitFamily::memory, "MiB", 1.0 / k_mib}},
    {"kb", {UnitFamily::memory, "MiB", 1.0 / 1024.0}},
    {"kbyte", {UnitFamily::memory, "MiB", 1.0 / 1024.0}},
    {"mbyte", {UnitFamily::memory, "MiB", 1.0}},
    {"gbyte", {UnitFamily::memory, "MiB", 1024.0}},
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
    {"\xC2\xB0" "c", {UnitFamily::temperature, "\xC2\xB0" "C", 1.0}},
    {"celsius", {UnitFamily::temperature, "\xC2\xB0" "C", 1.0}},
    {"degc", {UnitFamily::temperature, "\xC2\xB0" "C", 1.0}},
}};

// Units kept as written: counts (Nsight Compute's "cycle", "inst", "warp", ...), ratios, power,
// energy, frequency, and the resources an efficiency is divided by.
constexpr std::array<std::string_view, 52> k_kept_units = {
    "x",       "w",        "watt",    "watts",   "kw",      "j",       "joule",  "joules",
    "kj",      "wh",       "kwh",     "hz",      "khz",     "mhz",     "ghz",    "c",
    "f",       "\xC2\xB0" "f", "cycle",   "cycles",  "inst",    "warp",    "warps",  "thread",
    "threads", "block",    "blocks",  "sector",  "sectors", "request", "requests", "req",
    "op",      "ops",      "it",      "iter",    "sample",  "samples", "image",  "images",
    "register", "gpu",     "core",    "cores",   "usd",     "$",       "dollar", "param",
    "params",  "query",    "queries", "1"};

std::string lower_copy(std::string_view text) {
  std::string low(text);
  for (auto& c : low) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return low;
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

std::optional<Unit> parse_unit(std::string_view text) {
  if (text.empty() || text.size() > 20) {
    return std::nullopt;
  }
  const std::string low = lower_copy(text);
  for (const auto& row : k_units) {
    if (row.spelling == low) {
      return row.unit;
    }
  }
  return std::nullopt;
}

// Whether `text` has only the characters units are written with: letters, '/', '%', '$', spaces
// and the non-ASCII signs of "µs" and "°C". Turns away most table cells ("gpu60", "0.41",
// "gemma3:latest") before any copy is made.
bool unit_characters(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '%' ||
           c == '$' || c == ' ' || byte >= 0x80;
  });
}

bool is_unit_text(std::string_view text) {
  text = trim_spaces(text);
  if (text.empty() || text.size() > 40 || (text != "1" && !unit_characters(text))) {
    return false;
  }
  if (parse_unit(text)) {
    return true;
  }
  const std::string low = lower_copy(text);
  for (const std::string_view joint : {std::string_view(" per "), std::string_view("/")}) {
    const std::size_t at = low.find(joint);
    if (at != std::string::npos) {
      return is_unit_text(text.substr(0, at)) && is_unit_text(text.substr(at + joint.size()));
    }
  }
  for (const auto kept : k_kept_units) {
    if (kept == low) {
      return true;
    }
  }
  return false;
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
    case MetricKind::percent:
    case MetricKind::improvement: return "%";
    case MetricKind::speedup: return "x";
    case MetricKind::temperature: return "\xC2\xB0" "C";
    case MetricKind::ratio:
    case MetricKind::count:
    case MetricKind::other:
    case MetricKind::delta:
    case MetricKind::efficiency:
    case MetricKind::none: return "";
  }
  return "";
}

}  // namespace chimera::ingest
