#include "chimera/util/printable.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace chimera::util {
namespace {

// The length of the UTF-8 sequence starting at `at` and its code point, or 0 when the bytes there
// are not well-formed UTF-8 (overlong, surrogate, truncated, beyond U+10FFFF).
std::size_t decode(std::string_view text, std::size_t at, std::uint32_t& code) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  if (lead < 0x80) {
    code = lead;
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1FU;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0FU;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07U;
  } else {
    return 0;
  }
  if (at + length > text.size()) {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0U) != 0x80U) {
      return 0;
    }
    code = (code << 6) | (byte(at + i) & 0x3FU);
  }
  const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
  return overlong || surrogate || code > 0x10FFFF ? 0 : length;
}

bool is_unicode_control(std::uint32_t code) {
  return (code >= 0x80 && code <= 0x9F) ||      // C1 controls (CSI is U+009B)
         code == 0x2028 || code == 0x2029 ||    // line and paragraph separators
         (code >= 0x202A && code <= 0x202E) ||  // bidirectional embeddings and overrides
         (code >= 0x2066 && code <= 0x2069);    // bidirectional isolates
}

std::string escaped(std::string_view text, bool keep_lines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    std::uint32_t code = 0;
    const std::size_t length = decode(text, at, code);
    if (length == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[at]));
      ++at;
      continue;
    }
    if (code < 0x20 || code == 0x7F) {
      if (keep_lines && (code == '\n' || code == '\t')) {
        out += static_cast<char>(code);
      } else if (code == '\n') {
        out += "\\n";
      } else if (code == '\r') {
        out += "\\r";
      } else if (code == '\t') {
        out += "\\t";
      } else {
        out += fmt::format("\\x{:02x}", code);
      }
    } else if (is_unicode_control(code)) {
      out += fmt::format("\\u{{{:x}}}", code);
    } else {
      out.append(text.substr(at, length));
    }
    at += length;
  }
  return out;
}

}  // namespace

std::string printable(std::string_view text) {
  return escaped(text, false);
}

std::string printable_lines(std::string_view text) {
  return escaped(text, true);
}

}  // namespace chimera::util
