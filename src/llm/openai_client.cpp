#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "chimera/llm/json_fields.hpp"
#include "chimera/llm/request.hpp"
#include "chimera/llm/streaming_client.hpp"

namespace chimera::llm {
namespace {

struct ListedModel {
  std::string id;
  std::string owned_by;
};

std::vector<ListedModel> listed_models(const nlohmann::json& answer) {
  std::vector<ListedModel> models;
  const auto data = answer.is_object() ? answer.find("data") : answer.end();
  if (data != answer.end() && data->is_array()) {
    for (const auto& entry : *data) {
      if (auto id = string_field(entry, "id")) {
        models.push_back({*id, string_field(entry, "owned_by").value_or("")});
      }
    }
  }
  return models;
}

// The OpenAI-compatible API (llama.cpp's llama-server, vLLM, Ollama's /v1, hosted services):
// GET /v1/models, POST /v1/chat/completions streaming Server-Sent Events.
class OpenAiClient final : public StreamingClient {
 public:
  using StreamingClient::StreamingClient;

  tl::expected<model::ServerInfo, LlmError> preflight(const std::string& model) override {
    auto answer = get_json("/v1/models");
    if (!answer) {
      return tl::unexpected(std::move(answer.error()));
    }
    const auto models = listed_models(*answer);
    model::ServerInfo info;
    const bool listed = std::any_of(models.begin(), models.end(),
                                    [&](const ListedModel& m) { return m.id == model; });
    // llama-server serves the one model it was started with, whatever a request names.
    const bool llama_cpp = !models.empty() && models.front().owned_by == "llamacpp";
    m_tokenizer = llama_cpp;
    if (llama_cpp) {
      info.version = llama_cpp_version();
      info.model_details = models.front().id;
    }
    if (!listed && !llama_cpp) {
      LlmError error = make_error(FailureKind::model_not_found, "");
      for (const auto& m : models) {
        error.available_models.push_back(m.id);
      }
      error.message = fmt::format("model '{}' not found at {}", model, options().host);
      error.message +=
          error.available_models.empty()
              ? "; the server lists no models"
              : fmt::format("; available: {} (--model)", fmt::join(error.available_models, ", "));
      return tl::unexpected(std::move(error));
    }
    return info;
  }

 protected:
  std::string chat_path() const override { return "/v1/chat/completions"; }
  std::string chat_body(const ChatRequest& request) const override {
    return openai_chat_body(request);
  }
  std::unique_ptr<StreamParser> make_parser() const override { return make_sse_parser(); }

  // llama-server's POST /tokenize {"content": ...} answers {"tokens": [...]} with the model's
  // own tokenizer; one request for all the messages.
  std::optional<std::int64_t> count_tokens(const std::vector<Message>& messages) override {
    if (!m_tokenizer) {
      return std::nullopt;
    }
    std::string content;
    for (const auto& m : messages) {
      content += (content.empty() ? "" : "\n") + m.content;
    }
    const nlohmann::json body = {{"content", content}};
    const auto answer =
        post_json("/tokenize", body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (!answer || !answer->is_object() || !answer->contains("tokens") ||
        !(*answer)["tokens"].is_array()) {
      m_tokenizer = false;  // not worth asking again
      return std::nullopt;
    }
    return static_cast<std::int64_t>((*answer)["tokens"].size());
  }

  std::vector<std::string> list_models() override {
    std::vector<std::string> ids;
    if (auto answer = get_json("/v1/models")) {
      for (auto& m : listed_models(*answer)) {
        ids.push_back(std::move(m.id));
      }
    }
    return ids;
  }

 private:
  // llama-server's GET /props has "build_info", e.g. "b4600-5598f475"; empty if it has not.
  std::string llama_cpp_version() {
    auto props = get_json("/props");
    if (!props) {
      return {};
    }
    auto build = string_field(*props, "build_info");
    return build ? "llama.cpp " + *build : std::string();
  }

  bool m_tokenizer = false;  // the server is llama.cpp's, which offers POST /tokenize
};

}  // namespace

std::unique_ptr<LlmClient> make_openai_client(const ClientOptions& options) {
  return std::make_unique<OpenAiClient>(options);
}

}  // namespace chimera::llm
