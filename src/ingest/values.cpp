#include "chimera/ingest/values.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace chimera::ingest {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::array<double, 23> k_exact_pow10 = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Clinger's fast path for a plain decimal ("-12.50", ".5", "1."): with an integer mantissa m <=
// 2^53 and at most 19 digits, m and 10^k (k <= 19) are exact doubles and one correctly rounded
// division gives the same double as from_chars. Anything else (an exponent, more than 19 digits,
// no digit at all) returns false and is left to from_chars. Digits are counted by position rather
// than one by one: 19 digits cannot overflow 64 bits, and leading zeros add nothing to m.
[[gnu::always_inline]] inline bool plain_decimal(const char* first, const char* last,
                                                 double& value, const char*& end, bool& point) {
  const char* p = first;
  const bool negative = p != last && *p == '-';
  p += negative ? 1 : 0;
  std::uint64_t mantissa = 0;
  const char* whole = p;
  for (; p != last && is_digit(*p); ++p) {
    mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
  }
  const std::ptrdiff_t whole_digits = p - whole;
  std::ptrdiff_t fraction = 0;
  point = p != last && *p == '.';
  if (point) {
    const char* fraction_start = ++p;
    for (; p != last && is_digit(*p); ++p) {
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
    }
    fraction = p - fraction_start;
  }
  constexpr std::ptrdiff_t k_max_digits = 19;
  constexpr std::uint64_t k_exact_limit = std::uint64_t{1} << 53;
  const std::ptrdiff_t digit_count = whole_digits + fraction;
  if (digit_count == 0 || digit_count > k_max_digits || (p != last && (*p == 'e' || *p == 'E')) ||
      mantissa > k_exact_limit) {
    return false;
  }
  const double magnitude =
      static_cast<double>(mantissa) / k_exact_pow10[static_cast<std::size_t>(fraction)];
  value = negative ? -magnitude : magnitude;
  end = p;
  return true;
}

// from_chars accepts "inf" and "nan"; a table cell spelled that way is a null, not a number.
// Returns a bool and sets `value` rather than returning an optional<double>: an optional is
// handed back through a narrow store and a wide load, a store-forwarding stall on every cell.
// `integral` says whether the number is written without a point or an exponent. Inlined into
// read_number, which runs once per raw cell: as a call it cost as much as the digits it read.
[[gnu::always_inline]] inline bool read_prefix(std::string_view text, std::size_t& used,
                                               double& value, bool& integral) {
  std::size_t start = 0;
  if (!text.empty() && text.front() == '+') {
    start = 1;
  }
  if (start >= text.size() || !(is_digit(text[start]) || text[start] == '-' || text[start] == '.')) {
    return false;
  }
  const char* first = text.data() + start;
  bool point = false;
  if (const char* end = nullptr;
      plain_decimal(first, text.data() + text.size(), value, end, point)) {
    used = static_cast<std::size_t>(end - text.data());
    integral = !point;
    return true;
  }
  const auto [ptr, ec] = std::from_chars(first, text.data() + text.size(), value);
  if (ec != std::errc() || !std::isfinite(value)) {
    return false;
  }
  used = static_cast<std::size_t>(ptr - text.data());
  integral = std::string_view(first, ptr).find_first_of(".eE") == std::string_view::npos;
  return true;
}

std::optional<double> number_prefix(std::string_view text, std::size_t& used) {
  double value = 0.0;
  bool integral = false;
  return read_prefix(text, used, value, integral) ? std::optional(value) : std::nullopt;
}

int digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) {
    return -1;
  }
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!is_digit(text[i])) {
      return -1;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Howard Hinnant's days_from_civil.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// trim() once an end is known to need it.
[[gnu::noinline]] std::string_view trim_ends(std::string_view text) {
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  // U+00A0 as UTF-8, which Markdown writers put around numbers.
  while (starts_with(text, "\xC2\xA0")) {
    text.remove_prefix(2);
  }
  while (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0") {
    text.remove_suffix(2);
  }
  return text;
}

}  // namespace

std::string_view trim(std::string_view text) {
  // Most cells have nothing to trim: look at both ends once before the general loops, which
  // stay out of line so that this check inlines into the per-cell callers here.
  if (text.empty() || (!is_space(text.front()) && text.front() != '\xC2' &&
                       !is_space(text.back()) && text.back() != '\xA0')) {
    return text;
  }
  return trim_ends(text);
}

bool is_null_token(std::string_view text) {
  text = trim(text);
  if (text.empty()) {
    return true;
  }
  // Every token starts with 'n' or '-': most numbers and names are turned away by one byte.
  if (text.size() > 4 || (lower(text.front()) != 'n' && text.front() != '-')) {
    return false;
  }
  static constexpr std::array<std::string_view, 7> k_tokens = {"na",   "n/a",  "nan", "null",
                                                               "none", "-",    "nil"};
  for (const auto token : k_tokens) {
    if (iequals(text, token)) {
      return true;
    }
  }
  return false;
}

