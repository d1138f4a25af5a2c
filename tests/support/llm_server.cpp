#include "support/llm_server.hpp"

#include <httplib.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace chimera::test {
namespace {

enum class Protocol : std::uint8_t { ollama, openai };

bool same_model(const std::string& listed, const std::string& wanted) {
  return listed == wanted ||
         (wanted.find(':') == std::string::npos && listed == wanted + ":latest");
}

nlohmann::json details_json(const TestModel& m) {
  return {{"parent_model", ""},
          {"format", "gguf"},
          {"family", m.family},
          {"families", {m.family}},
          {"parameter_size", m.parameter_size},
          {"quantization_level", m.quantization_level}};
}

std::vector<TestModel> default_models() {
  return {{"gemma3:latest", "a2af6cc3eb7fa8be8504abaf9b04e88f17a119ec3f04a3addf55f92841195f5a",
           "gemma3", "4.3B", "Q4_K_M"},
          {"llama3.2:3b", "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
           "llama", "3.2B", "Q4_K_M"}};
}

}  // namespace

nlohmann::json RecordedRequest::json() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  return parsed.is_discarded() ? nlohmann::json() : parsed;
}

struct LlmTestServer::State {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  mutable std::mutex mutex;
  std::condition_variable wake;
  bool stopping = false;
  std::deque<ChatScript> ollama_scripts;
  std::deque<ChatScript> openai_scripts;
  std::vector<Step> default_ollama = default_ollama_stream();
  std::vector<Step> default_openai = default_openai_stream();
  std::map<std::string, std::deque<std::pair<int, std::string>>> replies;
  std::vector<TestModel> models = default_models();
  std::string version = "0.6.2";
  std::optional<std::pair<std::string, std::string>> llama_cpp;  // model id, build info
  double bytes_per_token = 0;  // 0: no tokenizer
  std::int64_t openai_window = 0;
  std::vector<RecordedRequest> requests;
  std::chrono::nanoseconds handler_time{0};

