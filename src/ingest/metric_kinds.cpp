#include "metric_kinds.hpp"

#include <string>

namespace chimera::ingest {
namespace {

using model::MetricKind;

bool is_family(const std::optional<Unit>& unit, UnitFamily family) {
  return unit.has_value() && unit->family == family;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// What an efficiency is divided by: "tok/s per GB", tokens_per_joule, throughput_per_watt.
bool is_resource(std::string_view word) {
  for (const std::string_view resource :
       {"gb", "gib", "mb", "mib", "w", "watt", "watts", "kw", "j", "joule", "joules", "kj", "wh",
        "kwh", "dollar", "dollars", "usd", "gpu", "gpus", "core", "cores", "param", "params",
        "parameter", "parameters", "vram"}) {
    if (word == resource) {
      return true;
    }
  }
  return false;
}

bool divides_by_resource(const Words& words) {
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] == "per" && is_resource(words[i + 1])) {
      return true;
    }
  }
  return false;
}

// A unit kept as written that divides a measurement by a resource: "tok/s per GB", "tokens/J",
// "tok/s/W".
bool is_efficiency_unit(std::string_view kept) {
  const std::string low = lower(kept);
  const std::size_t per = low.find(" per ");
  if (per != std::string::npos) {
    return true;
  }
  const std::size_t last = low.rfind('/');
  if (last == std::string::npos) {
    return false;
  }
  const std::string_view denominator = std::string_view(low).substr(last + 1);
  return is_resource(denominator) && !parse_unit(denominator);
}

bool is_difference(const Words& leaf) {
  return leaf.has_any({"delta", "diff", "difference", "change", "improvement", "reduction",
                       "increase", "decrease", "gain", "regression", "savings"});
}

bool is_speedup(const Words& leaf, std::string_view kept) {
  if (leaf.has_any({"speedup", "speedups"}) || lower(kept) == "x") {
    return true;
  }
  for (std::size_t i = 0; i + 1 < leaf.size(); ++i) {
    const bool speed_up = leaf[i] == "speed" && leaf[i + 1] == "up";
    const bool times_faster = (leaf[i] == "x" || leaf[i] == "times") && leaf[i + 1] == "faster";
    if (speed_up || times_faster) {
      return true;
    }
  }
  return false;
}

// The kind compared by a delta, an improvement or a speedup: a raw measurement or nothing.
MetricKind base_of(const Words& all, const std::optional<Unit>& unit) {
  const MetricKind kind = measured_kind(all, unit);
  return model::is_raw_measurement(kind) ? kind : MetricKind::none;
}

}  // namespace

MetricKind measured_kind(const Words& ws, const std::optional<Unit>& unit) {
  const std::string joined = ws.joined();
  const bool per_second = contains(joined, "per_second") || contains(joined, "per_sec") ||
                          contains(joined, "per_s_") || joined.ends_with("per_s");
  if (is_family(unit, UnitFamily::throughput) || per_second ||
      ws.has_any({"throughput", "tps"}) || contains(joined, "tokens_s") ||
      contains(joined, "tok_s")) {
    return MetricKind::throughput;
  }
  if (ws.has("ttft") || contains(joined, "time_to_first_token") ||
      contains(joined, "first_token")) {
    return MetricKind::ttft;
  }
  if (is_family(unit, UnitFamily::tokens) || ws.has_any({"tokens", "token"}) ||
      contains(joined, "eval_count")) {
    return MetricKind::tokens;
  }
  if (contains(joined, "prompt_eval")) {
    return MetricKind::prompt_eval;
  }
  if (ws.has("load")) {
    return MetricKind::load;
  }
  if (ws.has("eval")) {
    return MetricKind::eval;
  }
  if (ws.has_any({"compile", "compilation"})) {
    return MetricKind::compile;
  }
  if (ws.has("latency")) {
    return MetricKind::latency;
  }
  const bool timeish = is_family(unit, UnitFamily::time) ||
                       ws.has_any({"duration", "time", "elapsed", "wall", "runtime"});
  if (timeish && ws.has("total")) {
    return MetricKind::total;
  }
  if (timeish) {
    return MetricKind::duration;
  }
  if (is_family(unit, UnitFamily::memory) ||
      ws.has_any({"memory", "mem", "vram", "rss", "ram", "heap"})) {
    return MetricKind::memory;
  }
  if (ws.has_any({"ratio", "speedup", "cv", "fraction", "rate"})) {
    return MetricKind::ratio;
  }
  if (ws.has_any({"count", "runs", "requests", "files", "iterations", "samples", "num", "n"})) {
    return MetricKind::count;
  }
  return MetricKind::other;
}

bool names_measured_temperature(const Words& leaf, const std::optional<Unit>& unit,
                                std::string_view kept) {
  if (!leaf.has_any({"temperature", "temp", "temperatures", "thermal"})) {
    return false;
  }
  const std::string low_kept = lower(kept);
  return is_family(unit, UnitFamily::temperature) || low_kept == "c" || low_kept == "f" ||
         leaf.back() == "c" || leaf.back() == "celsius" ||
         leaf.has_any({"gpu", "cpu", "die", "core", "hotspot", "junction", "memory", "mem",
                       "peak", "max", "avg", "mean", "average", "min", "sensor", "board"});
}

KindGuess guess_kind(const Words& all, const Words& leaf, const std::optional<Unit>& unit,
                     std::string_view kept) {
  if (leaf.has("efficiency") || divides_by_resource(leaf) ||
      (!kept.empty() && is_efficiency_unit(kept))) {
    const std::size_t per = lower(kept).find(" per ");
    const auto numerator =
        per == std::string::npos ? std::nullopt : parse_unit(kept.substr(0, per));
    return {MetricKind::efficiency, base_of(all, numerator)};
  }
  // nvidia-smi's "temperature.gpu": the leaf names the device, its parent the temperature.
  const bool device_leaf = leaf.has_any({"gpu", "cpu", "memory", "mem", "die", "hotspot"}) &&
                           all.has_any({"temperature", "temp"});
  if (names_measured_temperature(leaf, unit, kept) || device_leaf) {
    return {MetricKind::temperature, MetricKind::none};
  }
  const bool percent = is_family(unit, UnitFamily::percent) ||
                       leaf.has_any({"percent", "pct", "percentage"});
  if (is_speedup(leaf, kept)) {
    return {percent ? MetricKind::improvement : MetricKind::speedup,
            base_of(all, std::nullopt)};
  }
  if (is_difference(leaf)) {
    return {percent ? MetricKind::improvement : MetricKind::delta,
            base_of(all, percent ? std::nullopt : unit)};
  }
  if (percent || all.has_any({"percent", "pct", "utilization", "util"})) {
    return {MetricKind::percent, MetricKind::none};
  }
  // "throughput_ratio", "ttft_ratio": a ratio of two measurements of one kind.
  if (leaf.has("ratio")) {
    return {MetricKind::ratio, base_of(all, std::nullopt)};
  }
  return {measured_kind(all, unit), MetricKind::none};
}

}  // namespace chimera::ingest
