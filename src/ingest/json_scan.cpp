#include "json_scan.hpp"

#include <cmath>
#include <cstdlib>

namespace chimera::ingest {
namespace {

std::size_t skip_digits(std::string_view text, std::size_t at) {
  while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
    ++at;
  }
  return at;
}

// The end of the longest number by JSON's grammar, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?,
// that starts at `at`, or `at` when none does. That is the token nlohmann's lexer reads there;
// strtod is laxer, and replacing all of 01e999 or 1e999-5 would turn a syntax error into a null.
std::size_t number_end(std::string_view text, std::size_t at) {
  const std::size_t start = at;
  if (at < text.size() && text[at] == '-') {
    ++at;
  }
  if (at == text.size() || text[at] < '0' || text[at] > '9') {
    return start;
  }
  at = text[at] == '0' ? at + 1 : skip_digits(text, at);
  if (at < text.size() && text[at] == '.') {
    const std::size_t end = skip_digits(text, at + 1);
    at = end == at + 1 ? at : end;
  }
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    std::size_t digits = at + 1;
    if (digits < text.size() && (text[digits] == '+' || text[digits] == '-')) {
      ++digits;
    }
    const std::size_t end = skip_digits(text, digits);
    at = end == digits ? at : end;
  }
  return at;
}

// The test nlohmann's parser applies: strtod's value is infinite. An integer too large for 64
// bits reaches strtod too. Underflow is not tested: strtod then returns zero or a subnormal,
// which nlohmann accepts, as Python's json does.
bool overflows(std::string_view number, std::string& scratch) {
  scratch.assign(number);
  return !std::isfinite(std::strtod(scratch.c_str(), nullptr));
}

}  // namespace

std::size_t closing_quote(std::string_view text, std::size_t from) {
  for (std::size_t quote = text.find('"', from); quote != std::string_view::npos;
       quote = text.find('"', quote + 1)) {
    // Escaped when an odd number of backslashes precedes it; the opening quote stops the count.
    std::size_t backslashes = 0;
    while (text[quote - 1 - backslashes] == '\\') {
      ++backslashes;
    }
    if (backslashes % 2 == 0) {
      return quote;
    }
  }
  return std::string_view::npos;
}

std::string replace_out_of_range(std::string_view text, std::vector<OutOfRangeNumber>& found) {
  std::string out;
  out.reserve(text.size());
  std::string scratch;
  std::size_t copied = 0;  // text before this is in `out`
  std::size_t nulls = 0;
  for (std::size_t at = 0; at < text.size();) {
    const char c = text[at];
    if (c == '"') {
      const std::size_t close = closing_quote(text, at + 1);
      if (close == std::string_view::npos) {
        break;  // an unterminated string: the parser reports it
      }
      at = close + 1;
    } else if (c == 'n') {
      // Outside strings, valid JSON has the letter only in null: counting it tells the parser's
      // nulls apart.
      ++nulls;
      ++at;
    } else if (const std::size_t end = number_end(text, at); end != at) {
      // The shortest such number, 2e308, is longer than null.
      const std::size_t size = end - at;
      if (size > 4 && overflows(text.substr(at, size), scratch)) {
        found.push_back({at, size, nulls++});
        out.append(text.substr(copied, at - copied));
        out.append("null");
        out.append(size - 4, ' ');
        copied = end;
      }
      at = end;
    } else {
      ++at;
    }
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace chimera::ingest
