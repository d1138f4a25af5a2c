#include "chimera/ingest/names.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chimera::ingest {
namespace {

using model::Direction;
using model::MetricKind;

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

// Words of a name, lower case: "Average TTFT (ms)" -> {average, ttft, ms}; "tokens/s" ->
// {tokens, s}. Every table column's name is split several times, so the words are views into
// one lowered copy of the name rather than a string each.
class Words {
 public:
  explicit Words(std::string_view name) : m_text(name) {
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= m_text.size(); ++i) {
      if (i < m_text.size() && is_alnum(m_text[i])) {
        if (m_text[i] >= 'A' && m_text[i] <= 'Z') {
          m_text[i] = static_cast<char>(m_text[i] - 'A' + 'a');
        }
        continue;
      }
      if (i > begin) {
        m_spans.push_back({begin, i - begin});
      }
      begin = i + 1;
    }
  }
  Words(const Words&) = delete;
  Words& operator=(const Words&) = delete;

  [[nodiscard]] std::size_t size() const { return m_spans.size(); }
  [[nodiscard]] std::string_view operator[](std::size_t i) const {
    return std::string_view(m_text).substr(m_spans[i].first, m_spans[i].second);
  }
  [[nodiscard]] std::string_view back() const { return (*this)[size() - 1]; }

 private:
  std::string m_text;
  std::vector<std::pair<std::size_t, std::size_t>> m_spans;
};

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

bool has(const Words& ws, std::string_view word) {
  for (std::size_t i = 0; i < ws.size(); ++i) {
    if (ws[i] == word) {
      return true;
    }
  }
  return false;
}

bool has_any(const Words& ws, std::initializer_list<std::string_view> list) {
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
  const Words ws(last_part(name));
  std::string key;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    if (!key.empty()) {
      key.push_back('_');
    }
    key += ws[i];
  }
  return key;
}

MetricKind kind_from_words(const Words& ws, const std::string& joined,
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

// The direction a name's words impose whatever the metric kind, if any.
std::optional<Direction> direction_from_words(std::string_view name) {
  const Words ws(name);
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
  return std::nullopt;
}

// Table after table repeats the same few column names (every run table of a Markdown report has
// "Run", "TTFT (ms)", ...), and judging a name is pure: each thread remembers its answers. The
// cache is emptied when full, so a corpus of endlessly new names costs a little, not memory.
template <class Value>
class NameCache {
 public:
  template <class Compute>
  const Value& get(std::string_view name, Compute compute) {
    if (const auto found = m_values.find(name); found != m_values.end()) {
      return found->second;
    }
    if (m_values.size() >= k_max_names) {
      m_values.clear();
    }
    return m_values.emplace(std::string(name), compute(name)).first->second;
  }

 private:
  static constexpr std::size_t k_max_names = 4096;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, Value, Hash, std::equal_to<>> m_values;
};

}  // namespace

Direction direction_for(MetricKind kind, std::string_view name) {
  static thread_local NameCache<std::optional<Direction>> cache;
  const std::optional<Direction> by_words = cache.get(name, direction_from_words);
  if (by_words) {
    return *by_words;
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

namespace {

NameInfo classify(std::string_view name) {
  NameInfo info;
  const std::string key = key_of(name);
  info.dimension = in(k_dimensions, key);
  info.identifier = in(k_identifiers, key);
  info.error = in(k_errors, key);
  info.timestamp = in(k_timestamps, key) || key.ends_with("_at") || key.ends_with("_timestamp") ||
                   key.ends_with("_date");
  const Words ws(name);
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
  for (std::size_t i = 0; i < ws.size(); ++i) {
    joined += ws[i];
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

}  // namespace

NameInfo classify_name(std::string_view name) {
  static thread_local NameCache<NameInfo> cache;
  return cache.get(name, classify);
}

}  // namespace chimera::ingest
