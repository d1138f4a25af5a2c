#pragma once

#include <cstddef>
#include <string>

namespace chimera::bench {

// Deterministic synthetic inputs shaped like the shared corpora (same seed, same bytes), of about
// `bytes` bytes each: a parameter-sweep CSV, a metrics.json with per-run records, a Markdown
// report with bullets and GFM tables.
[[nodiscard]] std::string sweep_csv(std::size_t bytes);
[[nodiscard]] std::string metrics_json(std::size_t bytes);
[[nodiscard]] std::string report_markdown(std::size_t bytes);

}  // namespace chimera::bench
