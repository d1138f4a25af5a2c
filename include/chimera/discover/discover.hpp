#pragma once

#include <vector>

#include "chimera/model/config.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::discover {

// Classifies a file by its extension (case-insensitive): .csv/.tsv, .json/.jsonl/.ndjson,
// .md/.markdown; anything else is other.
[[nodiscard]] model::FileKind classify(const std::filesystem::path& path);

// Walks config.root recursively in path order, skipping hidden entries, and returns every regular
// file with its kind, size and modification time. Files over config.max_file_size are returned
// marked skipped. Anything that cannot be read becomes a diagnostic, never a failure of the walk.
[[nodiscard]] std::vector<model::FileEntry> discover(const model::Config& config,
                                                     std::vector<model::Diagnostic>& diagnostics);

}  // namespace chimera::discover
