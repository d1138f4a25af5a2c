#include "chimera/ingest/masked_hash.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "chimera/util/hash.hpp"

namespace chimera::ingest {
namespace {

// Character classes by table: the masker looks at every byte of every small file.
constexpr std::uint8_t k_digit = 1;
constexpr std::uint8_t k_hex = 2;
constexpr std::uint8_t k_alnum = 4;
constexpr std::array<std::uint8_t, 256> k_classes = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) {
    t[static_cast<std::size_t>(c)] = k_digit | k_hex | k_alnum;
  }
  for (int c = 'a'; c <= 'z'; ++c) {
    t[static_cast<std::size_t>(c)] = k_alnum | (c <= 'f' ? k_hex : 0);
    t[static_cast<std::size_t>(c - 'a' + 'A')] = k_alnum | (c <= 'f' ? k_hex : 0);
  }
  return t;
}();

bool is_class(char c, std::uint8_t cls) {
  return (k_classes[static_cast<unsigned char>(c)] & cls) != 0;
}
bool is_digit(char c) {
  return is_class(c, k_digit);
}
bool is_hex(char c) {
  return is_class(c, k_hex);
}
bool is_alnum(char c) {
  return is_class(c, k_alnum);
}

// How many digits start `s` at `at`, at most `most`.
std::size_t digits(std::string_view s, std::size_t at, std::size_t most = 64) {
  std::size_t n = 0;
  while (at + n < s.size() && n < most && is_digit(s[at + n])) {
    ++n;
  }
  return n;
}

// Exactly `n` digits at `at`, then the end or a non-digit.
bool digits_exactly(std::string_view s, std::size_t at, std::size_t n) {
  return digits(s, at, n + 1) == n;
}

// The length of "HH:MM[:SS[.fff]]" at `at`, or 0.
std::size_t clock_time(std::string_view s, std::size_t at, bool seconds_required) {
  const std::size_t h = digits(s, at, 3);
  if (h < 1 || h > 2 || at + h >= s.size() || s[at + h] != ':' ||
      !digits_exactly(s, at + h + 1, 2)) {
    return 0;
  }
  std::size_t end = at + h + 3;
  if (end < s.size() && s[end] == ':' && digits_exactly(s, end + 1, 2)) {
    end += 3;
    if (end + 1 < s.size() && (s[end] == '.' || s[end] == ',') && is_digit(s[end + 1])) {
      end += 1 + digits(s, end + 1);
    }
  } else if (seconds_required) {
    return 0;
  }
  return end - at;
}

// The length of a date ("2026-12-07", "2026/12/07") with an optional time and zone, or 0.
std::size_t date_time(std::string_view s, std::size_t at) {
  if (!digits_exactly(s, at, 4) || at + 10 > s.size()) {
    return 0;
  }
  const char sep = s[at + 4];
  if ((sep != '-' && sep != '/') || !digits_exactly(s, at + 5, 2) || s[at + 7] != sep ||
      !digits_exactly(s, at + 8, 2)) {
    return 0;
  }
  std::size_t end = at + 10;
  if (end + 1 < s.size() && (s[end] == 'T' || s[end] == ' ' || s[end] == '_')) {
    if (const std::size_t t = clock_time(s, end + 1, false); t > 0) {
      end += 1 + t;
      if (end < s.size() && s[end] == 'Z') {
        ++end;
      } else if (end < s.size() && (s[end] == '+' || s[end] == '-') &&
                 digits_exactly(s, end + 1, 2)) {
        end += 3;
        if (end < s.size() && s[end] == ':' && digits_exactly(s, end + 1, 2)) {
          end += 3;
        } else if (digits_exactly(s, end, 2)) {
          end += 2;
        }
      }
    }
  }
  return end - at;
}

// The length of a UUID (8-4-4-4-12 hex digits) at `at`, or 0.
std::size_t uuid(std::string_view s, std::size_t at) {
  static constexpr std::array<std::size_t, 5> k_groups{8, 4, 4, 4, 12};
  std::size_t p = at;
  for (std::size_t g = 0; g < k_groups.size(); ++g) {
    for (std::size_t i = 0; i < k_groups[g]; ++i, ++p) {
      if (p >= s.size() || !is_hex(s[p])) {
        return 0;
      }
    }
    if (g + 1 < k_groups.size()) {
      if (p >= s.size() || s[p] != '-') {
        return 0;
      }
      ++p;
    }
  }
  return p < s.size() && is_alnum(s[p]) ? 0 : p - at;
}

