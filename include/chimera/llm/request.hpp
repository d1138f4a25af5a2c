#pragma once

#include <string>

#include "chimera/llm/client.hpp"
#include "chimera/model/config.hpp"

namespace chimera::llm {

// The JSON body of Ollama's POST /api/chat: "stream": true, the messages as given (a system
// prompt is a message with role "system"), "options" with num_ctx always and every other option
// that is set, and "keep_alive" at the top level when set.
[[nodiscard]] std::string ollama_chat_body(const ChatRequest& request);

// The JSON body of POST /v1/chat/completions: "stream": true with
// "stream_options": {"include_usage": true}; temperature, top_p, seed, max_tokens (from
// num_predict), and llama.cpp's top_k and repeat_penalty when set. num_ctx, num_gpu and
// keep_alive are the server's business under this protocol and are not sent.
[[nodiscard]] std::string openai_chat_body(const ChatRequest& request);

// The options as sent, for the report's provenance: "num_ctx=8192, num_gpu=80, temperature=0.8".
[[nodiscard]] std::string describe_options(const model::LlmOptions& options);

}  // namespace chimera::llm
