#include "chimera/ingest/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

#include "chimera/ingest/table_builder.hpp"
#include "chimera/ingest/values.hpp"

namespace chimera::ingest {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};

bool is_type(cmark_node* node, const char* name) {
  const char* type = cmark_node_get_type_string(node);
  return type != nullptr && std::strcmp(type, name) == 0;
}

// One line of a block's inline text, and whether it began with bold text (a `**Key:**` label).
struct TextLine {
  std::string text;
  bool starts_bold = false;
};

void collect_inlines(cmark_node* node, std::vector<TextLine>& lines) {
  for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
       child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: lines.emplace_back(); break;
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE: {
        const char* literal = cmark_node_get_literal(child);
        lines.back().text += literal != nullptr ? literal : "";
        break;
      }
      case CMARK_NODE_STRONG:
        if (lines.back().text.empty()) {
          lines.back().starts_bold = true;
        }
        collect_inlines(child, lines);
        break;
      default: collect_inlines(child, lines); break;
    }
  }
}

std::vector<TextLine> inline_lines(cmark_node* node) {
  std::vector<TextLine> lines(1);
  collect_inlines(node, lines);
  return lines;
}

std::string plain_text(cmark_node* node) {
  std::string out;
  for (const auto& line : inline_lines(node)) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out += line.text;
  }
  return std::string(trim(out));
}

std::string file_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

class Walker {
 public:
  Walker(const model::SourceRef& where)
      : m_where(where), m_scalars(where.path, "scalars", file_name(where.path)) {
    m_scalars.begin_row(0, {});
  }

