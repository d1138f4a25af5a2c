#include "chimera/ingest/masked_hash.hpp"

#include <algorithm>
#include <array>

#include "chimera/util/hash.hpp"

namespace chimera::ingest {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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
// with both digits and letters, or a Unix time (10, 13, 16 or 19 digits from 1).
bool volatile_word(std::string_view w) {
  const bool all_digits = std::all_of(w.begin(), w.end(), is_digit);
  if (all_digits) {
    return (w.size() == 10 || w.size() == 13 || w.size() == 16 || w.size() == 19) && w[0] == '1';
  }
  if (w.size() < 12 || !std::all_of(w.begin(), w.end(), is_hex)) {
    return false;
  }
  return std::any_of(w.begin(), w.end(), is_digit);
}

// Whether a line's key names a value that changes from one generation to the next.
bool volatile_key(std::string_view line) {
  const std::size_t colon = line.find_first_of(":=");
  if (colon == std::string_view::npos || colon > 64) {
    return false;
  }
  std::string key;
  for (const char c : line.substr(0, colon)) {
    if (is_alnum(c)) {
      key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if ((c == '_' || c == ' ' || c == '-') && !key.empty() && key.back() != '_') {
      key += '_';
    }
  }
  while (!key.empty() && key.back() == '_') {
    key.pop_back();
  }
  static constexpr std::array<std::string_view, 5> k_exact{"date", "id", "run_id", "uuid",
                                                           "hostname"};
  if (std::find(k_exact.begin(), k_exact.end(), key) != k_exact.end()) {
    return true;
  }
  return key.ends_with("_at") || key.ends_with("_date") || key.ends_with("_uuid") ||
         key.find("timestamp") != std::string::npos || key.starts_with("generated") ||
         key.starts_with("created") || key.starts_with("last_modified");
}

}  // namespace

std::string mask_volatile(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  bool line_start = true;
  while (i < s.size()) {
    if (line_start) {
      line_start = false;
      const std::size_t eol = std::min(s.find('\n', i), s.size());
      const std::string_view line = s.substr(i, eol - i);
      if (volatile_key(line)) {
        out.append(line.substr(0, line.find_first_of(":=") + 1));
        out += '#';
        i = eol;
        continue;
      }
    }
    const char c = s[i];
    if (c == '\n') {
      out += c;
      ++i;
      line_start = true;
      continue;
    }
    if (!is_alnum(c) || (i > 0 && is_alnum(s[i - 1]))) {
      out += c;
      ++i;
      continue;
    }
    std::size_t n = uuid(s, i);
    if (n == 0) {
      n = date_time(s, i);
    }
    if (n == 0) {
      n = clock_time(s, i, true);
    }
    if (n == 0) {
      std::size_t w = i;
      while (w < s.size() && is_alnum(s[w])) {
        ++w;
      }
      if (volatile_word(s.substr(i, w - i))) {
        n = w - i;
      } else {
        out.append(s.substr(i, w - i));
        i = w;
        continue;
      }
    }
    out += '#';
    i += n;
  }
  return out;
}

std::string masked_hash(std::string_view text) {
  if (text.size() > k_masked_hash_max_bytes) {
    return {};
  }
  return util::content_hash(mask_volatile(text));
}

}  // namespace chimera::ingest
