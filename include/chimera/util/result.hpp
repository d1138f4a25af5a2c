#pragma once

#include <cstdint>
#include <string>

#include <tl/expected.hpp>

namespace chimera {

// What kind of failure an Error is; the app maps some of these to exit codes.
enum class ErrorCode : std::uint8_t {
  usage,        // bad command line or option value
  io,           // a file could not be read or written
  parse,        // input text is malformed
  unsupported,  // input is valid but of a form chimera does not read
  llm,          // the LLM endpoint failed
  internal,     // a bug: an invariant did not hold
};

// A failure passed between stages as a value. `where` is a location such as
// "reports/run3.csv:12" or a flag such as "--num-ctx"; empty when there is none.
struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::string where;
};

template <typename T>
using Result = tl::expected<T, Error>;

// Shorthand for returning a failure: `return fail(ErrorCode::parse, "msg", "file:3");`
[[nodiscard]] inline tl::unexpected<Error> fail(ErrorCode code, std::string message,
                                                std::string where = {}) {
  return tl::unexpected<Error>(Error{code, std::move(message), std::move(where)});
}

// "where: message", or just the message when there is no location.
[[nodiscard]] inline std::string describe(const Error& error) {
  return error.where.empty() ? error.message : error.where + ": " + error.message;
}

}  // namespace chimera
