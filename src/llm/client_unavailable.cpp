// TEMPORARY (report branch only): lets this worktree link before the LLM engineer's client lands.
// The lead deletes this file when merging; the real make_client replaces it.
#include "chimera/llm/client.hpp"

namespace chimera::llm {
namespace {

class UnavailableClient final : public LlmClient {
 public:
  tl::expected<model::ServerInfo, LlmError> preflight(const std::string&) override {
    return tl::unexpected(LlmError{FailureKind::unreachable, "LLM client not built", 0, {}, {}});
  }
  tl::expected<ChatResult, LlmError> chat(const ChatRequest&, const TokenCallback&) override {
    return tl::unexpected(LlmError{FailureKind::unreachable, "LLM client not built", 0, {}, {}});
  }
};

}  // namespace

std::unique_ptr<LlmClient> make_client(const model::Config&) {
  return std::make_unique<UnavailableClient>();
}

}  // namespace chimera::llm
