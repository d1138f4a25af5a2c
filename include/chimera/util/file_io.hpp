#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "chimera/util/result.hpp"

namespace chimera::util {

// Reads a whole file as bytes.
[[nodiscard]] Result<std::string> read_file(const std::filesystem::path& path);

// Writes `content` to a temporary file beside `path`, then renames it over `path`, so a reader
// never sees a half-written file and a failure leaves no temporary behind.
[[nodiscard]] Result<void> write_file_atomically(const std::filesystem::path& path,
                                                 std::string_view content);

}  // namespace chimera::util
