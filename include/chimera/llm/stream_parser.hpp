#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "chimera/llm/client.hpp"
#include "chimera/llm/line_splitter.hpp"
#include "chimera/model/llm.hpp"

namespace chimera::llm {

// Turns the body of a streamed chat response into content pieces and the server's metrics.
// One parser per response. Every line is checked for an error member, because servers report
// failures mid-stream with HTTP 200.
class StreamParser {
 public:
  virtual ~StreamParser() = default;
  // Consumes the next bytes of the body, however they were cut. Calls `on_piece` with each
  // non-empty piece of content. Returns the first failure (malformed or server_error); the
  // parser must not be fed after a failure.
  [[nodiscard]] virtual std::optional<LlmError> feed(std::string_view bytes,
                                                     const TokenCallback& on_piece) = 0;
  // The body ended: parses an unterminated last line, if any.
  [[nodiscard]] virtual std::optional<LlmError> finish(const TokenCallback& on_piece) = 0;
  // Did the stream carry its final chunk?
  [[nodiscard]] virtual bool complete() const = 0;
  // How many of the protocol's chunks (JSON payloads, the end marker) were parsed so far. Bytes
  // that make none (blank lines, SSE comments, a line still arriving) do not count: the idle
  // timeout runs from the last chunk, so a server cannot keep a pass alive with them.
  [[nodiscard]] virtual std::size_t chunks() const = 0;
  // What the server reported: durations, token counts, done reason. Client-side fields unset.
  [[nodiscard]] virtual const model::PassMetrics& server_metrics() const = 0;
};

// Ollama's /api/chat: NDJSON, one object per line, the last with "done": true.
[[nodiscard]] std::unique_ptr<StreamParser> make_ndjson_parser(
    std::size_t max_line_bytes = k_max_line_bytes);
// OpenAI's /v1/chat/completions: Server-Sent Events, "data: {...}" lines, then "data: [DONE]".
[[nodiscard]] std::unique_ptr<StreamParser> make_sse_parser(
    std::size_t max_line_bytes = k_max_line_bytes);

}  // namespace chimera::llm