  // Waits `delay` unless the server is stopping; returns false if it is.
  bool pause_for(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex);
    return !wake.wait_for(lock, delay, [this] { return stopping; });
  }

  std::optional<TestModel> find_model(const std::string& name) const {
    std::lock_guard lock(mutex);
    for (const auto& m : models) {
      if (same_model(m.name, name)) {
        return m;
      }
    }
    return std::nullopt;
  }

  std::int64_t tokens_of(std::string_view text) const {
    return static_cast<std::int64_t>(std::ceil(static_cast<double>(text.size()) / bytes_per_token));
  }

  std::int64_t prompt_tokens_of(const nlohmann::json& body) const {
    std::int64_t tokens = 0;
    if (body.is_object() && body.contains("messages") && body["messages"].is_array()) {
      for (const auto& m : body["messages"]) {
        if (m.is_object() && m.contains("content") && m["content"].is_string()) {
          tokens += tokens_of(m["content"].get<std::string>());
        }
      }
    }
    return tokens;
  }

  // The default answer, reporting the prompt's tokens cut to the window when there is a
  // tokenizer.
  std::vector<Step> default_answer(Protocol protocol, const nlohmann::json& body) const {
    if (bytes_per_token <= 0) {
      return protocol == Protocol::ollama ? default_ollama : default_openai;
    }
    std::int64_t window = openai_window;
    if (protocol == Protocol::ollama && body.contains("options") &&
        body["options"].contains("num_ctx") && body["options"]["num_ctx"].is_number_integer()) {
      window = body["options"]["num_ctx"].get<std::int64_t>();
    }
    FinalFields fields;
    fields.prompt_eval_count = std::min(prompt_tokens_of(body), window);
    return protocol == Protocol::ollama ? ollama_stream({"Hello."}, fields)
                                        : openai_stream({"Hello."}, fields);
  }

  ChatScript next_script(Protocol protocol, const nlohmann::json& body) {
    std::lock_guard lock(mutex);
    auto& queue = protocol == Protocol::ollama ? ollama_scripts : openai_scripts;
    if (queue.empty()) {
      return {200, default_answer(protocol, body)};
    }
    ChatScript script = std::move(queue.front());
    queue.pop_front();
    return script;
  }

  void chat(Protocol protocol, const httplib::Request& req, httplib::Response& res) {
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    const std::string model =
        body.is_object() && body.contains("model") && body["model"].is_string()
            ? body["model"].get<std::string>()
            : "";
    bool any_model = false;
    {
      std::lock_guard lock(mutex);
      any_model = protocol == Protocol::openai && llama_cpp.has_value();
    }
    if (!any_model && !find_model(model)) {
      const std::string message = "model \"" + model + "\" not found, try pulling it first";
      const nlohmann::json error =
          protocol == Protocol::ollama
              ? nlohmann::json{{"error", message}}
              : nlohmann::json{{"error", {{"message", message}, {"type", "api_error"}}}};
      res.status = 404;
      res.set_content(error.dump(), "application/json");
      return;
    }
    ChatScript script = next_script(protocol, body);
    if (script.status != 200) {
      res.status = script.status;
      res.set_content(joined(script.steps), "application/json");
      return;
    }
    const char* type = protocol == Protocol::ollama ? "application/x-ndjson" : "text/event-stream";
    res.set_chunked_content_provider(
        type, [this, steps = std::move(script.steps)](std::size_t, httplib::DataSink& sink) {
          for (const auto& step : steps) {
            switch (step.kind) {
              case Step::Kind::write:
                if (!sink.write(step.bytes.data(), step.bytes.size())) {
                  return false;
                }
                break;
              case Step::Kind::pause:
                if (!pause_for(step.delay)) {
                  return false;
                }
                break;
              case Step::Kind::drop:
                return false;
            }
          }
          sink.done();
          return true;
        });
  }

  // Records the request (its body is read by the time a route runs) and answers it from
  // script_reply() if one is queued for its path; returns true if it did.
  bool record_or_reply(const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    requests.push_back({req.method, req.path, req.body, req.get_header_value("Authorization"),
                        req.get_header_value("Content-Type")});
    auto it = replies.find(req.path);
    if (it == replies.end() || it->second.empty()) {
      return false;
    }
    res.status = it->second.front().first;
    res.set_content(it->second.front().second, "application/json");
    it->second.pop_front();
    return true;
  }

  httplib::Server::Handler recorded(httplib::Server::Handler handler) {
    return
        [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
          const auto start = std::chrono::steady_clock::now();
          if (!record_or_reply(req, res)) {
            handler(req, res);
          }
          const auto spent = std::chrono::steady_clock::now() - start;
          std::lock_guard lock(mutex);
          handler_time += spent;
        };
  }

  void routes() {
    server.Get("/api/version", recorded([this](const httplib::Request&, httplib::Response& res) {
                 std::lock_guard lock(mutex);
                 res.set_content(nlohmann::json{{"version", version}}.dump(), "application/json");
               }));
    server.Get("/api/tags", recorded([this](const httplib::Request&, httplib::Response& res) {
                 std::lock_guard lock(mutex);
                 auto list = nlohmann::json::array();
                 for (const auto& m : models) {
                   list.push_back({{"name", m.name},
                                   {"model", m.name},
                                   {"modified_at", "2025-11-01T10:00:00.000000000Z"},
                                   {"size", 3338801804},
                                   {"digest", m.digest},
                                   {"details", details_json(m)}});
                 }
                 res.set_content(nlohmann::json{{"models", list}}.dump(), "application/json");
               }));
    server.Post(
        "/api/show", recorded([this](const httplib::Request& req, httplib::Response& res) {
          const auto body = nlohmann::json::parse(req.body, nullptr, false);
          const auto name = body.is_object() ? body.value("model", body.value("name", "")) : "";
          const auto m = find_model(name);
          if (!m) {
            res.status = 404;
            res.set_content(nlohmann::json{{"error", "model '" + name + "' not found"}}.dump(),
                            "application/json");
            return;
          }
          res.set_content(nlohmann::json{{"details", details_json(*m)},
                                         {"model_info",
                                          {{"general.architecture", m->family},
                                           {m->family + ".context_length", 131072}}},
                                         {"modified_at", "2025-11-01T10:00:00.000000000Z"}}
                              .dump(),
                          "application/json");
        }));
    server.Get("/v1/models", recorded([this](const httplib::Request&, httplib::Response& res) {
                 std::lock_guard lock(mutex);
                 auto data = nlohmann::json::array();
                 if (llama_cpp) {
                   data.push_back({{"id", llama_cpp->first},
                                   {"object", "model"},
                                   {"created", 1762751557},
                                   {"owned_by", "llamacpp"}});
                 } else {
                   for (const auto& m : models) {
                     data.push_back({{"id", m.name},
                                     {"object", "model"},
                                     {"created", 1762751557},
                                     {"owned_by", "library"}});
                   }
                 }
                 res.set_content(nlohmann::json{{"object", "list"}, {"data", data}}.dump(),
                                 "application/json");
               }));
    server.Get("/props", recorded([this](const httplib::Request&, httplib::Response& res) {
                 std::lock_guard lock(mutex);
                 if (!llama_cpp) {
                   res.status = 404;
                   res.set_content("404 page not found", "text/plain");
                   return;
                 }
                 res.set_content(nlohmann::json{{"build_info", llama_cpp->second},
                                                {"model_path", llama_cpp->first}}
                                     .dump(),
                                 "application/json");
               }));
    server.Post("/tokenize", recorded([this](const httplib::Request& req, httplib::Response& res) {
                  const auto body = nlohmann::json::parse(req.body, nullptr, false);
                  std::lock_guard lock(mutex);
                  if (bytes_per_token <= 0 || !body.is_object() || !body.contains("content") ||
                      !body["content"].is_string()) {
                    res.status = 404;
                    res.set_content("404 page not found", "text/plain");
                    return;
                  }
                  const std::int64_t n = tokens_of(body["content"].get<std::string>());
                  auto tokens = nlohmann::json::array();
                  for (std::int64_t i = 0; i < n; ++i) {
                    tokens.push_back(i % 32000);
                  }
                  res.set_content(nlohmann::json{{"tokens", tokens}}.dump(), "application/json");
                }));
    server.Post("/api/chat", recorded([this](const httplib::Request& req, httplib::Response& res) {
                  chat(Protocol::ollama, req, res);
                }));
    server.Post("/v1/chat/completions",
                recorded([this](const httplib::Request& req, httplib::Response& res) {
                  chat(Protocol::openai, req, res);
                }));
  }
};

