#pragma once

#include <string>
#include <string_view>

namespace chimera::util {

// A 128-bit non-cryptographic content digest (two independent FNV-1a 64 lanes) as 32 hex
// digits: enough to tell duplicate files apart in a corpus, not for security.
[[nodiscard]] std::string content_hash(std::string_view bytes);

}  // namespace chimera::util
