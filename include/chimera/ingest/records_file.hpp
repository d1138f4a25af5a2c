#pragma once

#include <string>
#include <string_view>

#include "chimera/model/changes.hpp"
#include "chimera/util/result.hpp"

namespace chimera::ingest {

// Reads the records `chimera export` writes (JSON Lines, or CSV with its header) back into a
// Baseline: the values of runs that did not fail, of raw metrics with a direction, grouped by
// experiment, configuration and column. The format is told by the first character ('{' is JSON
// Lines). A malformed record fails with `where` = "<path>:<line>" and what is wrong with it.
// The result's path and generated_at are the caller's.
[[nodiscard]] Result<model::Baseline> parse_records(std::string_view text, const std::string& path);

// The kind or direction named as the export writes it ("throughput", "higher"), or nullopt.
[[nodiscard]] std::optional<model::MetricKind> metric_kind_named(std::string_view name);
[[nodiscard]] std::optional<model::Direction> direction_named(std::string_view name);

}  // namespace chimera::ingest
