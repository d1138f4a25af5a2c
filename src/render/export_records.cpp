#include "chimera/render/export_records.hpp"

#include <algorithm>
#include <charconv>

namespace chimera::render {
namespace {

// Length of the valid UTF-8 sequence at text[i], or 0.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  std::size_t n = 0;
  unsigned min = 0;
  if (c >= 0xc2 && c <= 0xdf) {
    n = 2, min = 0x80;
  } else if (c >= 0xe0 && c <= 0xef) {
    n = 3, min = 0x800;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > text.size()) {
    return 0;
  }
  unsigned code = c & (0x7fU >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) {
      return 0;
    }
    code = (code << 6) | (byte(i + k) & 0x3fU);
  }
  const bool surrogate = code >= 0xd800 && code <= 0xdfff;
  return code < min || code > 0x10ffff || surrogate ? 0 : n;
}

void append_json_string(std::string_view text, std::string& out) {
  static constexpr char k_hex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      out += static_cast<char>(c);
      ++i;
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      ++i;
    } else if (c < 0x20) {
      out += c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : "";
      if (c != '\n' && c != '\t' && c != '\r') {
        out += "\\u00";
        out += k_hex[c >> 4];
        out += k_hex[c & 15];
      }
      ++i;
    } else if (const std::size_t n = utf8_length(text, i); n > 0) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out += "\xef\xbf\xbd";  // U+FFFD for a byte that is not UTF-8
      ++i;
    }
  }
  out += '"';
}

void append_number(double v, std::string& out) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  out.append(buffer, ec == std::errc() ? end : buffer);
}

void append_csv_field(std::string_view text, std::string& out) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    out.append(text);
    return;
  }
  out += '"';
  for (const char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  out += '"';
}

}  // namespace

RecordWriter::RecordWriter(model::ExportFormat format, std::vector<std::string> settings)
    : m_format(format), m_settings(std::move(settings)) {}

std::string RecordWriter::header() const {
  if (m_format != model::ExportFormat::csv) {
    return "";
  }
  std::string out = "experiment,source,locator";
  for (const auto& s : m_settings) {
    out += ',';
    append_csv_field("config." + s, out);
  }
  out += ",replicate,column,kind,unit,direction,value,failed\n";
  return out;
}

void RecordWriter::append(const model::Observation& o, std::string& out) {
  if (m_format == model::ExportFormat::csv) {
    append_csv(o, out);
  } else {
    append_json(o, out);
  }
}

void RecordWriter::append_json(const model::Observation& o, std::string& out) {
  if (o.experiment != m_experiment) {
    m_experiment = o.experiment;
    m_experiment_text.clear();
    append_json_string(*o.experiment, m_experiment_text);
  }
  if (o.config != m_config) {
    m_config = o.config;
    m_config_text = "{";
    for (const auto& [name, value] : *o.config) {
      if (m_config_text.size() > 1) {
        m_config_text += ',';
      }
      append_json_string(name, m_config_text);
      m_config_text += ':';
      append_json_string(value, m_config_text);
    }
    m_config_text += '}';
  }
  out += "{\"experiment\":";
  out += m_experiment_text;
  out += ",\"source\":";
  append_json_string(o.source, out);
  out += ",\"locator\":";
  append_json_string(o.locator, out);
  out += ",\"config\":";
  out += m_config_text;
  out += ",\"replicate\":";
  out += std::to_string(o.replicate);
  out += ",\"column\":";
  append_json_string(o.column, out);
  out += ",\"kind\":\"";
  out += model::to_string(o.kind);
  out += "\",\"unit\":";
  append_json_string(o.unit, out);
  out += ",\"direction\":\"";
  out += model::to_string(o.direction);
  out += "\",\"value\":";
  append_number(o.value, out);
  out += o.failed ? ",\"failed\":true}\n" : ",\"failed\":false}\n";
}

void RecordWriter::append_csv(const model::Observation& o, std::string& out) {
  if (o.config != m_config) {
    m_config = o.config;
    m_config_text.clear();
    // Both lists are sorted by name: one merge pass.
    auto it = o.config->begin();
    for (const auto& s : m_settings) {
      m_config_text += ',';
      if (it != o.config->end() && it->first == s) {
        append_csv_field(it->second, m_config_text);
        ++it;
      }
    }
  }
  append_csv_field(*o.experiment, out);
  out += ',';
  append_csv_field(o.source, out);
  out += ',';
  append_csv_field(o.locator, out);
  out += m_config_text;
  out += ',';
  out += std::to_string(o.replicate);
  out += ',';
  append_csv_field(o.column, out);
  out += ',';
  out += model::to_string(o.kind);
  out += ',';
  append_csv_field(o.unit, out);
  out += ',';
  out += model::to_string(o.direction);
  out += ',';
  append_number(o.value, out);
  out += o.failed ? ",true\n" : ",false\n";
}

}  // namespace chimera::render
