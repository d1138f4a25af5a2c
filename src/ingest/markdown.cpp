#include "chimera/ingest/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
// cmark-gfm's node layout, installed with the library for its extension API: literal text is
// read where it lies instead of through a copy.
#include <node.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "chimera/ingest/bump_arena.hpp"
#include "chimera/ingest/markdown_passages.hpp"
#include "chimera/ingest/table_builder.hpp"
#include "chimera/ingest/units_row.hpp"
#include "chimera/ingest/unique_names.hpp"
#include "chimera/ingest/values.hpp"

namespace chimera::ingest {
namespace {

// cmark-gfm allocates a node per block and per inline and frees them one by one; a document is
// carved from this thread's arena instead and dropped whole when the walk is done. cmark_mem has
// no context pointer, hence a thread_local one (a plain pointer, cheap to reach). cmark aborts
// when memory runs out, and so do these (noexcept): an exception cannot unwind through C frames.
thread_local BumpArena* t_arena = nullptr;

void* arena_calloc(std::size_t count, std::size_t size) noexcept {
  if (size != 0 && count > SIZE_MAX / size) {
    std::abort();
  }
  return t_arena->allocate(count * size);
}
void* arena_realloc(void* ptr, std::size_t size) noexcept { return t_arena->reallocate(ptr, size); }
void arena_free(void* ptr) noexcept { t_arena->release(ptr); }

cmark_mem k_arena_mem{arena_calloc, arena_realloc, arena_free};

// This thread's arena for the length of one parse, reset when the parse ends however it ends.
class ArenaRound {
 public:
  ArenaRound() {
    static thread_local BumpArena arena;
    t_arena = &arena;
  }
  ~ArenaRound() { t_arena->reset(); }
  ArenaRound(const ArenaRound&) = delete;
  ArenaRound& operator=(const ArenaRound&) = delete;

  [[nodiscard]] BumpArena& arena() const { return *t_arena; }
};

bool is_type(cmark_node* node, const char* name) {
  const char* type = cmark_node_get_type_string(node);
  return type != nullptr && std::strcmp(type, name) == 0;
}

// The text of a block's inlines, line by line, kept in one buffer reused from block to block.
class InlineText {
 public:
  struct Line {
    std::string_view text;
    bool starts_bold = false;
  };

  // The lines of `block` (one per soft or hard break), and whether each began with bold text
  // (a `**Key:**` label).
  const std::vector<Line>& lines(cmark_node* block) {
    m_text.clear();
    m_spans.assign(1, Span{});
    collect(block);
    m_spans.back().end = m_text.size();
    m_lines.clear();
    for (const auto& span : m_spans) {
      m_lines.push_back({std::string_view(m_text).substr(span.begin, span.end - span.begin),
                         span.starts_bold});
    }
    return m_lines;
  }

  // All of `block`'s text on one line, trimmed, in arena memory that lives until the parse ends:
  // a lone text node (most table cells) is viewed where cmark keeps it.
  std::string_view plain(cmark_node* block) {
    cmark_node* child = cmark_node_first_child(block);
    if (child == nullptr) {
      return {};
    }
    if (cmark_node_next(child) == nullptr && is_literal(child)) {
      return trim(literal(child));
    }
    m_text.clear();
    m_spans.assign(1, Span{});
    collect(block);
    m_spans.back().end = m_text.size();
    m_joined.clear();
    for (const auto& span : m_spans) {
      if (!m_joined.empty()) {
        m_joined.push_back(' ');
      }
      m_joined.append(m_text, span.begin, span.end - span.begin);
    }
    const std::string_view text = trim(m_joined);
    auto* copy = static_cast<char*>(t_arena->allocate(text.size()));
    std::memcpy(copy, text.data(), text.size());
    return {copy, text.size()};
  }

 private:
  struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool starts_bold = false;
  };

  static bool is_literal(cmark_node* node) {
    const auto type = cmark_node_get_type(node);
    return type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE;
  }