// Whether a word is an id or a clock reading rather than a measurement: hex of 12 or more digits
// with both digits and letters, or a Unix time in ms, us or ns (13, 16 or 19 digits from 1). A
// 10-digit number is not masked: 1073741824 is a byte size as often as a time in seconds.
bool volatile_word(std::string_view w) {
  const bool all_digits = std::all_of(w.begin(), w.end(), is_digit);
  if (all_digits) {
    return (w.size() == 13 || w.size() == 16 || w.size() == 19) && w[0] == '1';
  }
  if (w.size() < 12 || !std::all_of(w.begin(), w.end(), is_hex)) {
    return false;
  }
  return std::any_of(w.begin(), w.end(), is_digit);
}

// Whether a line's key names a value that changes from one generation to the next, and where
// its ':' or '=' is.
bool volatile_key(std::string_view s, std::size_t start, std::size_t& colon) {
  constexpr std::size_t k_longest = 64;
  char key[k_longest];
  std::size_t n = 0;
  std::size_t i = start;
  for (; i < s.size() && i - start < k_longest; ++i) {
    const char c = s[i];
    if (c == ':' || c == '=' || c == '\n') {
      break;
    }
    if (is_alnum(c)) {
      key[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if ((c == '_' || c == ' ' || c == '-') && n > 0 && key[n - 1] != '_') {
      key[n++] = '_';
    }
  }
  if (i >= s.size() || (s[i] != ':' && s[i] != '=')) {
    return false;
  }
  colon = i;
  while (n > 0 && key[n - 1] == '_') {
    --n;
  }
  const std::string_view k(key, n);
  static constexpr std::array<std::string_view, 9> k_exact{
      "date", "id", "run_id", "uuid", "hostname", "start_time", "end_time", "started", "finished"};
  if (std::find(k_exact.begin(), k_exact.end(), k) != k_exact.end()) {
    return true;
  }
  return k.ends_with("_at") || k.ends_with("_date") || k.ends_with("_uuid") ||
         k.find("timestamp") != std::string_view::npos || k.starts_with("generated") ||
         k.starts_with("created") || k.starts_with("last_modified");
}

}  // namespace

std::string mask_volatile(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t copied = 0;  // s[copied, i) is still to be appended: text is copied in runs
  const auto mask = [&](std::size_t from, std::size_t to) {
    out.append(s.substr(copied, from - copied));
    out += '#';
    copied = to;
  };
  std::size_t i = 0;
  bool line_start = true;
  while (i < s.size()) {
    if (line_start) {
      line_start = false;
      std::size_t colon = 0;
      if (volatile_key(s, i, colon)) {
        const std::size_t eol = std::min(s.find('\n', colon), s.size());
        mask(colon + 1, eol);
        i = eol;
        continue;
      }
    }
    const char c = s[i];
    if (c == '\n') {
      ++i;
      line_start = true;
      continue;
    }
    if (!is_alnum(c)) {
      ++i;
      continue;
    }
    std::size_t w = i + 1;
    while (w < s.size() && is_alnum(s[w])) {
      ++w;
    }
    // Every form masked starts with a hex digit; most words of a file do not.
    if (!is_hex(c)) {
      i = w;
      continue;
    }
    // Each form is told by its first word's length and the character after it.
    const std::size_t length = w - i;
    const char next = w < s.size() ? s[w] : '\0';
    std::size_t n = 0;
    if (length == 8 && next == '-') {
      n = uuid(s, i);
    } else if (length == 4 && (next == '-' || next == '/')) {
      n = date_time(s, i);
    } else if (length <= 2 && next == ':') {
      n = clock_time(s, i, true);
    } else if (length >= 10 && volatile_word(s.substr(i, length))) {
      n = length;
    }
    if (n == 0) {
      i = w;
      continue;
    }
    mask(i, i + n);
    i += n;
    // A masked form ends mid-word only when the word goes on ("2026-12-07x"): skip the rest.
    while (i < s.size() && is_alnum(s[i]) && i > 0 && is_alnum(s[i - 1])) {
      ++i;
    }
  }
  out.append(s.substr(copied));
  return out;
}

std::string masked_hash(std::string_view text) {
  if (text.size() > k_masked_hash_max_bytes) {
    return {};
  }
  return util::content_hash(mask_volatile(text));
}

}  // namespace chimera::ingest
