#include "chimera/ingest/csv.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "chimera/ingest/table_builder.hpp"

// The fields are split here over the caller's string_view rather than with fccp's io::LineReader:
// LineReader copies its input into a 48 MiB buffer per instance (too much with one reader per
// thread), splits lines at every '\n' even inside quotes, and throws on lines over 16 MiB.
// Splitting in place keeps unquoted fields as slices of the input, with no copy at all.

namespace chimera::ingest {
namespace {

constexpr std::size_t k_max_ragged_notes = 10;

struct Field {
  std::string_view text;
  bool needs_copy = false;  // `text` is the raw slice with its quotes: unescape it
};

class Splitter {
 public:
  Splitter(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter) {
    m_special.fill(false);
    m_special[static_cast<unsigned char>(delimiter)] = true;
    m_special['\n'] = true;
    m_special['\r'] = true;
    m_special['"'] = true;
  }

  [[nodiscard]] bool done() const { return m_pos >= m_text.size(); }
  [[nodiscard]] std::uint64_t line() const { return m_line; }
  [[nodiscard]] std::uint64_t unterminated_line() const { return m_unterminated; }

  // Reads one record into `fields`; returns the line it started on.
  std::uint64_t next(std::vector<Field>& fields) {
    fields.clear();
    const std::uint64_t start_line = m_line;
    while (true) {
      Field field = read_field();
      fields.push_back(field);
      if (m_pos >= m_text.size()) {
        return start_line;
      }
      const char c = m_text[m_pos];
      if (c == m_delimiter) {
        ++m_pos;
        continue;
      }
      // End of record: "\n" or "\r\n" (or a lone "\r").
      ++m_pos;
      if (c == '\r' && m_pos < m_text.size() && m_text[m_pos] == '\n') {
        ++m_pos;
      }
      ++m_line;
      return start_line;
    }
  }

 private:
  Field read_field() {
    if (m_pos < m_text.size() && m_text[m_pos] == '"') {
      return read_quoted();
    }
    // The scan runs on a local position: a char load may alias the member, which would make the
    // compiler store m_pos back to memory on every byte.
    const std::size_t start = m_pos;
    const std::size_t size = m_text.size();
    const char* data = m_text.data();
    const bool* special = m_special.data();
    std::size_t pos = start;
    while (pos < size && !special[static_cast<unsigned char>(data[pos])]) {
      ++pos;
    }
    // A quote inside an unquoted field is an ordinary character.
    while (pos < size && data[pos] == '"') {
      ++pos;
      while (pos < size && !special[static_cast<unsigned char>(data[pos])]) {
        ++pos;
      }
    }
    m_pos = pos;
    return {m_text.substr(start, pos - start), false};
  }

  Field read_quoted() {
    const std::uint64_t open_line = m_line;
    const std::size_t start = ++m_pos;
    bool doubled = false;
    while (m_pos < m_text.size()) {
      const char c = m_text[m_pos];
      if (c == '"') {
        if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
          doubled = true;
          m_pos += 2;
          continue;
        }
        const std::string_view inner = m_text.substr(start, m_pos - start);
        ++m_pos;
        // Text between the closing quote and the delimiter (`"a"b`) is kept, as spreadsheets do.
        const std::size_t tail = m_pos;
        while (m_pos < m_text.size() && !m_special[static_cast<unsigned char>(m_text[m_pos])]) {
          ++m_pos;
        }
        if (m_pos == tail && !doubled) {
          return {inner, false};
        }
        return {m_text.substr(start - 1, m_pos - (start - 1)), true};
      }
      if (c == '\n') {
        ++m_line;
      }
      ++m_pos;
    }
    m_unterminated = open_line;
    return {m_text.substr(start - 1), true};
  }

  std::string_view m_text;
  char m_delimiter;
  std::array<bool, 256> m_special{};
  std::size_t m_pos = 0;
  std::uint64_t m_line = 1;
  std::uint64_t m_unterminated = 0;
};

// Removes the quoting of a field that had doubled quotes or text after its closing quote.
std::string unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool quoted = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '"') {
      if (quoted && i + 1 < raw.size() && raw[i + 1] == '"') {
        out.push_back('"');
        ++i;
      } else {
        quoted = !quoted;
      }
      continue;
    }
    out.push_back(c);
  }
  return out;
}

