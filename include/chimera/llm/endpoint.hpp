#pragma once

#include <string>
#include <string_view>

#include "chimera/util/result.hpp"

namespace chimera::llm {

// An LLM endpoint as --host or OLLAMA_HOST give it: the normalised URL, and the credentials of
// a "user:password@" in it, which are sent as basic authentication and never printed.
struct Endpoint {
  std::string url;  // "scheme://host:port[/path]", no trailing slash, no userinfo
  std::string user;
  std::string password;
};

// Reads a host the way Ollama reads OLLAMA_HOST: "host", "host:port" and
// "scheme://[user[:password]@]host[:port][/path]" are accepted; without a scheme it is http,
// without a port it is 11434 (or the scheme's own port when a scheme was given); 0.0.0.0 means
// loopback. User and password are percent-decoded. Error messages show the host with its
// userinfo as "***".
[[nodiscard]] Result<Endpoint> parse_endpoint(std::string_view text);

// parse_endpoint(text).url.
[[nodiscard]] Result<std::string> normalize_host(std::string_view text);

// The "Authorization: Basic ..." header for `user` and `password`.
[[nodiscard]] std::string basic_authorization(std::string_view user, std::string_view password);

}  // namespace chimera::llm
