#pragma once

#include <cstddef>
#include <string_view>

namespace chimera::util {

// How deep chimera lets JSON nest, in files and in a server's answers. Benchmark artifacts nest
// a handful of levels; the limit keeps every walk of a document shallow whatever the input
// (serde_json's default is the same).
inline constexpr std::size_t k_max_json_depth = 128;

// The offset of the first '[' or '{' outside strings at which `text` nests deeper than
// `max_depth` arrays and objects, or npos when it never does. One pass, no recursion; the text
// need not be valid JSON (an unterminated string ends the scan).
[[nodiscard]] std::size_t json_depth_exceeded_at(std::string_view text,
                                                 std::size_t max_depth = k_max_json_depth);

}  // namespace chimera::util