  void walk_blocks(cmark_node* parent) {
    for (cmark_node* node = cmark_node_first_child(parent); node != nullptr;
         node = cmark_node_next(node)) {
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING: heading(node); break;
        case CMARK_NODE_PARAGRAPH: paragraph(node, false); break;
        case CMARK_NODE_LIST:
        case CMARK_NODE_BLOCK_QUOTE: walk_blocks(node); break;
        case CMARK_NODE_ITEM: item(node); break;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_THEMATIC_BREAK: break;
        default:
          if (is_type(node, "table")) {
            table(node);
          }
          break;
      }
    }
  }

  Parsed finish() {
    Parsed parsed;
    if (m_scalars.columns() > 0) {
      parsed.tables.push_back(m_scalars.finish());
      if (!m_title.empty()) {
        parsed.tables.back().title = m_title;
      }
    }
    for (auto& table : m_tables) {
      parsed.tables.push_back(std::move(table));
    }
    return parsed;
  }

 private:
  void heading(cmark_node* node) {
    m_heading = plain_text(node);
    if (m_title.empty()) {
      m_title = m_heading;
    }
  }

  void item(cmark_node* node) {
    for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
         child = cmark_node_next(child)) {
      if (cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH) {
        paragraph(child, true);
      } else if (cmark_node_get_type(child) == CMARK_NODE_LIST) {
        walk_blocks(child);
      }
    }
  }

  // In a list item every "key: value" line counts; in running text only bold labels do, so that
  // prose such as "Note: see below" is not taken for data.
  void paragraph(cmark_node* node, bool in_item) {
    const auto lines = inline_lines(node);
    const auto first_line = static_cast<std::uint64_t>(cmark_node_get_start_line(node));
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!in_item && !lines[i].starts_bold) {
        continue;
      }
      if (auto kv = split_key_value(lines[i].text)) {
        add_scalar(std::move(*kv), first_line + i);
      }
    }
  }

  void add_scalar(KeyValue kv, std::uint64_t line) {
    std::string name = kv.key;
    if (m_scalar_names.contains(name) && !m_heading.empty()) {
      name = m_heading + " > " + kv.key;
    }
    for (int n = 2; m_scalar_names.contains(name); ++n) {
      name = kv.key + " (" + std::to_string(n) + ")";
    }
    m_scalar_names.insert(name);
    const std::size_t column = m_scalars.column(name);
    m_scalars.set(column, Cell::raw(m_scalars.keep(std::move(kv.value))));
    m_scalars.set_origin(column, line, {});
  }

  void table(cmark_node* node) {
    ++m_table_count;
    TableBuilder builder(m_where.path, "table " + std::to_string(m_table_count),
                         m_heading.empty() ? file_name(m_where.path) : m_heading);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::uint64_t> lines;
    for (cmark_node* row = cmark_node_first_child(node); row != nullptr; row = cmark_node_next(row)) {
      std::vector<std::string> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr;
           cell = cmark_node_next(cell)) {
        cells.push_back(plain_text(cell));
      }
      rows.push_back(std::move(cells));
      lines.push_back(static_cast<std::uint64_t>(cmark_node_get_start_line(row)));
    }
    if (rows.empty()) {
      return;
    }
    if (is_key_value_table(rows)) {
      transposed(builder, rows, lines);
    } else {
      std::vector<std::size_t> columns;
      header(builder, rows[0], columns);
      for (std::size_t r = 1; r < rows.size(); ++r) {
        builder.begin_row(lines[r], {});
        for (std::size_t i = 0; i < rows[r].size() && i < columns.size(); ++i) {
          builder.set(columns[i], Cell::raw(builder.keep(std::move(rows[r][i]))));
        }
      }
    }
    m_tables.push_back(builder.finish());
  }

  // "| Metric | Value |" tables hold one measurement per row, each in its own unit; read as one
  // row whose columns are the metric names, every name's kind and unit is inferred on its own.
  static bool is_key_value_table(const std::vector<std::vector<std::string>>& rows) {
    if (rows[0].size() != 2 || rows.size() < 2) {
      return false;
    }
    static const std::set<std::string> k_key_headers = {
        "metric", "metrics", "parameter", "data point", "statistic", "measure", "key",
        "setting", "property", "field", "item"};
    std::string key = rows[0][0];
    for (auto& c : key) {
      c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (!k_key_headers.contains(key)) {
      return false;
    }
    std::set<std::string> names;
    for (std::size_t r = 1; r < rows.size(); ++r) {
      if (rows[r].empty() || rows[r][0].empty() || !names.insert(rows[r][0]).second) {
        return false;
      }
    }
    return true;
  }

  static void transposed(TableBuilder& builder, std::vector<std::vector<std::string>>& rows,
                         const std::vector<std::uint64_t>& lines) {
    builder.begin_row(0, {});
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const std::size_t column = builder.column(rows[r][0]);
      if (rows[r].size() > 1) {
        builder.set(column, Cell::raw(builder.keep(std::move(rows[r][1]))));
      }
      builder.set_origin(column, lines[r], {});
    }
  }

  static void header(TableBuilder& builder, const std::vector<std::string>& names,
                     std::vector<std::size_t>& columns) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < names.size(); ++i) {
      std::string name = names[i].empty() ? "column_" + std::to_string(i + 1) : names[i];
      for (int n = 2; seen.contains(name); ++n) {
        name = names[i] + "_" + std::to_string(n);
      }
      seen.insert(name);
      columns.push_back(builder.column(name));
    }
  }

  const model::SourceRef& m_where;
  TableBuilder m_scalars;
  std::set<std::string> m_scalar_names;
  std::vector<model::Table> m_tables;
  std::string m_title;
  std::string m_heading;
  std::size_t m_table_count = 0;
};

}  // namespace

std::optional<KeyValue> split_key_value(std::string_view line) {
  line = trim(line);
  const std::size_t colon = line.find(": ");
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view key = trim(line.substr(0, colon));
  const std::string_view value = trim(line.substr(colon + 2));
  if (key.empty() || key.size() > 60 || value.empty()) {
    return std::nullopt;
  }
  return KeyValue{std::string(key), std::string(value)};
}

Parsed parse_markdown(std::string_view text, const model::SourceRef& where) {
  // Extension registration is global state in cmark-gfm and not thread-safe; do it once.
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  if (cmark_syntax_extension* tables = cmark_find_syntax_extension("table")) {
    cmark_parser_attach_syntax_extension(parser.get(), tables);
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));
  Walker walker(where);
  walker.walk_blocks(document.get());
  return walker.finish();
}

}  // namespace chimera::ingest
