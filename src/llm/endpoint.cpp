#include "chimera/llm/endpoint.hpp"

#include <algorithm>
#include <charconv>

namespace chimera::llm {
namespace {

constexpr std::string_view k_default_port = "11434";

bool valid_port(std::string_view port) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  return ec == std::errc{} && end == port.data() + port.size() && value > 0 && value < 65536;
}

}  // namespace

Result<std::string> normalize_host(std::string_view text) {
  std::string_view rest = text;
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
    rest.remove_prefix(1);
  }
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '/')) {
    rest.remove_suffix(1);
  }
  if (rest.empty()) {
    return fail(ErrorCode::usage, "host is empty");
  }
  std::string scheme = "http";
  bool scheme_given = false;
  if (const auto pos = rest.find("://"); pos != std::string_view::npos) {
    scheme = std::string(rest.substr(0, pos));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    rest.remove_prefix(pos + 3);
    scheme_given = true;
  }
  if (scheme != "http" && scheme != "https") {
    return fail(ErrorCode::usage, "unsupported scheme '" + scheme + "' (use http or https)");
  }
  std::string_view path;
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    path = rest.substr(slash);
    rest = rest.substr(0, slash);
  }
  std::string_view host = rest;
  std::string_view port;
  bool bare_ipv6 = false;
  if (!rest.empty() && rest.front() == '[') {  // [::1]:port
    const auto close = rest.find(']');
    if (close == std::string_view::npos) {
      return fail(ErrorCode::usage,
                  "unterminated IPv6 address in host '" + std::string(text) + "'");
    }
    host = rest.substr(0, close + 1);
    if (close + 1 < rest.size()) {
      if (rest[close + 1] != ':') {
        return fail(ErrorCode::usage, "malformed host '" + std::string(text) + "'");
      }
      port = rest.substr(close + 2);
    }
  } else if (std::count(rest.begin(), rest.end(), ':') > 1) {
    bare_ipv6 = true;  // "::1": Ollama reads an unbracketed IPv6 address as having no port
  } else if (const auto colon = rest.rfind(':'); colon != std::string_view::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  if (host.empty() && port.empty()) {
    return fail(ErrorCode::usage, "host name is empty in '" + std::string(text) + "'");
  }
  std::string port_text;
  if (!port.empty()) {
    if (!valid_port(port)) {
      return fail(ErrorCode::usage, "invalid port '" + std::string(port) + "' in host");
    }
    port_text = std::string(port);
  } else if (scheme_given) {
    port_text = scheme == "https" ? "443" : "80";
  } else {
    port_text = std::string(k_default_port);
  }
  // ":11434" dials the local host, as in Go (and so in Ollama); 0.0.0.0 is where a server
  // listens, not an address to connect to.
  std::string host_text = host.empty() || host == "0.0.0.0" ? "127.0.0.1" : std::string(host);
  if (bare_ipv6) {
    host_text = "[" + host_text + "]";
  }
  return scheme + "://" + host_text + ":" + port_text + std::string(path);
}

}  // namespace chimera::llm
