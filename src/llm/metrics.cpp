#include "chimera/llm/metrics.hpp"

#include <fmt/format.h>

namespace chimera::llm {
namespace {

void append_note(model::PassMetrics& metrics, const std::string& note) {
  metrics.truncated = true;
  metrics.truncation_note += metrics.truncation_note.empty() ? note : "; " + note;
}

}  // namespace

void finish_metrics(model::PassMetrics& metrics, const ChatRequest& request, double tolerance) {
  if (!metrics.tokens_per_second && metrics.eval_count && metrics.eval_ms && *metrics.eval_ms > 0) {
    metrics.tokens_per_second =
        static_cast<double>(*metrics.eval_count) / (*metrics.eval_ms / 1000.0);
  }
  if (metrics.eval_count && metrics.wall_ms && *metrics.wall_ms > 0) {
    metrics.end_to_end_tokens_per_second =
        static_cast<double>(*metrics.eval_count) / (*metrics.wall_ms / 1000.0);
  }

  const auto& estimate = request.estimated_prompt_tokens;
  if (estimate && metrics.prompt_eval_count && *estimate > 0 &&
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
