#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chimera/llm/client.hpp"

namespace chimera::llm {

using SteadyClock = std::chrono::steady_clock;

struct HttpRequest {
  std::string url;
  std::optional<std::string> body;   // set: POST with this JSON body; unset: GET
  std::vector<std::string> headers;  // "Name: value"
};

// How a transfer ended, before the protocol looks at the body.
enum class TransferEnd : std::uint8_t {
  complete,         // the response ended normally (any HTTP status)
  connect_failed,   // refused or unreachable: nothing was sent
  connect_timeout,  // no connection within the connect timeout
  resolve_failed,   // the host name did not resolve
  broken,           // the connection failed after it was made (reset, closed mid-body)
  sink_stopped,     // the body sink returned false
  watchdog,         // the watchdog returned an error
  cancelled,        // util::request_cancel() was called (Ctrl-C)
};

struct TransferResult {
  TransferEnd end = TransferEnd::complete;
  long status = 0;                   // HTTP status, 0 when none arrived
  std::string error_body;            // the body of a response with status >= 400 (bounded)
  std::string detail;                // libcurl's description of a failure
  std::optional<LlmError> watchdog;  // what the watchdog said, for TransferEnd::watchdog
  std::uint64_t body_bytes = 0;      // bytes of a 2xx body given to the sink
};

// Receives the body of a 2xx response as it arrives; returns false to abort the transfer.
using BodySink = std::function<bool(std::string_view bytes)>;
// Called about every 20 ms and after each read with the time of the last body bytes (or of the
// request's start); returns an error to abort the transfer.
using Watchdog = std::function<std::optional<LlmError>(SteadyClock::time_point last_bytes)>;

// Performs one HTTP request with libcurl, streaming a 2xx body to `sink`. Never retries.
// Checks util::cancel_requested() and the watchdog while it waits, so a stalled server cannot hold it.
[[nodiscard]] TransferResult perform(const HttpRequest& request, double connect_timeout_s,
                                     const BodySink& sink, const Watchdog& watchdog);

}  // namespace chimera::llm
