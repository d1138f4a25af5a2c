#include "chimera/grounding/grounding.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace chimera::grounding {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_word(char c) {
  return is_digit(c) || is_alpha(c) || c == '_';
}

char at(std::string_view text, std::size_t i) {
  return i < text.size() ? text[i] : '\0';
}

struct UnitSpelling {
  std::string_view written;
  std::string_view canonical;
};

// Longest spellings first, so "tokens/s" wins over "tokens" and "ms" over "m".
constexpr std::array<UnitSpelling, 27> k_units{{
    {"tokens per second", "tok/s"},
    {"milliseconds", "ms"},
    {"millisecond", "ms"},
    {"tokens/sec", "tok/s"},
    {"tokens/s", "tok/s"},
    {"percent", "%"},
    {"seconds", "s"},
    {"minutes", "min"},
    {"second", "s"},
    {"tokens", "tokens"},
    {"token", "tokens"},
    {"tok/s", "tok/s"},
    {"msec", "ms"},
    {"secs", "s"},
    {"t/s", "tok/s"},
    {"tps", "tok/s"},
    {"MiB", "MiB"},
    {"GiB", "GiB"},
    {"sec", "s"},
    {"min", "min"},
    {"MB", "MB"},
    {"GB", "GB"},
    {"ms", "ms"},
    {"us", "us"},
    {"s", "s"},
    {"%", "%"},
    {"x", "x"},
}};

bool starts_with_ci(std::string_view text, std::size_t pos, std::string_view word) {
  if (pos + word.size() > text.size()) {
    return false;
  }
  for (std::size_t k = 0; k < word.size(); ++k) {
    const char a = text[pos + k];
    const char b = word[k];
    const auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    };
    if (lower(a) != lower(b)) {
      return false;
    }
  }
  return true;
}

// The unit at `pos` (after at most one space), and where it ends.
std::optional<std::pair<std::string_view, std::size_t>> unit_at(std::string_view text,
                                                                std::size_t pos) {
  const bool spaced = at(text, pos) == ' ';
  const std::size_t start = spaced ? pos + 1 : pos;
  for (const auto& unit : k_units) {
    if (unit.written == "x" && spaced) {
      continue;  // "2 x 3" is arithmetic, "2x" a ratio
    }
    if (!starts_with_ci(text, start, unit.written)) {
      continue;
    }
    const std::size_t end = start + unit.written.size();
    if (is_word(unit.written.back()) && is_word(at(text, end))) {
      continue;  // "3 sections" is not "3 s"
    }
    return std::make_pair(unit.canonical, end);
  }
  return std::nullopt;
}

// True when `pos` is the first token of a line (after indentation, quote marks, heading marks and
// bold), where a number is list or section numbering when a '.', ')' or ':' follows it.
bool at_line_start(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  while (i > 0) {
    const char c = text[i - 1];
    if (c == '\n') {
      break;
    }
    if (c != ' ' && c != '\t' && c != '#' && c != '*' && c != '>' && c != '_') {
      return false;
    }
    --i;
  }
  return true;
}

bool in_heading(std::string_view text, std::size_t pos) {
  std::size_t i = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  i = (i == std::string_view::npos) ? 0 : i + 1;
  while (i < pos && text[i] == ' ') {
    ++i;
  }
  return at(text, i) == '#';
}

double unit_factor(std::string_view unit) {
  if (unit == "s") {
    return 1000.0;
  }
  if (unit == "us") {
    return 0.001;
  }
  if (unit == "min") {
    return 60000.0;
  }
  if (unit == "GiB") {
    return 1024.0;
  }
  if (unit == "MB") {
    return 1e6 / 1048576.0;
  }
  if (unit == "GB") {
    return 1e9 / 1048576.0;
  }
  return 1.0;
}

std::string_view family(std::string_view unit) {
  if (unit == "ms" || unit == "s" || unit == "us" || unit == "min") {
    return "time";
  }
  if (unit == "MiB" || unit == "GiB" || unit == "MB" || unit == "GB") {
    return "memory";
  }
  return unit;
}

bool rounds_to(double candidate, const Quantity& q) {
  const double tolerance = 0.5 * std::pow(10.0, -q.decimals);
  return std::fabs(std::fabs(candidate) - q.value) <= tolerance * (1 + 1e-9) + 1e-12;
}

}  // namespace

