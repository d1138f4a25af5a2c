#include "json_flatten.hpp"

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "json_failure.hpp"

namespace chimera::ingest {
namespace {

using nlohmann::json;
using Kind = JsonNode::Kind;

void append_escaped(std::string& out, std::string_view key) {
  // Not find_first_of("~/"): libstdc++ calls memchr once per character of the key for it.
  if (std::none_of(key.begin(), key.end(), [](char c) { return c == '~' || c == '/'; })) {
    out += key;
    return;
  }
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
}

void append_index(std::string& out, std::size_t index) {
  char digits[24];
  const auto end = std::to_chars(std::begin(digits), std::end(digits), index).ptr;
  out.append(digits, end);
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

Cell number_cell(const JsonNode& node) {
  switch (node.kind) {
    case Kind::integer: return Cell::integer(static_cast<double>(node.integer));
    case Kind::unsigned_integer: return Cell::integer(static_cast<double>(node.unsigned_integer));
    case Kind::floating: return Cell::number_of(node.floating);
    default: return Cell::null();
  }
}

// The value as nlohmann::json, for the arrays that are kept as JSON text: dump() writes them
// exactly as before.
json to_json(const JsonDocument& document, std::uint32_t index) {
  const JsonNode& node = document.node(index);
  switch (node.kind) {
    case Kind::null: return nullptr;
    case Kind::boolean: return node.boolean;
    case Kind::integer: return node.integer;
    case Kind::unsigned_integer: return node.unsigned_integer;
    case Kind::floating: return node.floating;
    case Kind::string: return std::string(node.text());
    case Kind::array: {
      json array = json::array();
      for (std::uint32_t child = index + 1; child < node.end; child = document.node(child).end) {
        array.push_back(to_json(document, child));
      }
      return array;
    }
    case Kind::object: {
      json object = json::object();
      for (std::uint32_t child = index + 1; child < node.end; child = document.node(child).end) {
        object[std::string(document.node(child).key())] = to_json(document, child);
      }
      return object;
    }
  }
  return nullptr;
}

}  // namespace

std::string pointer_to(const JsonDocument& document, std::uint32_t index) {
  std::string pointer;
  for (std::uint32_t parent = 0; parent != index;) {
    // Step over the siblings that end before the node to the one that holds it.
    std::uint32_t child = parent + 1;
    std::size_t position = 0;
    while (document.node(child).end <= index) {
      child = document.node(child).end;
      ++position;
    }
    pointer += '/';
    if (document.node(parent).kind == Kind::object) {
      append_escaped(pointer, document.node(child).key());
    } else {
      append_index(pointer, position);
    }
    parent = child;
  }
  return pointer;
}

JsonFlattener::JsonFlattener(const model::SourceRef& where, std::string title)
    : m_where(where), m_title(std::move(title)), m_scalars(where.path, "", m_title) {
  m_scalars.builder.begin_row(0, {});
}

void JsonFlattener::add_document(const JsonDocument& document, std::uint64_t line) {
  if (document.size() == 0) {
    return;
  }
  m_name.clear();
  m_pointer.clear();
  m_pattern.clear();
  if (line != 0) {
    Target& table = records(m_pattern);
    begin_row(table, line, {});
    m_pattern = "/*";
    walk(document, 0, table, false);
    return;
  }
  walk(document, 0, m_scalars, true);
}

std::vector<model::Table> JsonFlattener::finish(std::vector<model::Diagnostic>& diagnostics) {
  std::vector<model::Table> tables;
  const auto take = [&](TableBuilder& builder) {
    if (builder.columns() > 0) {
      tables.push_back(builder.finish());
    }
    if (std::string note = builder.limit_note(); !note.empty()) {
      diagnostics.push_back({m_where.path, std::nullopt, model::Severity::warning, std::move(note)});
    }
  };
  take(m_scalars.builder);
  for (auto& target : m_tables) {
    take(target->builder);
  }
  return tables;
}

JsonFlattener::Target& JsonFlattener::records(const std::string& pattern) {
  if (const auto it = m_index.find(pattern); it != m_index.end()) {
    return *m_tables[it->second];
  }
  m_index.emplace(pattern, m_tables.size());
  m_tables.push_back(std::make_unique<Target>(m_where.path, pattern, array_title()));
  return *m_tables.back();
}

std::string JsonFlattener::array_title() const {
  std::string key = last_key(m_pattern);
  return key.empty() ? m_title : key;
}

void JsonFlattener::begin_row(Target& target, std::uint64_t line, std::string pointer) {
  target.builder.begin_row(line, std::move(pointer));
  target.next = 0;
  if (!m_failure.empty()) {
    target.builder.fail_row(m_failure);
  }
}

std::size_t JsonFlattener::column(Target& target, std::string_view name) {
  const std::size_t at = target.next++;
  if (at < target.recent.size() && target.recent[at].name == name) {
    return target.recent[at].column;
  }
  const std::size_t column = target.builder.column(name);
  if (column == TableBuilder::k_no_column) {
    return column;  // past the table's limits: not worth remembering
  }
  if (at < target.recent.size()) {
    target.recent[at].name.assign(name);
    target.recent[at].column = column;
  } else {
    target.recent.push_back({std::string(name), column});
  }
  return column;
}

void JsonFlattener::set(Target& target, bool scalars, Cell cell) {
  const std::size_t index = column(target, m_name.empty() ? std::string_view("value") : m_name);
  target.builder.set(index, cell);
  if (scalars) {
    target.builder.set_origin(index, 0, m_pointer);
  }
}

void JsonFlattener::walk(const JsonDocument& document, std::uint32_t index, Target& target,
                         bool scalars) {
  const JsonNode& node = document.node(index);
  switch (node.kind) {
    case Kind::object: walk_object(document, index, target, scalars); return;
    case Kind::array: walk_array(document, index, target, scalars); return;
    case Kind::string: set(target, scalars, Cell::text_of(node.text())); return;
    case Kind::boolean: set(target, scalars, Cell::boolean(node.boolean)); return;
    case Kind::integer:
    case Kind::unsigned_integer:
    case Kind::floating: set(target, scalars, number_cell(node)); return;
    case Kind::null: set(target, scalars, Cell::null()); return;
  }
}

void JsonFlattener::walk_object(const JsonDocument& document, std::uint32_t index,
                                Target& outer, bool scalars) {
  Target* into = &outer;
  bool fails = false;
  if (m_failure.empty()) {
    m_failure = failure_of(document, index, m_name);
    fails = !m_failure.empty();
  }
  if (fails && scalars && index != 0) {
    // Outside any array: this object's values become a failed one-row table of their own.
    m_tables.push_back(std::make_unique<Target>(m_where.path, m_pointer,
                                                std::string(document.node(index).key())));
    into = m_tables.back().get();
    begin_row(*into, 0, {});
  } else if (fails) {
    outer.builder.fail_row(m_failure);  // the record that holds it, or the file's scalars
  }
  Target& target = *into;
  const std::size_t first = m_members.size();
  const std::uint32_t end = document.node(index).end;
  for (std::uint32_t child = index + 1; child < end; child = document.node(child).end) {
    m_members.push_back(child);
  }
  const auto begin = m_members.begin() + static_cast<std::ptrdiff_t>(first);
  std::sort(begin, m_members.end(), [&](std::uint32_t a, std::uint32_t b) {
    const std::string_view ka = document.node(a).key();
    const std::string_view kb = document.node(b).key();
    return ka < kb || (ka == kb && a < b);
  });
  const std::size_t last = m_members.size();
  const std::size_t name_size = m_name.size();
  const std::size_t pointer_size = m_pointer.size();
  const std::size_t pattern_size = m_pattern.size();
  for (std::size_t i = first; i < last; ++i) {
    const std::uint32_t child = m_members[i];
    const std::string_view key = document.node(child).key();
    if (i + 1 < last && document.node(m_members[i + 1]).key() == key) {
      continue;  // nlohmann::json keeps the last of duplicate keys
    }
    if (!m_name.empty()) {
      m_name += '.';
    }
    m_name += key;
    // A value in a record needs only its name; the pointer and pattern serve the scalars
    // table's origins and the arrays below.
    const Kind kind = document.node(child).kind;
    if (scalars || kind == Kind::object || kind == Kind::array) {
      m_pointer += '/';
      append_escaped(m_pointer, key);
      m_pattern += '/';
      append_escaped(m_pattern, key);
    }
    walk(document, child, target, scalars);
    m_name.resize(name_size);
    m_pointer.resize(pointer_size);
    m_pattern.resize(pattern_size);
  }
  m_members.resize(first);
  if (fails) {
    m_failure.clear();
  }
}

void JsonFlattener::walk_array(const JsonDocument& document, std::uint32_t index,
                               Target& target, bool scalars) {
  const std::uint32_t end = document.node(index).end;
  if (end == index + 1) {
    return;
  }
  // Nulls do not decide the shape: [1, null, 2] is still samples.
  bool any = false;
  bool objects = true;
  bool numbers = true;
  for (std::uint32_t child = index + 1; child < end; child = document.node(child).end) {
    const JsonNode& node = document.node(child);
    if (node.kind != Kind::null) {
      any = true;
      objects = objects && node.kind == Kind::object;
      numbers = numbers && node.is_number();
    }
  }
  const std::size_t pointer_size = m_pointer.size();
  if (any && objects) {
    Target& table = records(m_pattern);
    std::string name;  // each record's columns are named from the record down
    name.swap(m_name);
    const std::size_t pattern_size = m_pattern.size();
    m_pattern += "/*";
    std::size_t i = 0;
    for (std::uint32_t child = index + 1; child < end; child = document.node(child).end, ++i) {
      m_pointer += '/';
      append_index(m_pointer, i);
      begin_row(table, 0, m_pointer);
      walk(document, child, table, false);
      m_pointer.resize(pointer_size);
    }
    m_pattern.resize(pattern_size);
    m_name.swap(name);
    return;
  }
  if (any && numbers) {
    Target& table = records(m_pattern);
    const std::size_t column = table.builder.column(m_name.empty() ? array_title() : m_name);
    std::size_t i = 0;
    for (std::uint32_t child = index + 1; child < end; child = document.node(child).end, ++i) {
      m_pointer += '/';
      append_index(m_pointer, i);
      begin_row(table, 0, m_pointer);
      m_pointer.resize(pointer_size);
      table.builder.set(column, number_cell(document.node(child)));
    }
    return;
  }
  set(target, scalars, Cell::text_of(target.builder.keep(to_json(document, index).dump())));
}

}  // namespace chimera::ingest
