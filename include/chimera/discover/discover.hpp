#pragma once

#include <vector>

#include "chimera/model/config.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::discover {

// Classifies a file by its extension (case-insensitive): .csv/.tsv, .json/.jsonl/.ndjson,
// .md/.markdown; anything else is other.
[[nodiscard]] model::FileKind classify(const std::filesystem::path& path);

// Walks config.root recursively and returns every file sorted by path ('/'-separated,
// relative to the root) with its kind, size and modification time. Hidden entries (a name
// starting with '.', such as .git) are skipped; so are paths matched by the root's
// .chimeraignore (see IgnoreRules) or by config.exclude, and, when config.include is not empty,
// files it does not match. A symbolic link is followed only to a target inside the root; a link
// out of the root, a broken link, a link loop or an unreadable directory becomes a diagnostic.
// Files over config.max_file_size are returned marked skipped, and so are FIFOs, sockets and
// devices (listed so that the inventory names them; never opened). The walk never fails; after a
// cancel request (util::cancel_requested()) it stops early and the caller is expected to stop.
[[nodiscard]] std::vector<model::FileEntry> discover(const model::Config& config,
                                                     std::vector<model::Diagnostic>& diagnostics);

}  // namespace chimera::discover
