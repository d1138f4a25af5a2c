#include "chimera/ingest/records_file.hpp"

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

#include "records_csv.hpp"
#include "records_sink.hpp"

namespace chimera::ingest {
namespace {

constexpr std::string_view k_hint = "; give --baseline a file written by `chimera export`";

using Json = nlohmann::json;

std::optional<std::string> text_field(const Json& record, const char* name,
                                      std::string_view& into) {
  const auto it = record.find(name);
  if (it == record.end() || !it->is_string()) {
    return std::string("field \"") + name + "\" is missing or not a string";
  }
  into = it->get_ref<const std::string&>();
  return std::nullopt;
}

std::optional<std::string> read_json_record(const Json& record, detail::RecordFields& f) {
  if (!record.is_object()) {
    return "a record is a JSON object";
  }
  for (const char* name : {"experiment", "column", "kind", "unit", "direction"}) {
    std::string_view* into = name == std::string_view("experiment") ? &f.experiment
                             : name == std::string_view("column")   ? &f.column
                             : name == std::string_view("kind")     ? &f.kind
                             : name == std::string_view("unit")     ? &f.unit
                                                                    : &f.direction;
    if (auto problem = text_field(record, name, *into)) {
      return problem;
    }
  }
  const auto config = record.find("config");
  if (config == record.end() || !config->is_object()) {
    return "field \"config\" is missing or not an object";
  }
  for (const auto& [name, value] : config->items()) {
    if (!value.is_string()) {
      return "config \"" + name + "\" is not a string";
    }
    f.config.emplace_back(name, value.get<std::string>());
  }
  const auto value = record.find("value");
  if (value == record.end() || !(value->is_number() || value->is_null())) {
    return "field \"value\" is missing or not a number";
  }
  if (value->is_number()) {
    f.value = value->get<double>();
  }
  const auto failed = record.find("failed");
  if (failed == record.end() || !failed->is_boolean()) {
    return "field \"failed\" is missing or not true/false";
  }
  f.failed = failed->get<bool>();
  return std::nullopt;
}

Result<void> read_json_lines(std::string_view text, const std::string& path,
                             detail::RecordSink& sink) {
  std::size_t line = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    ++line;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view content = text.substr(start, end - start);
    start = end + 1;
    if (content.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    const std::string where = path + ":" + std::to_string(line);
    Json record = Json::parse(content, nullptr, false);
    if (record.is_discarded()) {
      return fail(ErrorCode::parse, "not a JSON object on one line" + std::string(k_hint), where);
    }
    detail::RecordFields fields;
    if (auto problem = read_json_record(record, fields)) {
      return fail(ErrorCode::parse, *problem + std::string(k_hint), where);
    }
    if (auto problem = sink.add(std::move(fields))) {
      return fail(ErrorCode::parse, *problem + std::string(k_hint), where);
    }
  }
  return {};
}

}  // namespace

std::optional<model::MetricKind> metric_kind_named(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(model::MetricKind::temperature); ++k) {
    const auto kind = static_cast<model::MetricKind>(k);
    if (model::to_string(kind) == name) {
      return kind;
    }
  }
  return std::nullopt;
}

std::optional<model::Direction> direction_named(std::string_view name) {
  for (const auto d : {model::Direction::none, model::Direction::higher, model::Direction::lower}) {
    if (model::to_string(d) == name) {
      return d;
    }
  }
  return std::nullopt;
}

Result<model::Baseline> parse_records(std::string_view text, const std::string& path) {
  detail::RecordSink sink;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  const bool json = first != std::string_view::npos && text[first] == '{';
  if (first == std::string_view::npos) {
    return fail(ErrorCode::parse, "holds no records" + std::string(k_hint), path);
  }
  auto read = json ? read_json_lines(text, path, sink) : detail::read_csv_records(text, path, sink);
  if (!read) {
    return tl::unexpected(read.error());
  }
  return sink.finish();
}

}  // namespace chimera::ingest
