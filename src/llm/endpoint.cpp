#include "chimera/llm/endpoint.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace chimera::llm {
namespace {

constexpr std::string_view k_default_port = "11434";

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// "p%40ss" -> "p@ss"; a '%' not followed by two hex digits stays as it is.
std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool valid_port(std::string_view port) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  return ec == std::errc{} && end == port.data() + port.size() && value > 0 && value < 65536;
}

}  // namespace

Result<Endpoint> parse_endpoint(std::string_view text) {
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
  Endpoint endpoint;
  // user:password@ before the host (RFC 3986 userinfo, percent-encoded). It is kept apart from
  // the URL so that it is sent only as an Authorization header, and never printed.
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = rest.substr(0, at);
    const auto colon = userinfo.find(':');
    endpoint.user = percent_decode(userinfo.substr(0, colon));
    if (colon != std::string_view::npos) {
      endpoint.password = percent_decode(userinfo.substr(colon + 1));
    }
    rest.remove_prefix(at + 1);
  }
  // Messages quote what was given without its userinfo.
  const std::string shown = scheme + "://" + (endpoint.user.empty() ? "" : "***@") +
                            std::string(rest) + std::string(path);
  std::string_view host = rest;
  std::string_view port;
  bool bare_ipv6 = false;
  if (!rest.empty() && rest.front() == '[') {  // [::1]:port
    const auto close = rest.find(']');
    if (close == std::string_view::npos) {
      return fail(ErrorCode::usage, "unterminated IPv6 address in host '" + shown + "'");
    }
    host = rest.substr(0, close + 1);
    if (close + 1 < rest.size()) {
      if (rest[close + 1] != ':') {
        return fail(ErrorCode::usage, "malformed host '" + shown + "'");
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
    return fail(ErrorCode::usage, "host name is empty in '" + shown + "'");
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
  endpoint.url = scheme + "://" + host_text + ":" + port_text + std::string(path);
  return endpoint;
}

Result<std::string> normalize_host(std::string_view text) {
  auto endpoint = parse_endpoint(text);
  if (!endpoint) {
    return tl::unexpected(std::move(endpoint.error()));
  }
  return std::move(endpoint->url);
}

std::string basic_authorization(std::string_view user, std::string_view password) {
  static constexpr char k_alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const std::string plain = std::string(user) + ":" + std::string(password);
  std::string encoded;
  for (std::size_t i = 0; i < plain.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, plain.size() - i);
    std::uint32_t group = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      group = (group << 8) | (k < n ? static_cast<unsigned char>(plain[i + k]) : 0U);
    }
    for (std::size_t k = 0; k < 4; ++k) {
      encoded += k <= n ? k_alphabet[(group >> (18 - 6 * k)) & 0x3FU] : '=';
    }
  }
  return "Authorization: Basic " + encoded;
}

}  // namespace chimera::llm
