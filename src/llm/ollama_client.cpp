#include <fmt/format.h>
#include <fmt/ranges.h>

#include "chimera/llm/json_fields.hpp"
#include "chimera/llm/request.hpp"
#include "chimera/llm/streaming_client.hpp"

namespace chimera::llm {
namespace {

// Ollama names a model "name:tag" and reads a bare name as "name:latest".
bool same_model(const std::string& listed, const std::string& wanted) {
  return listed == wanted ||
         (wanted.find(':') == std::string::npos && listed == wanted + ":latest");
}

std::string describe_details(const nlohmann::json& details) {
  std::string text;
  for (const char* key : {"family", "parameter_size", "quantization_level"}) {
    if (auto value = string_field(details, key); value && !value->empty()) {
      text += text.empty() ? *value : " " + *value;
    }
  }
  return text;
}

// Ollama's native API: GET /api/version, GET /api/tags, POST /api/chat streaming NDJSON.
class OllamaClient final : public StreamingClient {
 public:
  using StreamingClient::StreamingClient;

  tl::expected<model::ServerInfo, LlmError> preflight(const std::string& model) override {
    auto version = get_json("/api/version");
    if (!version) {
      if (version.error().http_status == 404) {
        version.error().message +=
            " (is this an Ollama server? for an OpenAI-compatible one "
            "use --api openai)";
      }
      return tl::unexpected(std::move(version.error()));
    }
    model::ServerInfo info;
    info.version = string_field(*version, "version").value_or("");
    auto tags = get_json("/api/tags");
    if (!tags) {
      return tl::unexpected(std::move(tags.error()));
    }
    const auto* entry = find_model(*tags, model);
    if (entry == nullptr) {
      LlmError error = make_error(FailureKind::model_not_found, "");
      error.available_models = model_names(*tags);
      error.message = fmt::format("model '{}' not found at {}", model, options().host);
      error.message +=
          error.available_models.empty()
              ? "; the server has no models: `ollama pull " + model + "`"
              : fmt::format("; available: {} (--model)", fmt::join(error.available_models, ", "));
      return tl::unexpected(std::move(error));
    }
    info.model_digest = string_field(*entry, "digest").value_or("");
    if (const auto details = entry->find("details"); details != entry->end()) {
      info.model_details = describe_details(*details);
    }
    return info;
  }

 protected:
  std::string chat_path() const override { return "/api/chat"; }
  std::string chat_body(const ChatRequest& request) const override {
    return ollama_chat_body(request);
  }
  std::unique_ptr<StreamParser> make_parser() const override { return make_ndjson_parser(); }

  std::vector<std::string> list_models() override {
    auto tags = get_json("/api/tags");
    return tags ? model_names(*tags) : std::vector<std::string>{};
  }

 private:
  static const nlohmann::json* find_model(const nlohmann::json& tags, const std::string& model) {
    const auto models = tags.is_object() ? tags.find("models") : tags.end();
    if (models == tags.end() || !models->is_array()) {
      return nullptr;
    }
    for (const auto& entry : *models) {
      for (const char* key : {"name", "model"}) {
        if (auto name = string_field(entry, key); name && same_model(*name, model)) {
          return &entry;
        }
      }
    }
    return nullptr;
  }

  static std::vector<std::string> model_names(const nlohmann::json& tags) {
    std::vector<std::string> names;
    const auto models = tags.is_object() ? tags.find("models") : tags.end();
    if (models != tags.end() && models->is_array()) {
      for (const auto& entry : *models) {
        if (auto name = string_field(entry, "name")) {
          names.push_back(*name);
        }
      }
    }
    return names;
  }
};

}  // namespace

std::unique_ptr<LlmClient> make_ollama_client(const ClientOptions& options) {
  return std::make_unique<OllamaClient>(options);
}

}  // namespace chimera::llm
