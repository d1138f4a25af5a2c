#include "chimera/ingest/json.hpp"

#include <algorithm>
#include <vector>

#include "json_document.hpp"
#include "json_flatten.hpp"
#include "json_scan.hpp"

namespace chimera::ingest {
namespace {

constexpr std::size_t k_max_out_of_range_notes = 10;

std::string file_title(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool is_json_lines_path(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  return ends(".jsonl") || ends(".ndjson") || ends(".JSONL") || ends(".NDJSON");
}

struct Position {
  std::uint64_t line = 1;
  std::uint64_t column = 1;
};

Position position_of(std::string_view text, std::size_t byte) {
  Position pos;
  byte = std::min(byte, text.size());
  for (std::size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

// nlohmann's message after its own "parse error at line L, column C: " prefix.
std::string reason_of(const std::string& what) {
  const std::size_t colon = what.find(": ", what.find("column"));
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

// A 400-digit number is named by its start and length.
std::string shown_number(std::string_view number) {
  if (number.size() <= 24) {
    return std::string(number);
  }
  return std::string(number.substr(0, 20)) + "... (" + std::to_string(number.size()) +
         " characters)";
}

// Warnings for the numbers a file's documents read as null because a double cannot hold them:
// the first few with line and pointer, then one count, so that a file of a million of them does
// not flood stderr.
class OutOfRangeNotes {
 public:
  OutOfRangeNotes(const model::SourceRef& where, std::vector<model::Diagnostic>& out)
      : m_where(where), m_out(out) {}

  // `text` is what `document` was read from; `record_line` the line of a JSON Lines record, or
  // 0 for a whole document, whose numbers are placed by their own line.
  void add(const JsonDocument& document, std::string_view text, std::uint64_t record_line) {
    const auto& numbers = document.out_of_range();
    const std::size_t room = k_max_out_of_range_notes - std::min(m_count, k_max_out_of_range_notes);
    m_count += numbers.size();
    std::uint64_t line = 1;
    std::size_t counted = 0;  // newlines before this byte are in `line`
    for (std::size_t i = 0; i < std::min(room, numbers.size()); ++i) {
      const JsonOutOfRange& number = numbers[i];
      const std::string_view before = text.substr(counted, number.byte - counted);
      line += static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n'));
      counted = number.byte;
      const std::string pointer = pointer_to(document, number.node);
      m_out.push_back({m_where.path, record_line != 0 ? record_line : line,
                       model::Severity::warning,
                       "number " + shown_number(text.substr(number.byte, number.size)) +
                           (pointer.empty() ? "" : " at " + pointer) +
                           " is out of range for a double; read as missing"});
    }
  }

  void finish() {
    if (m_count > k_max_out_of_range_notes) {
      m_out.push_back({m_where.path, std::nullopt, model::Severity::warning,
                       std::to_string(m_count - k_max_out_of_range_notes) +
                           " more numbers out of range for a double; read as missing"});
    }
  }

 private:
  const model::SourceRef& m_where;
  std::vector<model::Diagnostic>& m_out;
  std::size_t m_count = 0;
};

struct Attempt {
  std::string error;  // empty on success
  Position at;
};

// Reads `text` into `document`, NaN and Infinity as null, and notes the numbers read as null
// because they are out of range. The error position is in the text as the parser saw it, where
// each NaN had become the one character longer null.
Attempt parse_value(std::string_view text, JsonDocument& document, OutOfRangeNotes& notes,
                    std::uint64_t record_line) {
  Attempt attempt;
  const auto fixed = replace_non_finite(text);
  const std::string_view input = fixed ? std::string_view(*fixed) : text;
  if (auto error = document.read(input)) {
    attempt.error = reason_of(error->what);
    // The byte is 1-based and points just past the offending character.
    attempt.at = position_of(input, error->byte == 0 ? 0 : error->byte - 1);
    return attempt;
  }
  notes.add(document, input, record_line);
  return attempt;
}

// `skipped` counts the records that did not parse.
Parsed parse_lines(std::string_view text, const model::SourceRef& where, std::size_t& skipped) {
  Parsed parsed;
  OutOfRangeNotes notes(where, parsed.diagnostics);
  JsonFlattener flattener(where, file_title(where.path));
  JsonDocument document;  // one for all records: text cells are views into its strings
  std::uint64_t line = 0;
  std::size_t good = 0;
  for (std::size_t start = 0; start < text.size();) {
    ++line;
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end;
    const std::string_view record = text.substr(start, end - start);
    start = end + 1;
    if (record.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    const Attempt attempt = parse_value(record, document, notes, line);
    if (!attempt.error.empty()) {
      ++skipped;
      parsed.diagnostics.push_back({where.path, line, model::Severity::warning,
                                    "invalid JSON record at column " +
                                        std::to_string(attempt.at.column) +
                                        ", record skipped: " + attempt.error});
      continue;
    }
    ++good;
    flattener.add_document(document, line);
  }
  if (good == 0) {
    parsed.failure = model::Diagnostic{where.path, std::nullopt, model::Severity::error,
                                       skipped == 0 ? "empty file; no JSON records"
                                                    : "no JSON record could be parsed"};
    parsed.diagnostics.clear();
    return parsed;
  }
  notes.finish();
  parsed.tables = flattener.finish(parsed.diagnostics);
  return parsed;
}

}  // namespace

std::optional<std::string> replace_non_finite(std::string_view text) {
  // The tokens are rare, so find them with memchr-speed searches and read only as much of the
  // text around them as tells whether they are inside a string: going byte by byte through the
  // whole text cost as much as a tenth of parsing it.
  constexpr auto npos = std::string_view::npos;
  std::size_t nan = text.find("NaN");
  std::size_t infinity = text.find("Infinity");
  if (nan == npos && infinity == npos) {
    return std::nullopt;
  }
  std::string out;
  std::size_t copied = 0;              // text before this is in `out`
  std::size_t outside = 0;             // a position outside strings
  std::size_t quote = text.find('"');  // the first quote at or after `outside`
  while (nan != npos || infinity != npos) {
    const bool is_nan = nan < infinity;
    const std::size_t at = is_nan ? nan : infinity;
    while (quote < at) {
      const std::size_t close = closing_quote(text, quote + 1);
      if (close == npos) {
        nan = infinity = npos;  // the rest of the text is one unterminated string
        break;
      }
      outside = close + 1;
      quote = text.find('"', outside);
    }
    if (nan == npos && infinity == npos) {
      break;
    }
    if (at < outside) {
      (is_nan ? nan : infinity) = text.find(is_nan ? "NaN" : "Infinity", outside);
      continue;
    }
    std::size_t start = at;
    std::string_view null = "null";
    if (!is_nan) {
      const bool negative = at > copied && text[at - 1] == '-';
      start = negative ? at - 1 : at;
      null = negative ? "null     " : "null    ";
    }
    if (out.empty()) {
      out.reserve(text.size() + 16);
    }
    out.append(text.substr(copied, start - copied));
    out.append(null);
    copied = at + (is_nan ? 3 : 8);
    outside = copied;
    if (nan < copied) {
      nan = text.find("NaN", copied);
    }
    if (infinity < copied) {
      infinity = text.find("Infinity", copied);
    }
  }
  if (copied == 0) {
    return std::nullopt;
  }
  out.append(text.substr(copied));
  return out;
}

Parsed parse_json(std::string_view text, const model::SourceRef& where) {
  std::size_t skipped = 0;
  if (is_json_lines_path(where.path)) {
    return parse_lines(text, where, skipped);
  }
  Parsed parsed;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    parsed.failure = model::Diagnostic{where.path, std::nullopt, model::Severity::error,
                                       "empty file; expected a JSON document"};
    return parsed;
  }
  JsonDocument document;
  OutOfRangeNotes notes(where, parsed.diagnostics);
  const Attempt attempt = parse_value(text, document, notes, 0);
  if (!attempt.error.empty()) {
    // A .json file written as JSON Lines fails after its first record; read it line by line
    // when every non-blank line is a document of its own.
    if (attempt.at.line > 1) {
      Parsed lines = parse_lines(text, where, skipped);
      if (!lines.failure && skipped == 0) {
        return lines;
      }
    }
    parsed.failure = model::Diagnostic{
        where.path, attempt.at.line, model::Severity::error,
        "invalid JSON at column " + std::to_string(attempt.at.column) + ": " + attempt.error +
            "; fix the file or leave it out with --exclude"};
    return parsed;
  }
  JsonFlattener flattener(where, file_title(where.path));
  flattener.add_document(document, 0);
  notes.finish();
  parsed.tables = flattener.finish(parsed.diagnostics);
  if (parsed.tables.empty()) {
    parsed.diagnostics.push_back({where.path, std::nullopt, model::Severity::info,
                                  "no values in this JSON document"});
  }
  return parsed;
}

}  // namespace chimera::ingest
