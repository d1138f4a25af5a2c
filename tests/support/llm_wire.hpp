#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The wire format LlmTestServer speaks, as scriptable steps: realistic Ollama NDJSON lines and
// OpenAI Server-Sent Events, and ways to cut them into writes.

namespace chimera::test {

// One step of a scripted response body.
struct Step {
  enum class Kind : std::uint8_t { write, pause, drop };
  Kind kind = Kind::write;
  std::string bytes;                   // write: sent as one chunk
  std::chrono::milliseconds delay{0};  // pause
};

[[nodiscard]] Step write(std::string bytes);
[[nodiscard]] Step pause(std::chrono::milliseconds delay);
// Closes the connection without the chunked body's last chunk: a server that died mid-stream.
[[nodiscard]] Step drop();

// The answer to one chat request. A status other than 200 sends the written bytes as one
// plain body (pauses and drops are ignored); 200 streams the steps with chunked encoding.
struct ChatScript {
  int status = 200;
  std::vector<Step> steps;
};

// A non-streamed answer: `status` with `body` as application/json.
[[nodiscard]] ChatScript status_reply(int status, std::string body);

// The final chunk's fields. Unset ones are left out of the chunk, as a server that does not
// report them would.
struct FinalFields {
  std::optional<std::string> done_reason = "stop";
  std::optional<std::int64_t> total_duration_ns = 5'589'157'167;
  std::optional<std::int64_t> load_duration_ns = 3'013'701'500;
  std::optional<std::int64_t> prompt_eval_count = 26;
  std::optional<std::int64_t> prompt_eval_duration_ns = 130'079'000;
  std::optional<std::int64_t> eval_count = 259;
  std::optional<std::int64_t> eval_duration_ns = 2'435'000'000;
  // OpenAI protocol only: add llama.cpp's "timings" object to the last choice chunk.
  bool llama_cpp_timings = false;
  std::int64_t cache_n = 0;
  // llama.cpp's predicted_per_second as sent, instead of the one the counts give.
  std::optional<double> predicted_per_second;
};

// Ollama's NDJSON lines, each ending in "\n".
[[nodiscard]] std::string ollama_token_line(const std::string& content);
[[nodiscard]] std::string ollama_final_line(const FinalFields& fields = {});
[[nodiscard]] std::string ollama_error_line(const std::string& message);
// One write per token line, then the final line.
[[nodiscard]] std::vector<Step> ollama_stream(const std::vector<std::string>& tokens,
                                              const FinalFields& fields = {});

// OpenAI SSE events, each "data: ...\n\n": the role chunk (empty content), one per token, the
// finish chunk (finish_reason, and llama.cpp timings if asked), the usage chunk, then [DONE].
[[nodiscard]] std::string openai_role_event();
[[nodiscard]] std::string openai_token_event(const std::string& content);
[[nodiscard]] std::string openai_final_events(const FinalFields& fields = {});
[[nodiscard]] std::string openai_error_event(const std::string& message);
[[nodiscard]] std::vector<Step> openai_stream(const std::vector<std::string>& tokens,
                                              const FinalFields& fields = {});

// All the bytes `steps` write, in order.
[[nodiscard]] std::string joined(const std::vector<Step>& steps);
// The same bytes cut into writes of `size` bytes each.
[[nodiscard]] std::vector<Step> rechunk(const std::string& bytes, std::size_t size);

// The answers when nothing is scripted: "Hello from the test server." in 6 tokens.
[[nodiscard]] std::vector<Step> default_ollama_stream();
[[nodiscard]] std::vector<Step> default_openai_stream();
[[nodiscard]] std::string default_text();

}  // namespace chimera::test
