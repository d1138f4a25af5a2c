#pragma once

#include <vector>

#include "chimera/model/config.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// Reads every discovered file that is not skipped, records its content hash and parses it into
// tables. A file that cannot be read or parsed becomes a diagnostic; the run goes on.
[[nodiscard]] model::Corpus ingest(const model::Config& config, std::vector<model::FileEntry> files,
                                   std::vector<model::Diagnostic> diagnostics);

}  // namespace chimera::ingest
