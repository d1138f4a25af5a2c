#pragma once

#include <optional>
#include <string_view>

#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// What a written unit measures. Each family has one canonical unit: ms, MiB, tok/s, %, tokens.
enum class UnitFamily : std::uint8_t { time, memory, throughput, percent, tokens };

// A recognised unit: its family, canonical unit and the factor that converts a value in it to the
// canonical unit (seconds -> ms is 1000).
struct Unit {
  UnitFamily family = UnitFamily::time;
  std::string_view canonical;
  double to_canonical = 1.0;
};

// Recognises a unit as written in a name or a cell, case-insensitive: "s", "sec", "seconds", "ms",
// "us", "µs", "ns", "min"; "B", "KB", "KiB", "MB", "MiB", "GB", "GiB"; "tok/s", "tokens/s", "t/s",
// "tps"; "%"; "tokens". nullopt for anything else.
[[nodiscard]] std::optional<Unit> parse_unit(std::string_view text);

// The canonical unit of a metric kind ("ms" for durations, "" for kinds without one).
[[nodiscard]] std::string_view canonical_unit(model::MetricKind kind);

}  // namespace chimera::ingest
