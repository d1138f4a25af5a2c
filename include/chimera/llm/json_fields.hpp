#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace chimera::llm {

// A server's JSON text parsed, or a discarded value when it is not JSON or nests deeper than
// util::k_max_json_depth (nlohmann's serialiser recurses once per level: an 8 MiB line of '['
// would exhaust the stack when an error is quoted).
[[nodiscard]] nlohmann::json parse_server_json(std::string_view text);

// Readers for optional members of a server's JSON: absent, null or of the wrong type is unset,
// so a missing field stays unknown instead of becoming zero.
[[nodiscard]] std::optional<double> number_field(const nlohmann::json& object,
                                                 std::string_view key);
[[nodiscard]] std::optional<std::int64_t> integer_field(const nlohmann::json& object,
                                                        std::string_view key);
[[nodiscard]] std::optional<std::string> string_field(const nlohmann::json& object,
                                                      std::string_view key);

// The text of an "error" member: a string, or an object's "message", or the JSON itself.
[[nodiscard]] std::string error_text(const nlohmann::json& error);

// `text` cut to `limit` bytes on a character boundary, with "..." when cut; for messages.
[[nodiscard]] std::string excerpt(std::string_view text, std::size_t limit = 80);

}  // namespace chimera::llm