LlmTestServer::LlmTestServer() : m_state(std::make_unique<State>()) {
  m_state->routes();
  m_state->port = m_state->server.bind_to_any_port("127.0.0.1");
  if (m_state->port <= 0) {
    throw std::runtime_error("LlmTestServer: cannot bind a port on 127.0.0.1");
  }
  m_state->thread = std::thread([state = m_state.get()] { state->server.listen_after_bind(); });
}

LlmTestServer::~LlmTestServer() {
  {
    std::lock_guard lock(m_state->mutex);
    m_state->stopping = true;
  }
  m_state->wake.notify_all();
  m_state->server.stop();
  m_state->thread.join();
}

int LlmTestServer::port() const {
  return m_state->port;
}

std::string LlmTestServer::url() const {
  return "http://127.0.0.1:" + std::to_string(port());
}

void LlmTestServer::script_ollama_chat(ChatScript script) {
  std::lock_guard lock(m_state->mutex);
  m_state->ollama_scripts.push_back(std::move(script));
}

void LlmTestServer::script_openai_chat(ChatScript script) {
  std::lock_guard lock(m_state->mutex);
  m_state->openai_scripts.push_back(std::move(script));
}

void LlmTestServer::set_default_ollama_chat(std::vector<Step> steps) {
  std::lock_guard lock(m_state->mutex);
  m_state->default_ollama = std::move(steps);
}

void LlmTestServer::set_default_openai_chat(std::vector<Step> steps) {
  std::lock_guard lock(m_state->mutex);
  m_state->default_openai = std::move(steps);
}

void LlmTestServer::script_reply(const std::string& path, int status, std::string body) {
  std::lock_guard lock(m_state->mutex);
  m_state->replies[path].emplace_back(status, std::move(body));
}

void LlmTestServer::set_models(std::vector<TestModel> models) {
  std::lock_guard lock(m_state->mutex);
  m_state->models = std::move(models);
}

std::vector<TestModel> LlmTestServer::models() const {
  std::lock_guard lock(m_state->mutex);
  return m_state->models;
}

void LlmTestServer::set_version(std::string version) {
  std::lock_guard lock(m_state->mutex);
  m_state->version = std::move(version);
}

void LlmTestServer::serve_as_llama_cpp(std::string model_id, std::string build_info) {
  std::lock_guard lock(m_state->mutex);
  m_state->llama_cpp.emplace(std::move(model_id), std::move(build_info));
}

void LlmTestServer::set_tokenizer(double bytes_per_token, std::int64_t openai_window) {
  std::lock_guard lock(m_state->mutex);
  m_state->bytes_per_token = bytes_per_token;
  m_state->openai_window = openai_window;
}

std::int64_t LlmTestServer::count_tokens(std::string_view text) const {
  std::lock_guard lock(m_state->mutex);
  return m_state->tokens_of(text);
}

std::int64_t LlmTestServer::prompt_tokens(const RecordedRequest& request) const {
  const auto body = request.json();
  std::lock_guard lock(m_state->mutex);
  return m_state->prompt_tokens_of(body);
}

std::chrono::nanoseconds LlmTestServer::handler_time() const {
  std::lock_guard lock(m_state->mutex);
  return m_state->handler_time;
}

std::vector<RecordedRequest> LlmTestServer::requests() const {
  std::lock_guard lock(m_state->mutex);
  return m_state->requests;
}

std::vector<RecordedRequest> LlmTestServer::requests(const std::string& path) const {
  std::vector<RecordedRequest> matching;
  for (auto& r : requests()) {
    if (r.path == path) {
      matching.push_back(std::move(r));
    }
  }
  return matching;
}

}  // namespace chimera::test
