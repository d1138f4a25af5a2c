#include "chimera/ingest/json.hpp"

#include <algorithm>
#include <vector>

#include "json_document.hpp"
#include "json_flatten.hpp"

namespace chimera::ingest {
namespace {

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

struct Attempt {
  std::string error;  // empty on success
  Position at;
};

// Reads `text` into `document`.
Attempt parse_value(std::string_view text, JsonDocument& document) {
  Attempt attempt;
  const auto fixed = replace_non_finite(text);
  const std::string_view input = fixed ? std::string_view(*fixed) : text;
  if (auto error = document.read(input)) {
    attempt.error = reason_of(error->what);
    // The byte is 1-based and points just past the offending character.
    attempt.at = position_of(input, error->byte == 0 ? 0 : error->byte - 1);
  }
  return attempt;
}

Parsed parse_lines(std::string_view text, const model::SourceRef& where) {
  Parsed parsed;
  JsonFlattener flattener(where, file_title(where.path));
  JsonDocument document;  // one for all records: text cells are views into its strings
  std::uint64_t line = 0;
  std::size_t good = 0;
  std::size_t bad = 0;
  for (std::size_t start = 0; start < text.size();) {
    ++line;
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end;
    const std::string_view record = text.substr(start, end - start);
    start = end + 1;
    if (record.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    const Attempt attempt = parse_value(record, document);
    if (!attempt.error.empty()) {
      ++bad;
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
                                       bad == 0 ? "empty file; no JSON records"
                                                : "no JSON record could be parsed"};
    parsed.diagnostics.clear();
    return parsed;
  }
  parsed.tables = flattener.finish();
  return parsed;
}

}  // namespace

std::optional<std::string> replace_non_finite(std::string_view text) {
  if (text.find("NaN") == std::string_view::npos && text.find("Infinity") == std::string_view::npos) {
    return std::nullopt;
  }
  std::string out;
  out.reserve(text.size() + 16);
  bool in_string = false;
  bool changed = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < text.size()) {
        out.push_back(text[++i]);
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (text.substr(i, 3) == "NaN") {
      out += "null";
      i += 2;
      changed = true;
      continue;
    } else if (text.substr(i, 9) == "-Infinity") {
      out += "null     ";
      i += 8;
      changed = true;
      continue;
    } else if (text.substr(i, 8) == "Infinity") {
      out += "null    ";
      i += 7;
      changed = true;
      continue;
    }
    out.push_back(c);
  }
  return changed ? std::optional(std::move(out)) : std::nullopt;
}

Parsed parse_json(std::string_view text, const model::SourceRef& where) {
  if (is_json_lines_path(where.path)) {
    return parse_lines(text, where);
  }
  Parsed parsed;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    parsed.failure = model::Diagnostic{where.path, std::nullopt, model::Severity::error,
                                       "empty file; expected a JSON document"};
    return parsed;
  }
  JsonDocument document;
  const Attempt attempt = parse_value(text, document);
  if (!attempt.error.empty()) {
    // A .json file written as JSON Lines fails after its first record; read it line by line
    // when every non-blank line is a document of its own.
    if (attempt.at.line > 1) {
      Parsed lines = parse_lines(text, where);
      if (!lines.failure && lines.diagnostics.empty()) {
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
  parsed.tables = flattener.finish();
  if (parsed.tables.empty()) {
    parsed.diagnostics.push_back({where.path, std::nullopt, model::Severity::info,
                                  "no values in this JSON document"});
  }
  return parsed;
}

}  // namespace chimera::ingest
