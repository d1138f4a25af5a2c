#include "support/llm_wire.hpp"

#include <nlohmann/json.hpp>

namespace chimera::test {
namespace {

constexpr const char* k_created_at = "2025-11-10T05:12:37.123456789Z";
constexpr const char* k_model = "gemma3:latest";

template <typename T>
void put(nlohmann::json& object, const char* key, const std::optional<T>& value) {
  if (value) {
    object[key] = *value;
  }
}

std::string event(const nlohmann::json& payload) {
  return "data: " + payload.dump() + "\n\n";
}

nlohmann::json openai_chunk(nlohmann::json choices) {
  return {{"id", "chatcmpl-chimera"},
          {"object", "chat.completion.chunk"},
          {"created", 1762751557},
          {"model", k_model},
          {"choices", std::move(choices)}};
}

double ms(std::optional<std::int64_t> ns) {
  return ns ? static_cast<double>(*ns) / 1e6 : 0.0;
}

}  // namespace

Step write(std::string bytes) {
  return {Step::Kind::write, std::move(bytes), {}};
}

Step pause(std::chrono::milliseconds delay) {
  return {Step::Kind::pause, {}, delay};
}

Step drop() {
  return {Step::Kind::drop, {}, {}};
}

ChatScript status_reply(int status, std::string body) {
  return {status, {write(std::move(body))}};
}

std::string ollama_token_line(const std::string& content) {
  const nlohmann::json line = {{"model", k_model},
                               {"created_at", k_created_at},
                               {"message", {{"role", "assistant"}, {"content", content}}},
                               {"done", false}};
  return line.dump() + "\n";
}

std::string ollama_final_line(const FinalFields& f) {
  nlohmann::json line = {{"model", k_model},
                         {"created_at", k_created_at},
                         {"message", {{"role", "assistant"}, {"content", ""}}}};
  put(line, "done_reason", f.done_reason);
  line["done"] = true;
  put(line, "total_duration", f.total_duration_ns);
  put(line, "load_duration", f.load_duration_ns);
  put(line, "prompt_eval_count", f.prompt_eval_count);
  put(line, "prompt_eval_duration", f.prompt_eval_duration_ns);
  put(line, "eval_count", f.eval_count);
  put(line, "eval_duration", f.eval_duration_ns);
  return line.dump() + "\n";
}

std::string ollama_error_line(const std::string& message) {
  return nlohmann::json{{"error", message}}.dump() + "\n";
}

std::vector<Step> ollama_stream(const std::vector<std::string>& tokens, const FinalFields& f) {
  std::vector<Step> steps;
  for (const auto& token : tokens) {
    steps.push_back(write(ollama_token_line(token)));
  }
  steps.push_back(write(ollama_final_line(f)));
  return steps;
}

std::string openai_role_event() {
  return event(
      openai_chunk(nlohmann::json::array({{{"index", 0},
                                           {"delta", {{"role", "assistant"}, {"content", ""}}},
                                           {"finish_reason", nullptr}}})));
}

std::string openai_token_event(const std::string& content) {
  return event(openai_chunk(nlohmann::json::array(
      {{{"index", 0}, {"delta", {{"content", content}}}, {"finish_reason", nullptr}}})));
}

std::string openai_final_events(const FinalFields& f) {
  nlohmann::json finish = openai_chunk(nlohmann::json::array(
      {{{"index", 0},
        {"delta", nlohmann::json::object()},
        {"finish_reason", f.done_reason ? nlohmann::json(*f.done_reason) : nullptr}}}));
  if (f.llama_cpp_timings) {
    const auto prompt_n = f.prompt_eval_count.value_or(0) - f.cache_n;
    const double predicted_ms = ms(f.eval_duration_ns);
    const auto predicted_n = f.eval_count.value_or(0);
    finish["timings"] = {
        {"cache_n", f.cache_n},
        {"prompt_n", prompt_n},
        {"prompt_ms", ms(f.prompt_eval_duration_ns)},
        {"prompt_per_token_ms",
         prompt_n > 0 ? ms(f.prompt_eval_duration_ns) / static_cast<double>(prompt_n) : 0.0},
        {"predicted_n", predicted_n},
        {"predicted_ms", predicted_ms},
        {"predicted_per_second",
         f.predicted_per_second.value_or(
             predicted_ms > 0 ? static_cast<double>(predicted_n) / (predicted_ms / 1000.0)
                              : 0.0)}};
  }
  std::string text = event(finish);
  if (f.prompt_eval_count || f.eval_count) {
    nlohmann::json usage = nlohmann::json::object();
    put(usage, "prompt_tokens", f.prompt_eval_count);
    put(usage, "completion_tokens", f.eval_count);
    if (f.prompt_eval_count && f.eval_count) {
      usage["total_tokens"] = *f.prompt_eval_count + *f.eval_count;
    }
    nlohmann::json chunk = openai_chunk(nlohmann::json::array());
    chunk["usage"] = usage;
    text += event(chunk);
  }
  return text + "data: [DONE]\n\n";
}

std::string openai_error_event(const std::string& message) {
  return event({{"error", {{"message", message}, {"type", "server_error"}, {"code", 500}}}});
}

std::vector<Step> openai_stream(const std::vector<std::string>& tokens, const FinalFields& f) {
  std::vector<Step> steps{write(openai_role_event())};
  for (const auto& token : tokens) {
    steps.push_back(write(openai_token_event(token)));
  }
  steps.push_back(write(openai_final_events(f)));
  return steps;
}

std::string joined(const std::vector<Step>& steps) {
  std::string bytes;
  for (const auto& step : steps) {
    if (step.kind == Step::Kind::write) {
      bytes += step.bytes;
    }
  }
  return bytes;
}

std::vector<Step> rechunk(const std::string& bytes, std::size_t size) {
  std::vector<Step> steps;
  for (std::size_t at = 0; at < bytes.size(); at += size) {
    steps.push_back(write(bytes.substr(at, size)));
  }
  return steps;
}

namespace {
const std::vector<std::string> k_default_tokens = {"Hello", " from",   " the",
                                                   " test", " server", "."};
}  // namespace

std::vector<Step> default_ollama_stream() {
  return ollama_stream(k_default_tokens);
}

std::vector<Step> default_openai_stream() {
  return openai_stream(k_default_tokens);
}

std::string default_text() {
  return "Hello from the test server.";
}

}  // namespace chimera::test