  // The text as cmark holds it, in the arena. cmark_node_get_literal would copy it to make it
  // NUL-terminated, and we would measure it again with strlen.
  static std::string_view literal(const cmark_node* node) {
    const cmark_chunk& chunk = node->as.literal;
    return {reinterpret_cast<const char*>(chunk.data), static_cast<std::size_t>(chunk.len)};
  }

  void collect(cmark_node* node) {
    for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
         child = cmark_node_next(child)) {
      switch (cmark_node_get_type(child)) {
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          m_spans.back().end = m_text.size();
          m_spans.push_back({m_text.size(), m_text.size(), false});
          break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE: m_text += literal(child); break;
        case CMARK_NODE_STRONG:
          if (m_text.size() == m_spans.back().begin) {
            m_spans.back().starts_bold = true;
          }
          collect(child);
          break;
        default: collect(child); break;
      }
    }
  }

  std::string m_text;
  std::string m_joined;
  std::vector<Span> m_spans;
  std::vector<Line> m_lines;
};

std::string file_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

class Walker {
 public:
  Walker(const model::SourceRef& where)
      : m_where(where),
        m_scalars(where.path, "scalars", file_name(where.path)),
        m_passages(where.path) {
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
    parsed.tables.reserve(m_tables.size() + 1);
    if (m_scalars.columns() > 0) {
      parsed.tables.push_back(m_scalars.finish());
      note_limits(m_scalars, 0);
      if (!m_title.empty()) {
        parsed.tables.back().title = m_title;
      }
    }
    for (auto& table : m_tables) {
      parsed.tables.push_back(std::move(table));
    }
    parsed.diagnostics = std::move(m_notes);
    parsed.passages = m_passages.take();
    return parsed;
  }

