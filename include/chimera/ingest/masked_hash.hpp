#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace chimera::ingest {

// Files larger than this get no masked hash: near-duplicates are digests and reports, and
// masking a large data file would cost a pass for a match that is never there.
inline constexpr std::size_t k_masked_hash_max_bytes = std::size_t{1} << 20;

// `text` with what changes from one generation of a file to the next replaced by '#': dates and
// times ("2026-12-07T19:23:19.5Z", "19:23:19"), UUIDs, hex ids of 12 or more digits (a git
// commit, a digest), Unix times in ms, us or ns, and the rest of a line whose key says it is
// such a value ("generated_at:", "Generated:", "\"run_id\": ", "timestamp=", "start_time:"). Numbers that are
// measurements are kept: two runs that differ in one value stay different.
[[nodiscard]] std::string mask_volatile(std::string_view text);

// content_hash of mask_volatile(text), or "" when the text is over k_masked_hash_max_bytes.
[[nodiscard]] std::string masked_hash(std::string_view text);

}  // namespace chimera::ingest