bool is_blank(const std::vector<Field>& fields) {
  return fields.size() == 1 && !fields[0].needs_copy &&
         (fields[0].text.empty() || fields[0].text == "\r");
}

std::string file_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::vector<std::string> header_names(const std::vector<Field>& fields) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string name(fields[i].needs_copy ? unescape(fields[i].text) : std::string(fields[i].text));
    while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) {
      name.pop_back();
    }
    while (!name.empty() && name.front() == ' ') {
      name.erase(0, 1);
    }
    if (name.empty()) {
      name = "column_" + std::to_string(i + 1);
    }
    std::string unique = name;
    for (int n = 2; std::find(names.begin(), names.end(), unique) != names.end(); ++n) {
      unique = name + "_" + std::to_string(n);
    }
    names.push_back(std::move(unique));
  }
  return names;
}

}  // namespace

char sniff_delimiter(std::string_view text, std::string_view path) {
  if (path.size() >= 4) {
    std::string ext(path.substr(path.size() - 4));
    for (auto& c : ext) {
      c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (ext == ".tsv") {
      return '\t';
    }
  }
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  std::size_t tabs = 0;
  bool quoted = false;
  for (const char c : text.substr(0, 64 * 1024)) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted) {
      if (c == '\n') {
        break;
      }
      commas += c == ',' ? 1 : 0;
      semicolons += c == ';' ? 1 : 0;
      tabs += c == '\t' ? 1 : 0;
    }
  }
  if (tabs > commas && tabs >= semicolons) {
    return '\t';
  }
  if (semicolons > commas) {
    return ';';
  }
  return ',';
}

Parsed parse_csv(std::string_view text, const model::SourceRef& where) {
  Parsed parsed;
  Splitter splitter(text, sniff_delimiter(text, where.path));
  std::vector<Field> fields;
  std::uint64_t header_line = 0;
  while (!splitter.done()) {
    header_line = splitter.next(fields);
    if (!is_blank(fields)) {
      break;
    }
    fields.clear();
  }
  if (fields.empty() || is_blank(fields)) {
    parsed.failure = model::Diagnostic{where.path, std::nullopt, model::Severity::warning,
                                       "empty file; no header row"};
    return parsed;
  }
  TableBuilder builder(where.path, "", file_name(where.path));
  const auto names = header_names(fields);
  for (const auto& name : names) {
    builder.column(name);
  }
  const std::size_t width = names.size();
  builder.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  std::size_t ragged = 0;
  while (!splitter.done()) {
    const std::uint64_t line = splitter.next(fields);
    if (is_blank(fields)) {
      continue;
    }
    if (fields.size() != width) {
      if (++ragged <= k_max_ragged_notes) {
        parsed.diagnostics.push_back(
            {where.path, line, model::Severity::warning,
             "expected " + std::to_string(width) + " fields, got " + std::to_string(fields.size()) +
                 (fields.size() < width ? "; the missing fields read as empty"
                                        : "; the extra fields are ignored")});
      }
    }
    builder.begin_row(line, {});
    const std::size_t count = std::min(width, fields.size());
    for (std::size_t i = 0; i < count; ++i) {
      std::string_view value = fields[i].text;
      if (fields[i].needs_copy) {
        value = builder.keep(unescape(value));
      } else if (!value.empty() && value.back() == '\r') {
        value.remove_suffix(1);
      }
      builder.set(i, Cell::raw(value));
    }
  }
  if (ragged > k_max_ragged_notes) {
    parsed.diagnostics.push_back({where.path, std::nullopt, model::Severity::warning,
                                  std::to_string(ragged - k_max_ragged_notes) +
                                      " more rows with the wrong number of fields"});
  }
  if (splitter.unterminated_line() != 0) {
    parsed.diagnostics.push_back({where.path, splitter.unterminated_line(),
                                  model::Severity::warning,
                                  "quoted field is never closed; read to the end of the file"});
  }
  if (builder.rows() == 0) {
    parsed.diagnostics.push_back({where.path, header_line, model::Severity::info,
                                  "header only, no data rows"});
  }
  parsed.tables.push_back(builder.finish());
  return parsed;
}

}  // namespace chimera::ingest