bool read_number(std::string_view text, double& value, bool& integral) {
  text = trim(text);
  std::size_t used = 0;
  double read = 0.0;
  bool whole = false;
  if (!read_prefix(text, used, read, whole) || used != text.size()) {
    return false;
  }
  value = read;
  integral = whole;
  return true;
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0.0;
  bool integral = false;
  return read_number(text, value, integral) ? std::optional(value) : std::nullopt;
}

bool looks_integral(std::string_view text) {
  double value = 0.0;
  bool integral = false;
  return read_number(text, value, integral) && integral;
}

std::optional<LeadingNumber> parse_leading_number(std::string_view text) {
  text = trim(text);
  std::size_t used = 0;
  const auto value = number_prefix(text, used);
  if (!value) {
    return std::nullopt;
  }
  std::string_view rest = trim(text.substr(used));
  // "99.31 ± 0.00 tok/s": the spread is an annotation of the value, and the unit follows it.
  for (const std::string_view plus_minus : {std::string_view("\xC2\xB1"), std::string_view("+/-")}) {
    if (starts_with(rest, plus_minus)) {
      std::string_view spread = trim(rest.substr(plus_minus.size()));
      std::size_t spread_used = 0;
      if (number_prefix(spread, spread_used)) {
        rest = trim(spread.substr(spread_used));
      }
    }
  }
  std::size_t unit_len = 0;
  while (unit_len < rest.size()) {
    const char c = rest[unit_len];
    if (is_space(c) || c == '(' || c == '[' || c == ',' || c == ';') {
      break;
    }
    ++unit_len;
  }
  const std::string_view unit = rest.substr(0, unit_len);
  // A unit starts with a letter, '%', '/' or a non-ASCII sign (µs); "1.90.0" is a version.
  if (!unit.empty()) {
    const auto first = static_cast<unsigned char>(unit.front());
    const bool letter = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
    if (!letter && first != '%' && first != '/' && first < 0x80) {
      return std::nullopt;
    }
  }
  std::string_view after = trim(rest.substr(unit_len));
  const bool annotation = after.empty() || starts_with(after, "\xC2\xB1") ||  // ±
                          starts_with(after, "+/-") || after.front() == '(' || after.front() == '[';
  if (!annotation || unit.size() > 12) {
    return std::nullopt;
  }
  return LeadingNumber{*value, unit};
}

std::optional<bool> parse_boolean(std::string_view text) {
  text = trim(text);
  if (iequals(text, "true") || iequals(text, "yes")) {
    return true;
  }
  if (iequals(text, "false") || iequals(text, "no")) {
    return false;
  }
  return std::nullopt;
}

std::optional<double> parse_timestamp(std::string_view text) {
  text = trim(text);
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || text[4] != '-' ||
      text[7] != '-') {
    return std::nullopt;
  }
  double seconds = static_cast<double>(days_from_civil(year, static_cast<unsigned>(month),
                                                       static_cast<unsigned>(day))) *
                   86400.0;
  std::size_t pos = 10;
  if (pos == text.size()) {
    return seconds;
  }
  if (text[pos] != 'T' && text[pos] != ' ') {
    return std::nullopt;
  }
  const int hour = digits(text, pos + 1, 2);
  const int minute = digits(text, pos + 4, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || text[pos + 3] != ':') {
    return std::nullopt;
  }
  seconds += hour * 3600.0 + minute * 60.0;
  pos += 6;
  if (pos < text.size() && text[pos] == ':') {
    const int second = digits(text, pos + 1, 2);
    if (second < 0 || second > 60) {
      return std::nullopt;
    }
    seconds += second;
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      double scale = 0.1;
      ++pos;
      while (pos < text.size() && is_digit(text[pos])) {
        seconds += (text[pos] - '0') * scale;
        scale /= 10;
        ++pos;
      }
    }
  }
  std::string_view zone = trim(text.substr(pos));
  if (zone.empty() || zone == "Z" || iequals(zone, "UTC") || iequals(zone, "GMT")) {
    return seconds;
  }
  if (zone.size() >= 5 && (zone[0] == '+' || zone[0] == '-')) {
    const int zh = digits(zone, 1, 2);
    const std::size_t mpos = zone[3] == ':' ? 4 : 3;
    const int zm = digits(zone, mpos, 2);
    if (zh < 0 || zm < 0 || mpos + 2 != zone.size()) {
      return std::nullopt;
    }
    const double offset = zh * 3600.0 + zm * 60.0;
    return zone[0] == '+' ? seconds - offset : seconds + offset;
  }
  return std::nullopt;
}

}  // namespace chimera::ingest
