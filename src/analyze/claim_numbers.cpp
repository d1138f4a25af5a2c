#include "chimera/analyze/claim_numbers.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "chimera/analyze/claim_words.hpp"
#include "level_words.hpp"

namespace chimera::analyze {
namespace {

using detail::is_alpha;
using detail::is_digit;
using detail::lower;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '*' || s.front() == '`')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '*' || s.back() == '`')) {
    s.remove_suffix(1);
  }
  return s;
}

// The unit written at `i` ("ms", "s", "%", "tok/s", "tokens"), its end in `end`; "" when none.
std::string unit_at(std::string_view text, std::size_t i, std::size_t& end) {
  std::size_t j = i;
  while (j < text.size() && text[j] == ' ' && j - i < 2) {
    ++j;
  }
  if (j < text.size() && text[j] == '%') {
    end = j + 1;
    return "%";
  }
  std::size_t k = j;
  while (k < text.size() && (is_alpha(text[k]) || text[k] == '/')) {
    ++k;
  }
  const std::string word = lower(text.substr(j, k - j));
  std::string unit = unit_of_word(word);
  if (unit == "tokens") {
    for (const std::string_view per : {" per second", " per sec", " a second"}) {
      if (lower(text.substr(k, per.size())) == per) {
        end = k + per.size();
        return "tok/s";
      }
    }
  }
  if (!unit.empty()) {
    end = k;
  }
  return unit;
}

// The number starting at `i`, when it is one a measurement could be written as.
bool read_number(std::string_view text, std::size_t i, WrittenNumber& out) {
  std::size_t j = i;
  std::string digits;
  int decimals = -1;
  while (j < text.size()) {
    const char c = text[j];
    if (is_digit(c)) {
      digits.push_back(c);
      decimals += decimals >= 0 ? 1 : 0;
    } else if (c == '.' && decimals < 0 && j + 1 < text.size() && is_digit(text[j + 1])) {
      digits.push_back('.');
      decimals = 0;
    } else if (c == ',' && decimals < 0 && j + 3 < text.size() && is_digit(text[j + 1]) &&
               is_digit(text[j + 2]) && is_digit(text[j + 3]) &&
               (j + 4 >= text.size() || !is_digit(text[j + 4]))) {
      // a thousands separator: "1,511"
    } else {
      break;
    }
    ++j;
  }
  // A version, a date, a time or a name goes on after the number.
  if (j < text.size()) {
    const char c = text[j];
    const bool next_digit = j + 1 < text.size() && is_digit(text[j + 1]);
    if ((c == '.' || c == ':' || c == '/') && next_digit) {
      return false;
    }
    if (c == '-' && next_digit && digits.size() == 4 && decimals < 0) {
      return false;  // 2025-11-10
    }
    if (c == '_' || c == '=') {
      return false;
    }
  }
  out.begin = i;
  out.decimals = std::max(decimals, 0);
  out.value = std::strtod(digits.c_str(), nullptr);
  out.upper = out.value;
  std::size_t end = j;
  // A range: "15-20%", "15–20 %", "15 to 20%".
  for (const std::string_view dash : {"-", "\xE2\x80\x93", " to "}) {
    if (text.substr(j, dash.size()) == dash && j + dash.size() < text.size() &&
        is_digit(text[j + dash.size()])) {
      WrittenNumber upper;
      if (read_number(text, j + dash.size(), upper) && !upper.unit.empty() &&
          upper.value >= out.value) {
        out.upper = upper.value;
        out.unit = upper.unit;
        out.end = upper.end;
        return true;
      }
    }
  }
  out.unit = unit_at(text, j, end);
  if (out.unit.empty() && j < text.size() && is_alpha(text[j])) {
    return false;  // "8b", "3x2", "4k": part of a name
  }
  out.end = end;
  return true;
}

}  // namespace

std::vector<WrittenNumber> numbers_in(std::string_view text) {
  std::vector<WrittenNumber> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i])) {
      continue;
    }
    const char prev = i > 0 ? text[i - 1] : ' ';
    if (is_alpha(prev) || is_digit(prev) || prev == '_' || prev == '=' || prev == '.' ||
        prev == '#' || prev == ':' || prev == '/' || prev == '@' || prev == '[') {
      while (i < text.size() && (is_digit(text[i]) || text[i] == '.')) {
        ++i;
      }
      continue;
    }
    WrittenNumber w;
    if (!read_number(text, i, w)) {
      while (i < text.size() && !(text[i] == ' ' || text[i] == '|')) {
        ++i;
      }
      continue;
    }
    // A word before it that makes it an index or a count, not a measurement.
    std::size_t k = i;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '(')) {
      --k;
    }
    std::size_t b = k;
    while (b > 0 && (is_alpha(text[b - 1]) || text[b - 1] == '-' || text[b - 1] == '~')) {
      --b;
    }
    const bool indexed = is_index_word(lower(text.substr(b, k - b)));
    // A word after it that makes it a count of something that is not measured.
    std::size_t a = w.end;
    while (a < text.size() && text[a] == ' ') {
      ++a;
    }
    std::size_t e = a;
    while (e < text.size() && (is_alpha(text[e]) || text[e] == '-')) {
      ++e;
    }
    const bool counted = w.unit.empty() && is_count_word(lower(text.substr(a, e - a)));
    std::size_t before = i;
    while (before > 0 && text[before - 1] == ' ') {
      --before;
    }
    w.after_plus_minus = before >= 2 && text.substr(before - 2, 2) == "\xC2\xB1";
    w.signed_change = prev == '+' || (prev == '-' && (i < 2 || !is_digit(text[i - 2]))) ||
                      (i >= 3 && text.substr(i - 3, 3) == "\xE2\x88\x92");
    if (!indexed && !counted) {
      out.push_back(w);
    }
    i = std::max(i, w.end == 0 ? i : w.end - 1);
  }
  // "98.72 → 99.10 tok/s": the first takes the unit of the second.
  for (std::size_t n = 0; n + 1 < out.size(); ++n) {
    if (!out[n].unit.empty() || out[n + 1].unit.empty()) {
      continue;
    }
    const auto between = text.substr(out[n].end, out[n + 1].begin - out[n].end);
    if (between.find("\xE2\x86\x92") != std::string_view::npos ||
        between.find("->") != std::string_view::npos || trim(between) == "vs" ||
        trim(between) == "vs.") {
      out[n].unit = out[n + 1].unit;
    }
  }
  return out;
}

}  // namespace chimera::analyze
