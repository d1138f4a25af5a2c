#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace chimera::util {

// Parses a byte size: plain bytes ("1048576"), or a number with a decimal (kB, MB, GB) or binary
// (KiB, MiB, GiB) suffix, case-insensitive, optionally followed by "B" alone. nullopt if malformed.
[[nodiscard]] std::optional<std::uint64_t> parse_size(std::string_view text);

}  // namespace chimera::util
