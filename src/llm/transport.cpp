#include "chimera/llm/transport.hpp"

#include <curl/curl.h>

#include <memory>
#include <mutex>

#include "chimera/util/cancel.hpp"

namespace chimera::llm {
namespace {

constexpr std::size_t k_max_error_body = 64 * 1024;
constexpr int k_poll_ms = 20;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct MultiDeleter {
  void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct TransferState {
  CURL* easy = nullptr;
  const BodySink* sink = nullptr;
  TransferResult* result = nullptr;
  SteadyClock::time_point last_bytes;
  bool sink_stopped = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& state = *static_cast<TransferState*>(user);
  const std::size_t bytes = size * count;
  state.last_bytes = SteadyClock::now();
  long status = 0;
  curl_easy_getinfo(state.easy, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 300) {
    auto& body = state.result->error_body;
    body.append(data, std::min(bytes, k_max_error_body - std::min(body.size(), k_max_error_body)));
    return bytes;
  }
  state.result->body_bytes += bytes;
  if (!(*state.sink)(std::string_view(data, bytes))) {
    state.sink_stopped = true;
    return 0;  // makes libcurl abort with CURLE_WRITE_ERROR
  }
  return bytes;
}

TransferEnd classify(CURLcode code) {
  switch (code) {
    case CURLE_OK:
      return TransferEnd::complete;
    case CURLE_COULDNT_CONNECT:
      return TransferEnd::connect_failed;
    case CURLE_OPERATION_TIMEDOUT:  // no overall timeout is set: this is the connect timeout
      return TransferEnd::connect_timeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return TransferEnd::resolve_failed;
    default:
      return TransferEnd::broken;
  }
}

void configure(CURL* easy, const HttpRequest& request, curl_slist* headers, double connect_s,
               TransferState& state, char* error_buffer) {
  curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect_s * 1000.0));
  curl_easy_setopt(easy, CURLOPT_USERAGENT, "chimera/" CHIMERA_VERSION);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &state);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_buffer);
  if (request.body) {
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body->data());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body->size()));
  }
}

}  // namespace

TransferResult perform(const HttpRequest& request, double connect_timeout_s, const BodySink& sink,
                       const Watchdog& watchdog) {
  global_init();
  TransferResult result;
  if (util::cancel_requested()) {
    result.end = TransferEnd::cancelled;
    return result;
  }
  char error_buffer[CURL_ERROR_SIZE] = {};
  const std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
  const std::unique_ptr<CURLM, MultiDeleter> multi(curl_multi_init());
  if (!easy || !multi) {
    result.end = TransferEnd::broken;
    result.detail = "libcurl could not be initialised";
    return result;
  }
  curl_slist* raw_headers = nullptr;
  // "Expect: 100-continue" would hold a large prompt back for a round trip or a second.
  raw_headers = curl_slist_append(raw_headers, "Expect:");
  if (request.body) {
    raw_headers = curl_slist_append(raw_headers, "Content-Type: application/json");
  }
  for (const auto& header : request.headers) {
    raw_headers = curl_slist_append(raw_headers, header.c_str());
  }
  const std::unique_ptr<curl_slist, SlistDeleter> headers(raw_headers);

  TransferState state{easy.get(), &sink, &result, SteadyClock::now(), false};
  configure(easy.get(), request, headers.get(), connect_timeout_s, state, error_buffer);
  curl_multi_add_handle(multi.get(), easy.get());

  int running = 1;
  while (running > 0) {
    if (curl_multi_perform(multi.get(), &running) != CURLM_OK) {
      result.end = TransferEnd::broken;
      result.detail = "libcurl multi interface failed";
      break;
    }
    if (running == 0) {
      break;
    }
    if (util::cancel_requested()) {
      result.end = TransferEnd::cancelled;
      break;
    }
    if (auto error = watchdog(state.last_bytes)) {
      result.end = TransferEnd::watchdog;
      result.watchdog = std::move(error);
      break;
    }
    curl_multi_poll(multi.get(), nullptr, 0, k_poll_ms, nullptr);
  }
  curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &result.status);
  if (running == 0 && result.end == TransferEnd::complete) {
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi.get(), &queued)) {
      if (message->msg == CURLMSG_DONE) {
        const CURLcode code = message->data.result;
        result.end = state.sink_stopped ? TransferEnd::sink_stopped : classify(code);
        if (code != CURLE_OK) {
          result.detail = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
        }
      }
    }
  }
  curl_multi_remove_handle(multi.get(), easy.get());
  return result;
}

}  // namespace chimera::llm
