#pragma once

#include <string>
#include <string_view>

#include "chimera/util/result.hpp"

namespace chimera::llm {

// Normalises a host the way Ollama reads OLLAMA_HOST: "host", "host:port" and
// "scheme://host[:port][/path]" are accepted; without a scheme it is http, without a port it is
// 11434 (or the scheme's own port when a scheme was given); 0.0.0.0 means loopback.
// Returns "scheme://host:port[/path]" with no trailing slash.
[[nodiscard]] Result<std::string> normalize_host(std::string_view text);

}  // namespace chimera::llm
