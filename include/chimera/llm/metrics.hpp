#pragma once

#include <cstdint>

#include "chimera/llm/client.hpp"
#include "chimera/model/llm.hpp"

namespace chimera::llm {

// The server may count up to this fraction fewer prompt tokens than the client's estimate before
// the prompt is called truncated: the estimate is a heuristic, not the model's tokenizer.
inline constexpr double k_truncation_tolerance = 0.25;
// A prompt the server counts within num_ctx / this of num_ctx filled the window: it was cut.
// The client never sends one that close, whatever the answer's reserve.
inline constexpr std::int64_t k_window_slack_divisor = 32;

// Completes `metrics`, which holds what the server reported plus the client's ttft_ms and
// wall_ms. First, what the server reported that cannot be right is unset and named in
// metrics.implausible: a negative or non-finite duration or count, a duration longer than the
// pass's wall time (plus a minute of skew), a count over 2^26 tokens, a rate over 10^6 tok/s.
// Then decode throughput (eval_count / eval time) when the server did not give it, end-to-end
// throughput (eval_count / wall time), and the truncation check: the server counted the prompt
// at or near num_ctx (it filled the window and was cut), or far below the estimate. Fields
// whose inputs are unknown stay unknown.
void finish_metrics(model::PassMetrics& metrics, const ChatRequest& request,
                    double tolerance = k_truncation_tolerance);

}  // namespace chimera::llm
