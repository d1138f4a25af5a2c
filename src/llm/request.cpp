#include "chimera/llm/request.hpp"

#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace chimera::llm {
namespace {

nlohmann::json messages_json(const ChatRequest& request) {
  auto messages = nlohmann::json::array();
  for (const auto& m : request.messages) {
    messages.push_back({{"role", m.role}, {"content", m.content}});
  }
  return messages;
}

template <typename T>
void put(nlohmann::json& object, const char* key, const std::optional<T>& value) {
  if (value) {
    object[key] = *value;
  }
}

std::string dump(const nlohmann::json& body) {
  // Prompts are built from user files: replace invalid UTF-8 rather than throw.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string ollama_chat_body(const ChatRequest& request) {
  nlohmann::json options = nlohmann::json::object();
  nlohmann::json body = {{"model", request.model},
                         {"messages", messages_json(request)},
                         {"stream", true}};
  model::for_each_option(request.options, [&](std::string_view name, const auto& value) {
    // keep_alive is a request field of /api/chat, not a model option.
    (name == "keep_alive" ? body : options)[std::string(name)] = value;
  });
  body["options"] = std::move(options);
  return dump(body);
}

std::string openai_chat_body(const ChatRequest& request) {
  const auto& o = request.options;
  nlohmann::json body = {{"model", request.model},
                         {"messages", messages_json(request)},
                         {"stream", true},
                         {"stream_options", {{"include_usage", true}}}};
  put(body, "temperature", o.temperature);
  put(body, "top_p", o.top_p);
  put(body, "seed", o.seed);
  put(body, "max_tokens", o.num_predict);
  put(body, "top_k", o.top_k);
  put(body, "repeat_penalty", o.repeat_penalty);
  return dump(body);
}

std::string describe_options(const model::LlmOptions& o) {
  std::string text;
  model::for_each_option(o, [&text](std::string_view name, const auto& value) {
    text += fmt::format("{}{}={}", text.empty() ? "" : ", ", name, value);
  });
  return text;
}

}  // namespace chimera::llm
