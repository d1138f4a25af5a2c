#pragma once

#include "chimera/app.hpp"
#include "chimera/model/config.hpp"

namespace chimera::app {

// `chimera export DIR [-o FILE] [--format jsonl|csv]`: discovers and ingests DIR as `analyze`
// does, then streams one record per measured value (render/export_records.hpp) to stdout or,
// atomically, to -o FILE. Exits 4 when DIR has nothing to read, 74 when the output fails.
[[nodiscard]] ExitCode export_command(const model::Config& config);

}  // namespace chimera::app
