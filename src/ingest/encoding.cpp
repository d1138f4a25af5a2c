#include "chimera/ingest/encoding.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace chimera::ingest {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

enum class Utf16 : std::uint8_t { none, le, be };

// Text in UTF-16 has a zero in every other byte for ASCII characters; look at the first 512 bytes.
Utf16 sniff_utf16(std::string_view bytes, std::size_t& bom) {
  bom = 0;
  if (bytes.size() >= 2) {
    const auto b0 = static_cast<unsigned char>(bytes[0]);
    const auto b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFF && b1 == 0xFE) {
      bom = 2;
      return Utf16::le;
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      bom = 2;
      return Utf16::be;
    }
  }
  const std::size_t n = std::min<std::size_t>(bytes.size(), 512) & ~std::size_t{1};
  if (n < 4) {
    return Utf16::none;
  }
  std::size_t even_zero = 0;
  std::size_t odd_zero = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even_zero += bytes[i] == '\0' ? 1u : 0u;
    odd_zero += bytes[i + 1] == '\0' ? 1u : 0u;
  }
  const std::size_t pairs = n / 2;
  if (odd_zero * 10 >= pairs * 7 && even_zero * 10 < pairs) {
    return Utf16::le;
  }
  if (even_zero * 10 >= pairs * 7 && odd_zero * 10 < pairs) {
    return Utf16::be;
  }
  return Utf16::none;
}

std::string transcode_utf16(std::string_view bytes, std::size_t start, Utf16 order,
                            std::size_t& replaced) {
  std::string out;
  out.reserve(bytes.size() / 2);
  auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return order == Utf16::le ? static_cast<std::uint32_t>(a | (b << 8))
                              : static_cast<std::uint32_t>(b | (a << 8));
  };
  std::size_t i = start;
  for (; i + 1 < bytes.size(); i += 2) {
    const std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      const std::uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      out += k_replacement;
      ++replaced;
      continue;
    }
    append_utf8(out, u);
  }
  if (i < bytes.size()) {
    out += k_replacement;
    ++replaced;
  }
  return out;
}

// Length of the valid UTF-8 sequence at `i`, or 0 when it is invalid.
std::size_t valid_sequence(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (c >= 0xC2 && c <= 0xDF) {
    return cont(1) ? 2 : 0;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) {
      return 0;
    }
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) {
      return 0;  // overlong, or a UTF-16 surrogate
    }
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) {
      return 0;
    }
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) {
      return 0;
    }
    return 4;
  }
  return 0;
}

// Index of the first byte that does not start a valid UTF-8 sequence, or npos. ASCII is checked
// 32 bytes at a time (then eight), since most of a corpus is ASCII.
std::size_t first_invalid(std::string_view s, std::size_t i) {
  constexpr std::uint64_t k_high_bits = 0x8080808080808080ull;
  while (i < s.size()) {
    if (i + 32 <= s.size()) {
      std::uint64_t words[4];
      std::memcpy(words, s.data() + i, sizeof words);
      if (((words[0] | words[1] | words[2] | words[3]) & k_high_bits) == 0) {
        i += 32;
        continue;
      }
    }
    if (i + 8 <= s.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & k_high_bits) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = valid_sequence(s, i);
    if (len == 0) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

model::Diagnostic note(const model::SourceRef& where, std::optional<std::uint64_t> line,
                       model::Severity severity, std::string message) {
  return {where.path, line, severity, std::move(message)};
}

}  // namespace

Decoded decode(std::string_view bytes, const model::SourceRef& where) {
  Decoded out;
  std::size_t bom = 0;
  if (const Utf16 order = sniff_utf16(bytes, bom); order != Utf16::none) {
    std::size_t replaced = 0;
    out.converted = transcode_utf16(bytes, bom, order, replaced);
    out.diagnostics.push_back(note(where, std::nullopt, model::Severity::info,
                                   std::string("transcoded from UTF-16") +
                                       (order == Utf16::le ? "LE" : "BE") + " to UTF-8"));
    if (replaced > 0) {
      out.diagnostics.push_back(note(where, std::nullopt, model::Severity::warning,
                                     std::to_string(replaced) +
                                         " invalid UTF-16 code units replaced with U+FFFD"));
    }
    return out;
  }
  if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
    out.skip_reason = "binary file (contains NUL bytes)";
    return out;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
  }
  std::size_t bad = first_invalid(bytes, 0);
  if (bad == std::string_view::npos) {
    out.slice = bytes;
    return out;
  }
  const auto first_line =
      static_cast<std::uint64_t>(std::count(bytes.begin(), bytes.begin() +
                                                               static_cast<std::ptrdiff_t>(bad),
                                            '\n')) + 1;
  std::string fixed;
  fixed.reserve(bytes.size() + 16);
  std::size_t done = 0;
  std::size_t replaced = 0;
  while (bad != std::string_view::npos) {
    fixed.append(bytes.substr(done, bad - done));
    fixed += k_replacement;
    ++replaced;
    done = bad + 1;
    bad = first_invalid(bytes, done);
  }
  fixed.append(bytes.substr(done));
  out.converted = std::move(fixed);
  out.diagnostics.push_back(note(where, first_line, model::Severity::warning,
                                 "invalid UTF-8 replaced with U+FFFD (" + std::to_string(replaced) +
                                     (replaced == 1 ? " byte" : " bytes") +
                                     ", first on this line); re-save the file as UTF-8"));
  return out;
}

}  // namespace chimera::ingest
