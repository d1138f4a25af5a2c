#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chimera::model {

// What one LLM pass cost, measured by the client and reported by the server.
// A field the server did not report is unset, never zero.
struct PassMetrics {
  std::optional<double> ttft_ms;            // client: request sent -> first non-empty token
  std::optional<double> wall_ms;            // client: request sent -> stream end
  std::optional<double> load_ms;            // server
  std::optional<double> prompt_eval_ms;     // server
  std::optional<double> eval_ms;            // server
  std::optional<double> total_ms;           // server
  std::optional<std::int64_t> prompt_eval_count;
  std::optional<std::int64_t> eval_count;
  std::optional<double> tokens_per_second;  // decode: eval_count / eval time
  std::optional<double> end_to_end_tokens_per_second;  // eval_count / client wall time
  std::string done_reason;
  bool truncated = false;
  std::string truncation_note;  // why `truncated` is set
  // Values the server reported that cannot be right (a negative duration, 1e308 tok/s), which
  // are unset above: "eval_count -3, eval_duration -5 ms"; empty when there were none.
  std::string implausible;
  // Why chimera sent this pass's prompt again, refitted, when its first try overflowed the
  // server's window; empty when the first try was kept.
  std::string refit_note;
};

struct PassResult {
  std::string name;  // "analysis" or "report"
  bool ok = false;
  std::string text;   // the streamed content, possibly partial when !ok
  std::string error;  // why the pass failed
  PassMetrics metrics;
};

enum class LlmStatus : std::uint8_t { ok, skipped, failed };

// The server as it described itself at preflight.
struct ServerInfo {
  std::string version;
  std::string model_digest;
  std::string model_details;  // e.g. "gemma3 4.3B Q4_K_M"
};

struct LlmOutcome {
  LlmStatus status = LlmStatus::skipped;
  std::string reason;  // one line: why skipped or failed
  std::string model;
  std::string endpoint;
  std::string options;  // "num_gpu=80, num_ctx=2048, temp=0.8"
  ServerInfo server;
  std::vector<PassResult> passes;
};

}  // namespace chimera::model
