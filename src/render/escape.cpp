#include "chimera/render/escape.hpp"

#include <algorithm>

#include "chimera/util/printable.hpp"

namespace chimera::render {
namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (static_cast<unsigned char>(c) & 0x80U) != 0;
}

// Whether an '&' at `at` starts a character reference ("&lt;", "&#60;"), which Markdown decodes.
bool starts_entity(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
  }
  const std::size_t name = i;
  while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0x80U) == 0 &&
         is_alnum(text[i])) {
    ++i;
  }
  return i > name && i < text.size() && text[i] == ';';
}

// A character that would begin a block (heading, list, quote, rule) at the start of a line.
bool opens_block(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  const char c = text.front();
  if (c == '#' || c == '-' || c == '+' || c == '=' || c == '>') {
    return true;
  }
  const std::size_t digits = text.find_first_not_of("0123456789");
  return digits > 0 && digits != std::string_view::npos &&
         (text[digits] == '.' || text[digits] == ')');
}

// Whether a '<' followed by `next` could open raw HTML or an autolink: a tag or scheme starts with
// a letter, a closing tag with '/', a comment or declaration with '!', an instruction with '?'. "p
// < 0.0001" and "<= 5" stay as written.
bool opens_markup(char next) {
  return (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' ||
         next == '!' || next == '?';
}

std::string escape_text(std::string_view raw, bool in_cell, bool line_start = true) {
  const std::string text = util::printable(raw);  // one line: "\n" is shown, never a break
  std::string out;
  out.reserve(text.size() + 8);
  const std::string_view view(text);
  for (std::size_t i = 0; i < view.size(); ++i) {
    const char c = view[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '~':
        out += '\\';
        out += c;
        break;
      case '_': {
        // Inside a word ("run_001") an underscore cannot open or close emphasis: kept readable.
        const bool inside_word =
            i > 0 && i + 1 < view.size() && is_alnum(view[i - 1]) && is_alnum(view[i + 1]);
        out += inside_word ? "_" : "\\_";
        break;
      }
      case '<':  // no tag, no autolink; '>' alone is plain text
        out += i + 1 < view.size() && !opens_markup(view[i + 1]) ? "<" : "&lt;";
        break;
      case '&':
        out += starts_entity(view, i) ? "&amp;" : "&";
        break;
      case '|':
        out += in_cell ? "\\|" : "|";
        break;
      default:
        out += c;
        break;
    }
  }
  if (!in_cell && line_start && opens_block(out)) {
    const std::size_t at =
        out.front() >= '0' && out.front() <= '9' ? out.find_first_not_of("0123456789") : 0;
    out.insert(at, 1, '\\');
  }
  return out;
}

// The length of the run of `c` at `at`.
std::size_t run_length(std::string_view text, std::size_t at, char c) {
  std::size_t end = at;
  while (end < text.size() && text[end] == c) {
    ++end;
  }
  return end - at;
}

std::string fenced_code(std::string_view raw, bool in_cell) {
  std::string text;
  for (const char c : util::printable(raw)) {
    if (c == '|' && in_cell) {
      text += '\\';
    }
    text += c;
  }
  std::size_t longest = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '`') {
      const std::size_t run = run_length(text, i, '`');
      longest = std::max(longest, run);
      i += run - 1;
    }
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
}

// The index just past the `close` that ends the `open_char` at `open` (brackets or parentheses,
// nested, backslash escapes skipped), or npos.
std::size_t closing(std::string_view line, std::size_t open, char open_char, char close) {
  int depth = 0;
  for (std::size_t i = open; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == open_char) {
      ++depth;
    } else if (line[i] == close && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// One line of LLM prose (not in a fenced code block), made safe.
void sanitize_line(std::string_view line, std::string& out) {
  for (std::size_t i = 0; i < line.size();) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size()) {
      out.append(line.substr(i, 2));  // an escape stays one
      i += 2;
    } else if (c == '`') {
      // A code span runs to the next run of as many backticks; without one, the backticks are
      // literal text.
      const std::size_t n = run_length(line, i, '`');
      std::size_t close = line.find(std::string(n, '`'), i + n);
      while (close != std::string_view::npos && run_length(line, close, '`') != n) {
        close = line.find(std::string(n, '`'), close + run_length(line, close, '`'));
      }
      const std::size_t end = close == std::string_view::npos ? i + n : close + n;
      out.append(line.substr(i, end - i));
      i = end;
    } else if (c == '<') {
      out += "&lt;";  // raw HTML and autolinks become text
      ++i;
    } else if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') {
      // An image: keep its alt text, drop the link to its source.
      const std::size_t alt_end = closing(line, i + 1, '[', ']');
      if (alt_end == std::string_view::npos) {
        out += "\\!";
        ++i;
        continue;
      }
      sanitize_line(line.substr(i + 2, alt_end - 1 - (i + 2)), out);
      std::size_t next = alt_end;
      if (next < line.size() && (line[next] == '(' || line[next] == '[')) {
        const std::size_t end = closing(line, next, line[next], line[next] == '(' ? ')' : ']');
        next = end == std::string_view::npos ? next : end;
      }
      i = next;
    } else {
      out += c;
      ++i;
    }
  }
}

}  // namespace

std::string escape_cell(std::string_view text) {
  return escape_text(text, true);
}

std::string escape_inline(std::string_view text) {
  return escape_text(text, false);
}

std::string escape_prose(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find('`', at);
    const std::size_t close = open == std::string_view::npos ? open : text.find('`', open + 1);
    if (close == std::string_view::npos) {
      out += escape_text(text.substr(at), false, at == 0);
      break;
    }
    out += escape_text(text.substr(at, open - at), false, at == 0);
    out += code_span(text.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  return out;
}

std::string code_span(std::string_view text) {
  return fenced_code(text, false);
}

std::string code_span_in_cell(std::string_view text) {
  return fenced_code(text, true);
}

std::string sanitize_markdown(std::string_view raw) {
  const std::string text = util::printable_lines(raw);
  std::string out;
  out.reserve(text.size());
  std::string fence;  // the open code fence ("```", "~~~~"), empty outside one
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string::npos ? text.size() : newline;
    const std::string_view line = std::string_view(text).substr(start, end - start);
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    const std::string_view body = line.substr(indent);
    const char mark = body.empty() ? '\0' : body.front();
    const std::size_t run = (mark == '`' || mark == '~') ? run_length(body, 0, mark) : 0;
    if (fence.empty() && run >= 3 && indent < 4) {
      fence.assign(run, mark);
      out.append(line);
    } else if (!fence.empty()) {
      if (indent < 4 && run >= fence.size() && mark == fence.front() &&
          body.find_first_not_of(' ', run) == std::string_view::npos) {
        fence.clear();
      }
      out.append(line);
    } else {
      sanitize_line(line, out);
    }
    if (newline == std::string::npos) {
      break;
    }
    out += '\n';
    start = newline + 1;
  }
  return out;
}

}  // namespace chimera::render
