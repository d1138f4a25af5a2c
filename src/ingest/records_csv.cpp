#include "records_csv.hpp"

#include <charconv>
#include <optional>
#include <vector>

namespace chimera::ingest::detail {
namespace {

constexpr std::string_view k_hint = "; give --baseline a file written by `chimera export`";
constexpr std::string_view k_config_prefix = "config.";

// Cuts one record (RFC 4180: a quoted field may hold commas, doubled quotes and line breaks)
// from `text` at `pos` into `fields`; counts the line breaks it passes in `lines`. Returns false
// for an unterminated quote.
bool next_record(std::string_view text, std::size_t& pos, std::vector<std::string>& fields,
                 std::size_t& lines) {
  fields.assign(1, std::string());
  bool quoted = false;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '"') {
        if (pos < text.size() && text[pos] == '"') {
          fields.back() += '"';
          ++pos;
        } else {
          quoted = false;
        }
      } else {
        lines += c == '\n' ? 1 : 0;
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      ++lines;
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return !quoted;
}

struct Layout {
  std::size_t experiment = 0, column = 0, kind = 0, unit = 0, direction = 0, value = 0, failed = 0;
  std::vector<std::pair<std::size_t, std::string>> settings;  // field, setting name
};

std::optional<std::string> read_header(const std::vector<std::string>& header, Layout& layout) {
  const auto find = [&](std::string_view name, std::size_t& into) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) {
        into = i;
        return true;
      }
    }
    return false;
  };
  for (const auto& [name, into] :
       {std::pair{"experiment", &layout.experiment}, std::pair{"column", &layout.column},
        std::pair{"kind", &layout.kind}, std::pair{"unit", &layout.unit},
        std::pair{"direction", &layout.direction}, std::pair{"value", &layout.value},
        std::pair{"failed", &layout.failed}}) {
    if (!find(name, *into)) {
      return std::string("the header has no \"") + name + "\" column";
    }
  }
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i].starts_with(k_config_prefix)) {
      layout.settings.emplace_back(i, header[i].substr(k_config_prefix.size()));
    }
  }
  return std::nullopt;
}

std::optional<std::string> to_fields(const std::vector<std::string>& row, const Layout& layout,
                                     std::size_t width, RecordFields& f) {
  if (row.size() != width) {
    return "expected " + std::to_string(width) + " fields, got " + std::to_string(row.size());
  }
  f.experiment = row[layout.experiment];
  f.column = row[layout.column];
  f.kind = row[layout.kind];
  f.unit = row[layout.unit];
  f.direction = row[layout.direction];
  for (const auto& [i, name] : layout.settings) {
    if (!row[i].empty()) {
      f.config.emplace_back(name, row[i]);
    }
  }
  const std::string& value = row[layout.value];
  if (!value.empty()) {
    double v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size()) {
      return "value \"" + value + "\" is not a number";
    }
    f.value = v;
  }
  const std::string& failed = row[layout.failed];
  if (failed != "true" && failed != "false") {
    return "failed \"" + failed + "\" is not true or false";
  }
  f.failed = failed == "true";
  return std::nullopt;
}

}  // namespace

Result<void> read_csv_records(std::string_view text, const std::string& path, RecordSink& sink) {
  std::size_t pos = 0;
  std::size_t lines = 0;
  std::vector<std::string> row;
  if (!next_record(text, pos, row, lines)) {
    return fail(ErrorCode::parse, "unterminated quoted field" + std::string(k_hint), path + ":1");
  }
  Layout layout;
  if (auto problem = read_header(row, layout)) {
    return fail(ErrorCode::parse, *problem + std::string(k_hint), path + ":1");
  }
  const std::size_t width = row.size();
  while (pos < text.size()) {
    const std::size_t line = lines + 1;
    const std::string where = path + ":" + std::to_string(line);
    if (!next_record(text, pos, row, lines)) {
      return fail(ErrorCode::parse, "unterminated quoted field" + std::string(k_hint), where);
    }
    if (row.size() == 1 && row[0].empty()) {
      continue;  // a blank line
    }
    RecordFields f;
    if (auto problem = to_fields(row, layout, width, f)) {
      return fail(ErrorCode::parse, *problem + std::string(k_hint), where);
    }
    if (auto problem = sink.add(std::move(f))) {
      return fail(ErrorCode::parse, *problem + std::string(k_hint), where);
    }
  }
  return {};
}

}  // namespace chimera::ingest::detail
