#include "chimera/llm/metrics.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

namespace chimera::llm {
namespace {

void append_note(model::PassMetrics& metrics, const std::string& note) {
  metrics.truncated = true;
  metrics.truncation_note += metrics.truncation_note.empty() ? note : "; " + note;
}

// No pass decodes faster than this, nor holds more tokens (--num-ctx is at most 2^24).
constexpr double k_max_tokens_per_second = 1e6;
constexpr std::int64_t k_max_tokens = std::int64_t{1} << 26;
// A server's duration can exceed the client's wall time of the pass only by clock skew; without
// a wall time, a day is the bound.
constexpr double k_duration_slack_ms = 60'000.0;
constexpr double k_max_duration_ms = 86'400'000.0;

// Unsets `value` when it fails `plausible`, naming it in metrics.implausible.
template <typename T, typename Plausible>
void check(model::PassMetrics& metrics, std::optional<T>& value, std::string_view name,
           std::string_view unit, Plausible plausible) {
  if (!value || plausible(*value)) {
    return;
  }
  const std::string shown = fmt::format("{} {:g}{}", name, static_cast<double>(*value), unit);
  metrics.implausible += metrics.implausible.empty() ? shown : ", " + shown;
  value.reset();
}

// Leaves out what the server reported that cannot be right, so that the report shows it as
// absent (with a note) rather than as a number: negative or non-finite durations and counts,
// durations longer than the pass, throughput beyond any hardware.
void drop_implausible(model::PassMetrics& m) {
  const double longest = m.wall_ms ? *m.wall_ms + k_duration_slack_ms : k_max_duration_ms;
  const auto duration = [longest](double v) { return std::isfinite(v) && v >= 0 && v <= longest; };
  const auto count = [](std::int64_t v) { return v >= 0 && v <= k_max_tokens; };
  const auto rate = [](double v) {
    return std::isfinite(v) && v >= 0 && v <= k_max_tokens_per_second;
  };
  check(m, m.load_ms, "load_duration", " ms", duration);
  check(m, m.prompt_eval_ms, "prompt_eval_duration", " ms", duration);
  check(m, m.eval_ms, "eval_duration", " ms", duration);
  check(m, m.total_ms, "total_duration", " ms", duration);
  check(m, m.prompt_eval_count, "prompt_eval_count", "", count);
  check(m, m.eval_count, "eval_count", "", count);
  check(m, m.tokens_per_second, "tokens per second", "", rate);
}

}  // namespace

void finish_metrics(model::PassMetrics& metrics, const ChatRequest& request, double tolerance) {
  drop_implausible(metrics);
  if (!metrics.tokens_per_second && metrics.eval_count && metrics.eval_ms && *metrics.eval_ms > 0) {
    metrics.tokens_per_second =
        static_cast<double>(*metrics.eval_count) / (*metrics.eval_ms / 1000.0);
  }
  if (metrics.eval_count && metrics.wall_ms && *metrics.wall_ms > 0) {
    metrics.end_to_end_tokens_per_second =
        static_cast<double>(*metrics.eval_count) / (*metrics.wall_ms / 1000.0);
  }
  // Plausible counts over a plausible but tiny eval time can still give an absurd rate.
  if (metrics.tokens_per_second && *metrics.tokens_per_second > k_max_tokens_per_second) {
    check(metrics, metrics.tokens_per_second, "tokens per second", "",
          [](double) { return false; });
  }

  // Servers cut a prompt that overflows the window and keep its tail: the count they report is
  // then the window (Ollama), or far below the prompt (llama.cpp keeps about the last half).
  const auto& estimate = request.estimated_prompt_tokens;
  const std::int64_t window = request.options.num_ctx;
  if (metrics.prompt_eval_count && window > 0 &&
      *metrics.prompt_eval_count >= window - window / k_window_slack_divisor) {
    append_note(metrics,
                fmt::format("the server evaluated {} prompt tokens, at the window size "
                            "(num_ctx={}): the prompt was probably cut to fit; raise --num-ctx",
                            *metrics.prompt_eval_count, window));
  } else if (estimate && metrics.prompt_eval_count && *estimate > 0 &&
             static_cast<double>(*metrics.prompt_eval_count) <
                 static_cast<double>(*estimate) * (1.0 - tolerance)) {
    append_note(metrics,
                fmt::format("the server evaluated {} prompt tokens but the prompt is "
                            "about {} tokens (num_ctx={}): it was probably truncated; "
                            "raise --num-ctx",
                            *metrics.prompt_eval_count, *estimate, request.options.num_ctx));
  }
  const auto& limit = request.options.num_predict;
  const bool reached_num_predict =
      limit && *limit > 0 && metrics.eval_count && *metrics.eval_count >= *limit;
  if (metrics.done_reason == "length" && !reached_num_predict) {
    append_note(metrics, fmt::format("generation stopped at the context limit (done reason "
                                     "'length') after {} tokens{}; raise --num-ctx",
                                     metrics.eval_count ? std::to_string(*metrics.eval_count)
                                                        : std::string("an unknown number of"),
                                     limit ? fmt::format(", before num_predict={}", *limit)
                                           : std::string()));
  }
}

}  // namespace chimera::llm
