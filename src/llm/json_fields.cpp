#include "chimera/llm/json_fields.hpp"

#include <cmath>

#include "chimera/util/json_depth.hpp"

namespace chimera::llm {
namespace {

const nlohmann::json* member(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) {
    return nullptr;
  }
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

}  // namespace

nlohmann::json parse_server_json(std::string_view text) {
  if (util::json_depth_exceeded_at(text) != std::string_view::npos) {
    return nlohmann::json(nlohmann::json::value_t::discarded);
  }
  return nlohmann::json::parse(text, nullptr, false);
}

std::optional<double> number_field(const nlohmann::json& object, std::string_view key) {
  const auto* value = member(object, key);
  if (value == nullptr || !value->is_number()) {
    return std::nullopt;
  }
  const double number = value->get<double>();
  return std::isfinite(number) ? std::optional<double>(number) : std::nullopt;
}

std::optional<std::int64_t> integer_field(const nlohmann::json& object, std::string_view key) {
  const auto* value = member(object, key);
  if (value == nullptr || !value->is_number()) {
    return std::nullopt;
  }
  if (value->is_number_integer()) {
    return value->get<std::int64_t>();
  }
  const double number = value->get<double>();
  if (!std::isfinite(number) || number < -9e18 || number > 9e18) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(std::llround(number));
}

std::optional<std::string> string_field(const nlohmann::json& object, std::string_view key) {
  const auto* value = member(object, key);
  if (value == nullptr || !value->is_string()) {
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::string error_text(const nlohmann::json& error) {
  if (error.is_string()) {
    return error.get<std::string>();
  }
  if (auto message = string_field(error, "message")) {
    return *message;
  }
  return error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string excerpt(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) {
    return std::string(text);
  }
  std::size_t cut = limit;
  // Back off continuation bytes (10xxxxxx) so the excerpt stays valid UTF-8.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace chimera::llm
