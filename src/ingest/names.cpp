#include "chimera/ingest/names.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace chimera::ingest {
namespace {

using model::Direction;
using model::MetricKind;

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

// Words of a name: "Average TTFT (ms)" -> {average, ttft, ms}; "tokens/s" -> {tokens, s}.
std::vector<std::string> words(std::string_view name) {
  std::vector<std::string> out;
  std::string current;
  for (const char c : lower(name)) {
    if (is_alnum(c)) {
      current.push_back(c);
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) {
    out.push_back(std::move(current));
  }
  return out;
}

// The last part of a dotted path or of a "Section > Key" name.
std::string_view last_part(std::string_view name) {
  const std::size_t arrow = name.rfind(" > ");
  if (arrow != std::string_view::npos) {
    name = name.substr(arrow + 3);
  }
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

// A unit in brackets, as table headers write it: "TTFT (ms)", "Memory [GiB]", "Throughput (tok/s)".
std::optional<std::string> bracketed_unit(std::string_view name) {
  for (const auto& [open, close] : {std::pair{'(', ')'}, std::pair{'[', ']'}}) {
    const std::size_t begin = name.rfind(open);
    const std::size_t end = name.rfind(close);
    if (begin != std::string_view::npos && end != std::string_view::npos && end > begin) {
      const std::string inner(name.substr(begin + 1, end - begin - 1));
      if (parse_unit(inner)) {
        return inner;
      }
    }
  }
  return std::nullopt;
}

bool has(const std::vector<std::string>& ws, std::string_view word) {
  return std::find(ws.begin(), ws.end(), word) != ws.end();
}

bool has_any(const std::vector<std::string>& ws, std::initializer_list<std::string_view> list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view w) { return has(ws, w); });
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

constexpr std::array<std::string_view, 46> k_dimensions = {
    "model",       "model_name",  "num_gpu",     "gpu_layers",   "num_ctx",      "ctx",
    "context",     "temperature", "temp",        "top_p",        "top_k",        "repeat_penalty",
    "seed",        "config",      "config_name", "configuration", "backend",     "engine",
    "agent",       "agent_type",
    "language",    "os",          "arch",        "hostname",     "host",         "gpu",
    "cpu",         "quantization", "quant",      "batch_size",   "num_thread",   "num_threads",
    "num_predict", "benchmark",   "benchmark_type", "label",     "name",         "variant",
    "scenario",    "mode",        "metric",      "system",       "version",      "rust_version",
    "ollama_version", "type"};

// Names that identify one run rather than describe a configuration or measure it.
constexpr std::array<std::string_view, 10> k_identifiers = {
    "id",     "run",       "run_id",     "run_number", "run_name",
    "run_no", "iteration", "repetition", "rep",        "trial"};

constexpr std::array<std::string_view, 10> k_errors = {
    "error",   "errors",  "error_message", "error_msg", "err",
    "exception", "failure", "failure_reason", "traceback", "error_text"};

constexpr std::array<std::string_view, 10> k_timestamps = {
    "timestamp", "time",       "date",       "datetime",   "start_time",
    "end_time",  "started_at", "finished_at", "created_at", "ts"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

// snake_case of the last part: "Agent Type" -> "agent_type".
std::string key_of(std::string_view name) {
  std::string key;
  for (const auto& w : words(last_part(name))) {
    if (!key.empty()) {
      key.push_back('_');
    }
    key += w;
  }
  return key;
}

MetricKind kind_from_words(const std::vector<std::string>& ws, const std::string& joined,
                           const std::optional<Unit>& unit) {
  auto is_family = [&](UnitFamily f) { return unit.has_value() && unit->family == f; };
  if (is_family(UnitFamily::percent) || has_any(ws, {"percent", "pct", "utilization", "util"})) {
    return MetricKind::percent;
  }
  const bool per_second = contains(joined, "per_second") || contains(joined, "per_sec") ||
                          contains(joined, "per_s_") || joined.ends_with("per_s");
  if (is_family(UnitFamily::throughput) || per_second || has_any(ws, {"throughput", "tps"}) ||
      contains(joined, "tokens_s") || contains(joined, "tok_s")) {
    return MetricKind::throughput;
  }
  if (has(ws, "ttft") || contains(joined, "time_to_first_token") ||
      contains(joined, "first_token")) {
    return MetricKind::ttft;
  }
  if (is_family(UnitFamily::tokens) || has_any(ws, {"tokens", "token"}) ||
      contains(joined, "eval_count")) {
    return MetricKind::tokens;
  }
  if (contains(joined, "prompt_eval")) {
    return MetricKind::prompt_eval;
  }
  if (has(ws, "load")) {
    return MetricKind::load;
  }
  if (has(ws, "eval")) {
    return MetricKind::eval;
  }
  if (has_any(ws, {"compile", "compilation"})) {
    return MetricKind::compile;
  }
  if (has(ws, "latency")) {
    return MetricKind::latency;
  }
  const bool timeish = is_family(UnitFamily::time) ||
                       has_any(ws, {"duration", "time", "elapsed", "wall", "runtime"});
  if (timeish && has(ws, "total")) {
    return MetricKind::total;
  }
  if (timeish) {
    return MetricKind::duration;
  }
  if (is_family(UnitFamily::memory) || has_any(ws, {"memory", "mem", "vram", "rss", "ram", "heap"})) {
    return MetricKind::memory;
  }
  if (has_any(ws, {"ratio", "speedup", "cv", "fraction", "rate"})) {
    return MetricKind::ratio;
  }
  if (has_any(ws, {"count", "runs", "requests", "files", "iterations", "samples", "num", "n"})) {
    return MetricKind::count;
  }
  return MetricKind::other;
}

}  // namespace

Direction direction_for(MetricKind kind, std::string_view name) {
  const auto ws = words(name);
  if (has_any(ws, {"stddev", "std", "stdev", "cv", "variance", "jitter"})) {
    return Direction::lower;
  }
  if (has_any(ws, {"error", "errors", "fail", "failed", "failures", "loss"})) {
    return Direction::lower;
  }
  if (has_any(ws, {"improvement", "reduction", "speedup", "gain", "faster"})) {
    return Direction::higher;
  }
  if (has_any(ws, {"delta", "diff", "difference", "absolute", "change"})) {
    return Direction::none;
  }
  switch (kind) {
    case MetricKind::throughput: return Direction::higher;
    case MetricKind::ttft:
    case MetricKind::latency:
    case MetricKind::load:
    case MetricKind::prompt_eval:
    case MetricKind::eval:
    case MetricKind::total:
    case MetricKind::compile:
    case MetricKind::duration:
    case MetricKind::memory: return Direction::lower;
    case MetricKind::tokens:
    case MetricKind::ratio:
    case MetricKind::percent:
    case MetricKind::count:
    case MetricKind::other:
    case MetricKind::none: return Direction::none;
  }
  return Direction::none;
}

NameInfo classify_name(std::string_view name) {
  NameInfo info;
  const std::string key = key_of(name);
  info.dimension = in(k_dimensions, key);
  info.identifier = in(k_identifiers, key);
  info.error = in(k_errors, key);
  info.timestamp = in(k_timestamps, key) || key.ends_with("_at") || key.ends_with("_timestamp") ||
                   key.ends_with("_date");
  auto ws = words(name);
  if (auto written = bracketed_unit(name)) {
    info.unit = parse_unit(*written);
    info.source_unit = *written;
  } else if (ws.size() >= 2) {
    // A unit as the last word: ttft_s, load_ms, memory_gb. "tokens_s" is a rate, not tokens
    // times seconds, and kind_from_words sees it as throughput.
    const auto unit = parse_unit(ws.back());
    if (unit && unit->family != UnitFamily::tokens) {
      info.unit = unit;
      info.source_unit = ws.back();
    }
  }
  std::string joined;
  for (const auto& w : ws) {
    joined += w;
    joined.push_back('_');
  }
  if (!joined.empty()) {
    joined.pop_back();
  }
  info.kind = kind_from_words(ws, joined, info.unit);
  // "tokens_s" carries a time unit in its last word but is a throughput: the unit is not seconds.
  if (info.kind == MetricKind::throughput && info.unit && info.unit->family != UnitFamily::throughput) {
    info.unit = parse_unit("tok/s");
    info.source_unit = "tok/s";
  }
  if (info.unit && info.unit->family == UnitFamily::percent && info.kind != MetricKind::percent) {
    info.unit.reset();
  }
  info.direction = direction_for(info.kind, name);
  return info;
}

}  // namespace chimera::ingest