 private:
  void heading(cmark_node* node) {
    m_heading = m_inlines.plain(node);
    m_passages.heading(cmark_node_get_heading_level(node), m_heading);
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
    const auto& lines = m_inlines.lines(node);
    const auto first_line = static_cast<std::uint64_t>(cmark_node_get_start_line(node));
    for (std::size_t i = 0; i < lines.size(); ++i) {
      m_passages.line(in_item ? model::PassageKind::item : model::PassageKind::text,
                      first_line + i, lines[i].text);
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
    name = m_scalar_names.take(std::move(name), kv.key);
    const std::size_t column = m_scalars.column(name);
    m_scalars.set(column, Cell::raw(m_scalars.keep(std::move(kv.value))));
    m_scalars.set_origin(column, line, {});
  }

  void table(cmark_node* node) {
    ++m_table_count;
    TableBuilder builder(m_where.path, "table " + std::to_string(m_table_count),
                         m_heading.empty() ? file_name(m_where.path) : m_heading);
    // Cell texts live in the arena until the parse ends, past builder.finish(); no copies.
    m_cells.clear();
    m_rows.clear();
    for (cmark_node* row = cmark_node_first_child(node); row != nullptr; row = cmark_node_next(row)) {
      const std::size_t first = m_cells.size();
      for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr;
           cell = cmark_node_next(cell)) {
        m_cells.push_back(m_inlines.plain(cell));
      }
      m_rows.push_back({first, m_cells.size() - first,
                        static_cast<std::uint64_t>(cmark_node_get_start_line(row))});
    }
    if (m_rows.empty()) {
      return;
    }
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
      m_passages.row(r == 0, m_rows[r].line, cells(m_rows[r]));
    }
    if (is_key_value_table()) {
      transposed(builder);
    } else {
      std::vector<std::size_t> columns;
      header(builder, cells(m_rows[0]), columns);
      const std::size_t first_run = units_row(builder, columns) ? 2 : 1;
      builder.reserve(m_rows.size() - first_run);
      for (std::size_t r = first_run; r < m_rows.size(); ++r) {
        builder.begin_row(m_rows[r].line, {});
        const auto row = cells(m_rows[r]);
        for (std::size_t i = 0; i < row.size() && i < columns.size(); ++i) {
          builder.set(columns[i], Cell::raw(row[i]));
        }
      }
    }
    m_tables.push_back(builder.finish());
    note_limits(builder, m_rows[0].line);
  }

  void note_limits(const TableBuilder& builder, std::uint64_t line) {
    if (std::string note = builder.limit_note(); !note.empty()) {
      m_notes.push_back({m_where.path, line == 0 ? std::nullopt : std::optional(line),
                         model::Severity::warning, std::move(note)});
    }
  }

  struct Row {
    std::size_t first = 0;
    std::size_t size = 0;
    std::uint64_t line = 0;
  };

  [[nodiscard]] std::span<const std::string_view> cells(const Row& row) const {
    return std::span<const std::string_view>(m_cells).subspan(row.first, row.size);
  }

  // "| Metric | Value |" tables hold one measurement per row, each in its own unit; read as one
  // row whose columns are the metric names, every name's kind and unit is inferred on its own.
  [[nodiscard]] bool is_key_value_table() const {
    if (m_rows[0].size != 2 || m_rows.size() < 2) {
      return false;
    }
    static const std::set<std::string, std::less<>> k_key_headers = {
        "metric", "metrics", "parameter", "data point", "statistic", "measure", "key",
        "setting", "property", "field", "item"};
    std::string key(cells(m_rows[0])[0]);
    for (auto& c : key) {
      c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (!k_key_headers.contains(key)) {
      return false;
    }
    std::set<std::string_view> names;
    for (std::size_t r = 1; r < m_rows.size(); ++r) {
      const auto row = cells(m_rows[r]);
      if (row.empty() || row[0].empty() || !names.insert(row[0]).second) {
        return false;
      }
    }
    return true;
  }

  // Takes a row of units under the header (an Nsight Compute table, or an empty row) as the
  // columns' units rather than a run; false when the second row is a run.
  bool units_row(TableBuilder& builder, const std::vector<std::size_t>& columns) const {
    if (m_rows.size() < 2) {
      return false;
    }
    const auto units = cells(m_rows[1]);
    const auto below = m_rows.size() > 2 ? cells(m_rows[2]) : std::span<const std::string_view>();
    if (!is_units_row(units, below)) {
      return false;
    }
    for (std::size_t i = 0; i < units.size() && i < columns.size(); ++i) {
      if (!units[i].empty()) {
        builder.set_header_unit(columns[i], std::string(units[i]));
      }
    }
    return true;
  }

  void transposed(TableBuilder& builder) const {
    builder.begin_row(0, {});
    for (std::size_t r = 1; r < m_rows.size(); ++r) {
      const auto row = cells(m_rows[r]);
      const std::size_t column = builder.column(row[0]);
      if (row.size() > 1) {
        builder.set(column, Cell::raw(row[1]));
      }
      builder.set_origin(column, m_rows[r].line, {});
    }
  }

  static void header(TableBuilder& builder, std::span<const std::string_view> names,
                     std::vector<std::size_t>& columns) {
    UniqueNames unique("_", "");
    unique.reserve(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
      std::string name = names[i].empty() ? "column_" + std::to_string(i + 1) : std::string(names[i]);
      columns.push_back(builder.column(unique.take(std::move(name))));
    }
  }

  const model::SourceRef& m_where;
  TableBuilder m_scalars;
  UniqueNames m_scalar_names{" (", ")"};
  PassageKeeper m_passages;
  std::vector<model::Table> m_tables;
  std::vector<model::Diagnostic> m_notes;
  std::string m_title;
  std::string m_heading;
  std::size_t m_table_count = 0;
  InlineText m_inlines;
  std::vector<std::string_view> m_cells;
  std::vector<Row> m_rows;
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
  // Extension registration is global state in cmark-gfm and not thread-safe: done once, by the
  // first caller. The registry is only read afterwards.
  static cmark_syntax_extension* const tables = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return cmark_find_syntax_extension("table");
  }();
  const ArenaRound round;
  cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &k_arena_mem);
  if (tables != nullptr) {
    cmark_parser_attach_syntax_extension(parser, tables);
  }
  cmark_parser_feed(parser, text.data(), text.size());
  // Neither the document nor the parser is freed node by node: the arena drops them whole.
  cmark_node* document = cmark_parser_finish(parser);
  Walker walker(where);
  walker.walk_blocks(document);
  return walker.finish();
}

}  // namespace chimera::ingest
