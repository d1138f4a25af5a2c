#include "chimera/ingest/names.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>

#include "metric_kinds.hpp"
#include "name_words.hpp"

namespace chimera::ingest {
namespace {

using model::Direction;
using model::MetricKind;

// The text in the last pair of brackets when it reads as a unit, as table headers write it:
// "TTFT (ms)", "Memory [GiB]", "Efficiency (tok/s per GB)", "Temp (C)". "(baseline)" is no unit.
std::optional<std::string> bracketed_unit(std::string_view name) {
  for (const auto& [open, close] : {std::pair{'(', ')'}, std::pair{'[', ']'}}) {
    const std::size_t begin = name.rfind(open);
    const std::size_t end = name.rfind(close);
    if (begin != std::string_view::npos && end != std::string_view::npos && end > begin) {
      const std::string_view inner = name.substr(begin + 1, end - begin - 1);
      if (is_unit_text(inner)) {
        return std::string(inner);
      }
    }
  }
  return std::nullopt;
}

// A unit written as a word of the name: the last word (ttft_s, memory_gb), or an infix followed
// only by other words (eval_s_mean, ttft_s_p50, latency_ms_batch8), the rightmost one winning.
// "min" is always the statistic, and "b" counts only as the last word. A time word that divides
// ("Tokens/s", tokens_per_s, gb_s) makes the name a rate: no unit is taken from the words then.
struct UnitWord {
  std::optional<std::size_t> at;  // the word that is the unit
  bool rate = false;              // a time word divides: the name is a rate
};

UnitWord unit_word(const Words& ws) {
  if (ws.size() < 2) {
    return {};
  }
  for (std::size_t i = ws.size(); i-- > 0;) {
    const std::string_view word = ws[i];
    if (word == "min" || (word == "b" && i + 1 != ws.size())) {
      continue;
    }
    const auto unit = parse_unit(word);
    if (!unit || unit->family == UnitFamily::tokens || unit->family == UnitFamily::throughput) {
      continue;
    }
    if (unit->family == UnitFamily::time && i > 0) {
      const auto before = parse_unit(ws[i - 1]);
      const bool divides = ws.after_slash(i) || ws[i - 1] == "per" ||
                           (before && before->family != UnitFamily::time);
      if (divides) {
        return {std::nullopt, true};
      }
    }
    return {i, false};
  }
  return {};
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

// Software and hardware a run was made with, and lengths that are settings rather than results.
constexpr std::array<std::string_view, 29> k_settings = {
    "opset",          "cuda",           "cudnn",          "driver",        "nvidia_driver",
    "torch",          "pytorch",        "tensorrt",       "trt",           "onnx",
    "onnxruntime",    "python",         "transformers",   "triton",        "compute_capability",
    "cc",             "context_length", "ctx_len",        "n_ctx",         "max_tokens",
    "max_new_tokens", "max_length",     "seq_len",        "sequence_length", "max_seq_len",
    "power_limit",    "tdp",            "precision",      "dtype"};

// Names that identify one run rather than describe a configuration or measure it.
constexpr std::array<std::string_view, 13> k_identifiers = {
    "id",     "run",       "run_id",     "run_number", "run_name", "run_no", "iteration",
    "repetition", "rep",   "trial",      "pid",        "uuid",     "process_id"};

constexpr std::array<std::string_view, 10> k_errors = {
    "error",   "errors",  "error_message", "error_msg", "err",
    "exception", "failure", "failure_reason", "traceback", "error_text"};

constexpr std::array<std::string_view, 5> k_statuses = {"status", "state", "run_status",
                                                         "outcome", "result_status"};

constexpr std::array<std::string_view, 10> k_timestamps = {
    "timestamp", "time",       "date",       "datetime",   "start_time",
    "end_time",  "started_at", "finished_at", "created_at", "ts"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

// Whether the leaf names a setting the run was made with rather than something it measured.
bool is_setting(const Words& leaf, const std::string& key) {
  if (in(k_settings, key) || leaf.has_any({"version", "opset"})) {
    return true;
  }
  // A size is a setting (workspace_size, model_size_gb, "Total File Size") unless it says it was
  // used or reached ("peak_memory_size_mb" is a measurement).
  if (leaf.has_any({"size", "sizes"}) &&
      !leaf.has_any({"peak", "used", "usage", "allocated", "reserved", "consumption", "consumed",
                     "footprint", "rss", "resident", "current", "free"})) {
    return true;
  }
  // A model's size in parameters ("Parameters: 4.3B"), a clock in MHz (clock_memory).
  if (leaf.has_any({"parameters", "params", "clock", "clocks", "frequency", "freq", "mhz",
                    "ghz"})) {
    return true;
  }
  // A flag: is_warm, use_cache, enable_fp16.
  if (!leaf.empty() && (leaf[0] == "is" || leaf[0] == "has" || leaf[0] == "use" ||
                        leaf[0] == "enable" || leaf[0] == "enabled" || leaf[0] == "disable")) {
    return true;
  }
  // A device or a model named by an id is a configuration; any other id names one run.
  return key.ends_with("_id") &&
         (key.starts_with("device") || key.starts_with("gpu") || key.starts_with("model") ||
          key.starts_with("config"));
}

bool is_identifier(const std::string& key) {
  return in(k_identifiers, key) || key.ends_with("_id") || key.ends_with("_uuid");
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

// The direction a name's words impose whatever the metric kind, if any.
// A spread or an error count is one wherever the name says so ("stddev.ttft_ms"); a comparison
// only when its last part says so ("delta.baseline_ttft_ms" is a TTFT).
std::optional<Direction> direction_from_words(std::string_view name) {
  const Words ws(name);
  if (ws.has_any({"stddev", "std", "stdev", "cv", "variance", "jitter"})) {
    return Direction::lower;
  }
  if (ws.has_any({"error", "errors", "fail", "failed", "failures", "loss"})) {
    return Direction::lower;
  }
  const Words leaf(model::column_leaf(name));
  if (leaf.has_any({"improvement", "reduction", "speedup", "gain", "faster"})) {
    return Direction::higher;
  }
  if (leaf.has_any({"delta", "diff", "difference", "absolute", "change"})) {
    return Direction::none;
  }
  return std::nullopt;
}

// Reads the units a name writes into `info`: in brackets, else under the header (which states
// the unit of the values, where a word of the name may only say what is counted:
// dram__bytes_read.sum in Kbyte), else as a word.
void read_unit(std::string_view name, std::string_view header_unit, const Words& ws,
               NameInfo& info) {
  std::optional<std::string> written = bracketed_unit(name);
  if (!written && !header_unit.empty() && is_unit_text(header_unit)) {
    written = std::string(header_unit);
    info.unit_from_header = true;
  }
  if (!written) {
    const UnitWord word = unit_word(ws);
    if (word.at) {
      written = std::string(ws[*word.at]);
    }
    info.rate = word.rate;
  }
  if (!written) {
    return;
  }
  if (auto unit = parse_unit(*written)) {
    info.unit = unit;
    info.source_unit = *written;
  } else {
    info.kept_unit = *written;
  }
}

NameInfo classify(std::string_view name, std::string_view header_unit) {
  NameInfo info;
  const Words leaf(model::column_leaf(name));
  const std::string key = leaf.joined();
  info.identifier = is_identifier(key) && !is_setting(leaf, key);
  info.setting = !info.identifier && !in(k_dimensions, key) && is_setting(leaf, key);
  info.dimension = !info.identifier && (in(k_dimensions, key) || info.setting);
  info.sampling_temperature = key == "temperature" || key == "temp";
  info.error = in(k_errors, key);
  info.status = in(k_statuses, key);
  info.success = key == "success" || key == "succeeded";
  info.timestamp = in(k_timestamps, key) || key.ends_with("_at") || key.ends_with("_timestamp") ||
                   key.ends_with("_date");
  const Words ws(name);
  read_unit(name, header_unit, ws, info);
  const KindGuess guess = guess_kind(ws, leaf, info.unit, info.kept_unit);
  info.kind = guess.kind;
  info.base_kind = guess.base;
  if (info.kind == MetricKind::temperature) {
    info.dimension = info.setting = info.sampling_temperature = false;
  }
  if (info.kind == MetricKind::temperature && (info.kept_unit == "C" || info.kept_unit == "c")) {
    info.unit = parse_unit("celsius");
    info.source_unit = info.kept_unit;
    info.kept_unit.clear();
  }
  // A measurement in a unit chimera cannot convert to the kind's own ("Throughput (MB/s)",
  // "Latency (cycles)") is not that kind: its numbers are kept in the unit written.
  if (!info.kept_unit.empty() && (model::is_raw_measurement(info.kind) ||
                                  info.kind == MetricKind::temperature)) {
    info.kind = MetricKind::other;
  }
  if (!info.kept_unit.empty() && info.kind == MetricKind::delta) {
    info.base_kind = MetricKind::none;
  }
  // "tokens_s" and tokens_per_sec write a rate: tok/s, not seconds.
  if (info.kind == MetricKind::throughput &&
      ((info.unit && info.unit->family != UnitFamily::throughput) || info.rate)) {
    info.unit = parse_unit("tok/s");
    info.source_unit = "tok/s";
  }
  if (info.unit && info.unit->family == UnitFamily::percent && info.kind != MetricKind::percent &&
      info.kind != MetricKind::improvement) {
    info.unit.reset();
    info.source_unit.clear();
  }
  info.direction = direction_for(info.kind, name);
  return info;
}

}  // namespace

Direction direction_for(MetricKind kind, std::string_view name) {
  static thread_local NameCache<std::optional<Direction>> cache;
  const std::optional<Direction> by_words = cache.get(name, direction_from_words);
  if (by_words) {
    return *by_words;
  }
  switch (kind) {
    case MetricKind::throughput:
    case MetricKind::improvement:
    case MetricKind::speedup:
    case MetricKind::efficiency: return Direction::higher;
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
    case MetricKind::delta:
    case MetricKind::temperature:
    case MetricKind::none: return Direction::none;
  }
  return Direction::none;
}

NameInfo classify_name(std::string_view name, std::string_view header_unit) {
  static thread_local NameCache<NameInfo> cache;
  if (header_unit.empty()) {
    return cache.get(name, [](std::string_view n) { return classify(n, {}); });
  }
  // A units row is rare: its columns are judged each time rather than cached under a made-up key.
  return classify(name, header_unit);
}

bool status_means_failure(std::string_view text) {
  // Called once per row of a status column: compared in place, without a lowered copy.
  while (!text.empty() && (text.back() == ' ' || text.back() == '.')) {
    text.remove_suffix(1);
  }
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  const auto same = [&](std::string_view word) {
    return word.size() == text.size() &&
           std::equal(word.begin(), word.end(), text.begin(), [](char w, char c) {
             return w == (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
           });
  };
  for (const std::string_view failure :
       {"failed", "failure", "fail", "error", "errored", "crashed", "crash", "timeout",
        "timed_out", "timed out", "timedout", "oom", "out of memory", "aborted", "killed",
        "exception"}) {
    if (same(failure)) {
      return true;
    }
  }
  return false;
}

}  // namespace chimera::ingest
