#pragma once

#include <optional>
#include <string_view>

#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// What a written unit measures. Each family has one canonical unit: ms, MiB, tok/s, %, tokens, °C.
enum class UnitFamily : std::uint8_t { time, memory, throughput, percent, tokens, temperature };

// A recognised unit: its family, canonical unit and the factor that converts a value in it to the
// canonical unit (seconds -> ms is 1000).
struct Unit {
  UnitFamily family = UnitFamily::time;
  std::string_view canonical;
  double to_canonical = 1.0;
};

// Recognises a unit as written in a name or a cell, case-insensitive: "s", "sec", "seconds", "ms",
// "us", "µs", "ns", "min", and Nsight Compute's "nsecond", "usecond", "msecond"; "B", "byte",
// "bytes", "KB", "Kbyte", "KiB", "MB", "Mbyte", "MiB", "GB", "Gbyte", "GiB"; "tok/s", "tokens/s",
// "t/s", "tps"; "%"; "tokens"; "°C", "celsius". nullopt for anything else.
[[nodiscard]] std::optional<Unit> parse_unit(std::string_view text);

// Whether `text` reads as a unit, converted or not: one parse_unit knows, a unit kept as written
// (a count such as "cycle" or "inst", "x", "W", "J", "MHz", "C"), or units joined by '/' or
// " per " ("tok/s per GB", "Kbyte/second", "inst/cycle"). Used on bracketed parts of names and on
// the cells of a units row, never per value.
[[nodiscard]] bool is_unit_text(std::string_view text);

// The canonical unit of a metric kind ("ms" for durations, "x" for a speedup, "" for kinds
// without one; a delta's is its base kind's).
[[nodiscard]] std::string_view canonical_unit(model::MetricKind kind);

}  // namespace chimera::ingest
