#pragma once

#include "chimera/llm/client.hpp"
#include "chimera/model/llm.hpp"

namespace chimera::llm {

// The server may count up to this fraction fewer prompt tokens than the client's estimate before
// the prompt is called truncated: the estimate is a heuristic, not the model's tokenizer.
inline constexpr double k_truncation_tolerance = 0.25;

// Completes `metrics`, which holds what the server reported plus the client's ttft_ms and
// wall_ms. First, what the server reported that cannot be right is unset and named in
// metrics.implausible: a negative or non-finite duration or count, a duration longer than the
// pass's wall time (plus a minute of skew), a count over 2^26 tokens, a rate over 10^6 tok/s.
// Then decode throughput (eval_count / eval time) when the server did not give it, end-to-end
// throughput (eval_count / wall time), and the truncation check. Fields whose inputs are unknown
// stay unknown.
void finish_metrics(model::PassMetrics& metrics, const ChatRequest& request,
                    double tolerance = k_truncation_tolerance);

}  // namespace chimera::llm
