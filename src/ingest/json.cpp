#include "chimera/ingest/json.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "chimera/ingest/table_builder.hpp"

namespace chimera::ingest {
namespace {

using nlohmann::json;

std::string escape_pointer(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The last key of a pointer pattern that is not an array wildcard: "/runs/*/samples" -> "samples".
std::string last_key(std::string_view pattern) {
  std::string key;
  std::size_t start = 0;
  while (start < pattern.size()) {
    std::size_t end = pattern.find('/', start + 1);
    end = end == std::string_view::npos ? pattern.size() : end;
    const std::string_view part = pattern.substr(start + 1, end - start - 1);
    if (part != "*") {
      key = std::string(part);
    }
    start = end;
  }
  return key;
}

bool all_of_type(const json& array, bool (json::*is)() const noexcept) {
  bool any = false;
  for (const auto& element : array) {
    if (element.is_null()) {
      continue;
    }
    if (!(element.*is)()) {
      return false;
    }
    any = true;
  }
  return any;
}

// Turns one parsed document into tables. The document must outlive finish(): text cells are
// views into its strings.
class Flattener {
 public:
  Flattener(const model::SourceRef& where, std::string title)
      : m_where(where), m_title(std::move(title)), m_scalars(where.path, "", m_title) {
    m_scalars.begin_row(0, {});
  }

  // A top-level value (or one JSON Lines record, with its line).
  void add_document(const json& value, std::uint64_t line) {
    if (line != 0) {
      TableBuilder& table = records("", m_title);
      table.begin_row(line, {});
      walk(value, "", "", "/*", table, false);
      return;
    }
    walk(value, "", "", "", m_scalars, true);
  }

  std::vector<model::Table> finish() {
    std::vector<model::Table> tables;
    if (m_scalars.columns() > 0) {
      tables.push_back(m_scalars.finish());
    }
    for (auto& builder : m_tables) {
      if (builder->columns() > 0) {
        tables.push_back(builder->finish());
      }
    }
    return tables;
  }

 private:
  TableBuilder& records(const std::string& pattern, const std::string& title) {
    const auto [it, added] = m_index.try_emplace(pattern, m_tables.size());
    if (added) {
      m_tables.push_back(std::make_unique<TableBuilder>(m_where.path, pattern, title));
    }
    return *m_tables[it->second];
  }

  void set(TableBuilder& target, bool scalars, const std::string& name, const std::string& pointer,
           Cell cell) {
    const std::size_t column = target.column(name.empty() ? "value" : name);
    target.set(column, cell);
    if (scalars) {
      target.set_origin(column, 0, pointer);
    }
  }

  void walk(const json& value, const std::string& name, const std::string& pointer,
            const std::string& pattern, TableBuilder& target, bool scalars) {
    switch (value.type()) {
      case json::value_t::object:
        for (const auto& [key, child] : value.items()) {
          const std::string escaped = escape_pointer(key);
          walk(child, name.empty() ? key : name + "." + key, pointer + "/" + escaped,
               pattern + "/" + escaped, target, scalars);
        }
        return;
      case json::value_t::array: walk_array(value, name, pointer, pattern, target, scalars); return;
      case json::value_t::string:
        set(target, scalars, name, pointer, Cell::text_of(value.get_ref<const std::string&>()));
        return;
      case json::value_t::boolean:
        set(target, scalars, name, pointer, Cell::boolean(value.get<bool>()));
        return;
      case json::value_t::number_integer:
      case json::value_t::number_unsigned:
        set(target, scalars, name, pointer, Cell::integer(value.get<double>()));
        return;
      case json::value_t::number_float:
        set(target, scalars, name, pointer, Cell::number_of(value.get<double>()));
        return;
      case json::value_t::null:
      case json::value_t::discarded:
      case json::value_t::binary: set(target, scalars, name, pointer, Cell::null()); return;
    }
  }

  void walk_array(const json& array, const std::string& name, const std::string& pointer,
                  const std::string& pattern, TableBuilder& target, bool scalars) {
    if (array.empty()) {
      return;
    }
    const std::string title = last_key(pattern).empty() ? m_title : last_key(pattern);
    if (all_of_type(array, &json::is_object)) {
      TableBuilder& table = records(pattern, title);
      for (std::size_t i = 0; i < array.size(); ++i) {
        const std::string element = pointer + "/" + std::to_string(i);
        table.begin_row(0, element);
        walk(array[i], "", element, pattern + "/*", table, false);
      }
      return;
    }
    if (all_of_type(array, &json::is_number)) {
      TableBuilder& table = records(pattern, title);
      const std::size_t column = table.column(name.empty() ? title : name);
      for (std::size_t i = 0; i < array.size(); ++i) {
        table.begin_row(0, pointer + "/" + std::to_string(i));
        const json& v = array[i];
        table.set(column, v.is_null() ? Cell::null()
                          : v.is_number_float() ? Cell::number_of(v.get<double>())
                                                : Cell::integer(v.get<double>()));
      }
      return;
    }
    set(target, scalars, name, pointer, Cell::text_of(target.keep(array.dump())));
  }

  const model::SourceRef& m_where;
  std::string m_title;
  TableBuilder m_scalars;
  std::vector<std::unique_ptr<TableBuilder>> m_tables;
  std::unordered_map<std::string, std::size_t> m_index;
};

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
std::string reason_of(const json::parse_error& e) {
  std::string what = e.what();
  const std::size_t colon = what.find(": ", what.find("column"));
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

struct Attempt {
  json value;
  std::string error;  // empty on success
  Position at;
};

Attempt parse_value(std::string_view text) {
  Attempt attempt;
  const auto fixed = replace_non_finite(text);
  const std::string_view input = fixed ? std::string_view(*fixed) : text;
  try {
    attempt.value = json::parse(input.begin(), input.end());
  } catch (const json::parse_error& e) {
    attempt.error = reason_of(e);
    // e.byte is 1-based and points just past the offending character.
    attempt.at = position_of(input, e.byte == 0 ? 0 : e.byte - 1);
  }
  return attempt;
}

Parsed parse_lines(std::string_view text, const model::SourceRef& where) {
  Parsed parsed;
  Flattener flattener(where, file_title(where.path));
  std::vector<json> documents;  // kept alive: text cells are views into them
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
    Attempt attempt = parse_value(record);
    if (!attempt.error.empty()) {
      ++bad;
      parsed.diagnostics.push_back({where.path, line, model::Severity::warning,
                                    "invalid JSON record at column " +
                                        std::to_string(attempt.at.column) +
                                        ", record skipped: " + attempt.error});
      continue;
    }
    ++good;
    documents.push_back(std::move(attempt.value));
    flattener.add_document(documents.back(), line);
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
  Attempt attempt = parse_value(text);
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
  Flattener flattener(where, file_title(where.path));
  flattener.add_document(attempt.value, 0);
  parsed.tables = flattener.finish();
  if (parsed.tables.empty()) {
    parsed.diagnostics.push_back({where.path, std::nullopt, model::Severity::info,
                                  "no values in this JSON document"});
  }
  return parsed;
}

}  // namespace chimera::ingest
