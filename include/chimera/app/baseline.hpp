#pragma once

#include "chimera/model/changes.hpp"
#include "chimera/model/config.hpp"
#include "chimera/util/result.hpp"

namespace chimera::app {

// Loads --baseline: a directory is discovered, ingested and planned as `analyze` would (with
// the run's --include, --exclude, --max-file-size and --jobs), a file is read as the records of
// `chimera export`. generated_at is the newest modification time of what was read. Fails, naming
// the path (and line), when the directory has nothing to analyse or the file is not records.
[[nodiscard]] Result<model::Baseline> load_baseline(const model::Config& config);

}  // namespace chimera::app
