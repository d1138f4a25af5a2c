#include "chimera/llm/request.hpp"

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
  const auto& o = request.options;
  nlohmann::json options = {{"num_ctx", o.num_ctx}};
  put(options, "num_gpu", o.num_gpu);
  put(options, "temperature", o.temperature);
  put(options, "top_p", o.top_p);
  put(options, "top_k", o.top_k);
  put(options, "repeat_penalty", o.repeat_penalty);
  put(options, "seed", o.seed);
  put(options, "num_predict", o.num_predict);
  nlohmann::json body = {{"model", request.model},
                         {"messages", messages_json(request)},
                         {"stream", true},
                         {"options", std::move(options)}};
  put(body, "keep_alive", o.keep_alive);
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
  std::string text = fmt::format("num_ctx={}", o.num_ctx);
  const auto add = [&text](const char* name, const auto& value) {
    if (value) {
      text += fmt::format(", {}={}", name, *value);
    }
  };
  add("num_gpu", o.num_gpu);
  add("temperature", o.temperature);
  add("top_p", o.top_p);
  add("top_k", o.top_k);
  add("repeat_penalty", o.repeat_penalty);
  add("seed", o.seed);
  add("num_predict", o.num_predict);
  add("keep_alive", o.keep_alive);
  return text;
}

}  // namespace chimera::llm