std::vector<Quantity> find_numbers(std::string_view text, bool skip_structure) {
  std::vector<Quantity> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    const char before = start > 0 ? text[start - 1] : ' ';
    bool exempt = is_word(before) || before == '#' ||
                  (before == '.' && start > 1 && is_digit(text[start - 2]));
    std::string digits;
    std::size_t j = i;
    while (j < text.size()) {
      if (is_digit(text[j])) {
        digits += text[j++];
      } else if (text[j] == ',' && is_digit(at(text, j + 1)) && is_digit(at(text, j + 2)) &&
                 is_digit(at(text, j + 3)) && !is_digit(at(text, j + 4))) {
        ++j;  // thousands separator
      } else {
        break;
      }
    }
    int decimals = 0;
    if (at(text, j) == '.' && is_digit(at(text, j + 1))) {
      digits += text[j++];
      while (is_digit(at(text, j))) {
        digits += text[j++];
        ++decimals;
      }
    }
    const char after = at(text, j);
    const char next = at(text, j + 1);
    const bool version = after == '.' && is_digit(next);
    const bool date = after == '-' && is_digit(next) && j - start == 4;
    const bool clock = after == ':' && is_digit(next);
    if (version || date || clock) {
      while (j < text.size() && (is_digit(text[j]) || text[j] == '.' || text[j] == '-' ||
                                 text[j] == ':' || text[j] == 'T' || text[j] == 'Z')) {
        ++j;
      }
      i = j;
      continue;
    }
    if ((after == 'e' || after == 'E') &&
        (is_digit(next) || ((next == '-' || next == '+') && is_digit(at(text, j + 2))))) {
      digits += 'e';
      j += (next == '-' || next == '+') ? 2 : 1;
      if (next == '-') {
        digits += '-';
      }
      while (is_digit(at(text, j))) {
        digits += text[j++];
      }
    }
    auto unit = unit_at(text, j);
    if (!unit && (is_alpha(after) || after == '_')) {
      exempt = true;  // "4B", "3rd", "Q4_K": part of a name
    }
    if (skip_structure && (in_heading(text, start) ||
                           (at_line_start(text, start) &&
                            (after == '.' || after == ')' || after == ':') && !is_digit(next)))) {
      exempt = true;
    }
    const std::size_t end = unit ? unit->second : j;
    if (!exempt) {
      Quantity q;
      q.value = std::fabs(std::strtod(digits.c_str(), nullptr));
      q.decimals = decimals;
      q.unit = unit ? std::string(unit->first) : "";
      q.offset = start;
      q.length = end - start;
      out.push_back(std::move(q));
    }
    i = end > i ? end : i + 1;
  }
  return out;
}

Evidence::Evidence(std::string_view pack) : m_numbers(find_numbers(pack, false)) {}

bool Evidence::supports(const Quantity& q) const {
  for (const auto& e : m_numbers) {
    std::array<double, 3> candidates{};
    std::size_t count = 0;
    if (e.unit.empty() || q.unit.empty()) {
      candidates[count++] = e.value;
      if (e.unit.empty() && q.unit == "%") {
        candidates[count++] = e.value * 100;  // a fraction written as a percentage
      }
    } else if (family(e.unit) == family(q.unit)) {
      candidates[count++] = e.value * unit_factor(e.unit) / unit_factor(q.unit);
    } else if (e.unit == "x" && q.unit == "%") {
      candidates[count++] = e.value * 100;
      candidates[count++] = (e.value - 1) * 100;  // 1.12x is "12% more"
    }
    for (std::size_t k = 0; k < count; ++k) {
      if (rounds_to(candidates[k], q)) {
        return true;
      }
    }
  }
  return false;
}

namespace {

// The sentence of `text` around `offset`: from after the previous ". ", "! ", "? " or line
// break to the next one.
std::pair<std::size_t, std::size_t> sentence_around(std::string_view text, std::size_t offset) {
  std::size_t begin = 0;
  for (std::size_t i = offset; i > 0; --i) {
    const char c = text[i - 1];
    if (c == '\n' || ((c == ' ') && i >= 2 &&
                      (text[i - 2] == '.' || text[i - 2] == '!' || text[i - 2] == '?'))) {
      begin = i;
      break;
    }
  }
  std::size_t end = text.size();
  for (std::size_t i = offset; i < text.size(); ++i) {
    if (text[i] == '\n' || ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
                            (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n'))) {
      end = i + 1;
      break;
    }
  }
  return {begin, end};
}

}  // namespace

std::vector<Mention> check(std::string_view text, std::string_view section,
                           const Evidence& evidence, const SentenceJudge* judge) {
  std::vector<Mention> out;
  for (const auto& q : find_numbers(text, true)) {
    Mention m{std::string(text.substr(q.offset, q.length)), std::string(section), q.offset,
              q.length, false, ""};
    SentenceVerdict verdict;
    if (judge != nullptr && *judge) {
      const auto [begin, end] = sentence_around(text, q.offset);
      Quantity in_sentence = q;
      in_sentence.offset = q.offset - begin;
      verdict = (*judge)(text.substr(begin, end - begin), in_sentence);
    }
    if (verdict.known) {
      m.supported = verdict.supported;
      m.why = verdict.why;
    } else {
      m.supported = evidence.supports(q);
      m.why = m.supported ? "" : "no number of the evidence rounds to it";
    }
    out.push_back(std::move(m));
  }
  return out;
}

void tally(Summary& summary, const std::vector<Mention>& mentions) {
  for (const auto& m : mentions) {
    ++summary.checked;
    if (m.supported) {
      ++summary.supported;
    } else {
      summary.unsupported.push_back(m);
    }
  }
}

std::string mark_unsupported(std::string_view text, const std::vector<Mention>& mentions,
                             std::size_t first_ref) {
  std::string out;
  std::size_t copied = 0;
  std::size_t ref = first_ref;
  for (const auto& m : mentions) {
    if (m.supported || m.offset + m.length > text.size()) {
      continue;
    }
    out.append(text.substr(copied, m.offset + m.length - copied));
    out += fmt::format(" [U{}]", ref++);
    copied = m.offset + m.length;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace chimera::grounding
