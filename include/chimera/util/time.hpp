#pragma once

#include <cstdint>
#include <string>

namespace chimera::util {

// "2025-11-10T05:12:37Z" for Unix seconds, UTC.
[[nodiscard]] std::string iso8601_utc(std::int64_t unix_seconds);

}  // namespace chimera::util
