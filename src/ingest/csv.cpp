#include "chimera/ingest/csv.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "chimera/ingest/csv_splitter.hpp"
#include "chimera/ingest/table_builder.hpp"
#include "chimera/ingest/units_row.hpp"
#include "chimera/ingest/values.hpp"
#include "chimera/ingest/unique_names.hpp"

// The fields are split by CsvSplitter over the caller's string_view rather than with fccp's
// io::LineReader: LineReader copies its input into a 48 MiB buffer per instance (too much with one
// reader per thread), splits lines at every '\n' even inside quotes, and throws on lines over
// 16 MiB. Splitting in place keeps unquoted fields as slices of the input, with no copy at all.

namespace chimera::ingest {
namespace {

constexpr std::size_t k_max_ragged_notes = 10;

bool is_blank(const std::vector<CsvField>& fields) {
  return fields.size() == 1 && !fields[0].needs_copy && fields[0].text.empty();
}

std::string file_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// The header's names, trimmed, with an empty one named by its position and a repeated one given
// the first free suffix ("name", "name_2", "name_3").
std::vector<std::string> header_names(const std::vector<CsvField>& fields) {
  std::vector<std::string> names;
  names.reserve(fields.size());
  UniqueNames unique("_", "");
  unique.reserve(fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string name(fields[i].needs_copy ? unescape_csv(fields[i].text)
                                          : std::string(fields[i].text));
    while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) {
      name.pop_back();
    }
    const std::size_t lead = name.find_first_not_of(' ');
    name.erase(0, lead == std::string::npos ? name.size() : lead);
    if (name.empty()) {
      name = "column_" + std::to_string(i + 1);
    }
    names.push_back(unique.take(std::move(name)));
  }
  return names;
}

// A record's fields as text, unescaped where needed; `kept` holds the unescaped ones.
std::vector<std::string_view> field_texts(const std::vector<CsvField>& fields,
                                          std::vector<std::string>& kept) {
  std::vector<std::string_view> texts;
  kept.reserve(fields.size());
  for (const auto& field : fields) {
    if (field.needs_copy) {
      kept.push_back(unescape_csv(field.text));
      texts.push_back(kept.back());
    } else {
      texts.push_back(field.text);
    }
  }
  return texts;
}

// The next record that is not blank, or an empty vector at the end.
std::vector<CsvField> next_record(CsvSplitter& splitter) {
  std::vector<CsvField> fields;
  while (!splitter.done()) {
    fields.clear();
    splitter.next(fields);
    if (!is_blank(fields)) {
      return fields;
    }
  }
  return {};
}

// Reads a units row under the header (Nsight Compute writes one) into `builder` and steps
// `splitter` past it; leaves both alone when the first record is a run.
void take_units_row(CsvSplitter& splitter, TableBuilder& builder, std::size_t width) {
  CsvSplitter ahead = splitter;
  const auto candidate = next_record(ahead);
  if (candidate.empty()) {
    return;
  }
  const auto after = next_record(ahead);
  std::vector<std::string> kept;
  kept.reserve(candidate.size() + after.size());
  const auto units = field_texts(candidate, kept);
  const auto below = field_texts(after, kept);
  if (!is_units_row(units, below)) {
    return;
  }
  for (std::size_t i = 0; i < units.size() && i < width && i < builder.columns(); ++i) {
    const std::string_view unit = trim(units[i]);
    if (!unit.empty()) {
      builder.set_header_unit(i, std::string(unit));
    }
  }
  (void)next_record(splitter);
}

// Nsight Compute, run with its log on stdout, writes "==PROF== ..." lines before the CSV.
bool is_tool_log(const std::vector<CsvField>& fields) {
  return !fields.empty() && fields[0].text.starts_with("==");
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
  CsvSplitter splitter(text, sniff_delimiter(text, where.path));
  std::vector<CsvField> fields;
  std::uint64_t header_line = 0;
  while (!splitter.done()) {
    header_line = splitter.next(fields);
    if (!is_blank(fields) && !is_tool_log(fields)) {
      break;
    }
    fields.clear();
  }
  if (fields.empty() || is_blank(fields) || is_tool_log(fields)) {
    parsed.failure = model::Diagnostic{where.path, std::nullopt, model::Severity::warning,
                                       "empty file; no header row"};
    return parsed;
  }
  TableBuilder builder(where.path, "", file_name(where.path));
  const auto names = header_names(fields);
  for (const auto& name : names) {
    static_cast<void>(builder.column(name));
  }
  const std::size_t width = names.size();
  take_units_row(splitter, builder, width);
  const std::size_t kept = builder.columns();  // fewer than width past TableBuilder's limit
  builder.reserve(count_newlines(text) + 1);
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
      if (i == kept) {
        for (; i < count; ++i) {
          builder.set(TableBuilder::k_no_column, Cell::null());  // counted for the note
        }
        break;
      }
      std::string_view value = fields[i].text;
      if (fields[i].needs_copy) {
        value = builder.keep(unescape_csv(value));
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
  if (std::string note = builder.limit_note(); !note.empty()) {
    parsed.diagnostics.push_back(
        {where.path, header_line, model::Severity::warning, std::move(note)});
  }
  return parsed;
}

}  // namespace chimera::ingest
