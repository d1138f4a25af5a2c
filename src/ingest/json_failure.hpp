#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "json_document.hpp"

namespace chimera::ingest {

// Whether the object at `index` says that what it holds failed, as "what: why"
// ("results.torch_compile.error: CUDA out of memory"), else "". It says so with a member
// `error`, `error_message`, `exception`, `traceback`, `failure`, ... that holds anything (not
// null, "", "none", "ok", false, 0, {} or []), whose message an object gives in `message`,
// `msg`, `detail` or `type`; a `status`, `state` or `outcome` that status_means_failure; or
// `success: false`. `name` is the object's dotted name ("" for a record or the document).
[[nodiscard]] std::string failure_of(const JsonDocument& document, std::uint32_t index,
                                     std::string_view name);

}  // namespace chimera::ingest
