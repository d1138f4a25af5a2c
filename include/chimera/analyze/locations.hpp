#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chimera/model/symbol.hpp"

namespace chimera::analyze {

// Where a set of runs is: the segments of its file's path, then, inside the file, the parts of
// a JSON pointer ("baseline", "individual_runs"), a Markdown table's heading, or the prefix of an
// arm of a wide JSON record. Locations of one experiment have the same number of segments.
struct Location {
  std::vector<model::Symbol> segments;  // interned: a corpus repeats the same few
  std::size_t in_file = 0;  // segments[in_file..] are inside the file
  bool heading = false;     // the in-file part is a Markdown heading, not a JSON pointer
};

// The location of a table: path segments, then the JSON pointer's parts (array indices are
// already "*" in a table's locator), or the Markdown heading when `heading` is not empty.
[[nodiscard]] Location make_location(std::string_view path, std::string_view pointer,
                                     std::string_view heading);

// A pattern that covers several locations: each segment is fixed, or varies with a fixed prefix
// and suffix around the part that varies ("sweeps/*_param_tuning.csv").
struct LocationPattern {
  struct Part {
    std::string prefix;  // the whole segment when fixed
    std::string suffix;
    bool varies = false;
  };
  std::vector<Part> parts;
  std::size_t in_file = 0;
  bool heading = false;
  // levels[v][i]: the varying text of the v-th varying part in the i-th location.
  std::vector<std::vector<std::string>> levels;
  // part_of[v]: the index in `parts` of the v-th varying part.
  std::vector<std::size_t> part_of;

  // "sweeps/*/gpu*_param_tuning.csv#/*/individual_runs"
  [[nodiscard]] std::string text() const;
};

// The pattern of locations that all have the same number of segments (and in-file split). A
// segment where they differ varies; its prefix and suffix are the longest common ones that end
// at a separator ('_', '-', '.', ' ' or the segment's end) and leave every location's varying
// text non-empty.
[[nodiscard]] LocationPattern common_pattern(std::span<const Location* const> locations);

// The word a varying part of a pattern is named after: the last word of its fixed prefix
// ("Configuration" in "Configuration *", "bs" in "bs_*"), else the fixed path segment before it
// ("models" in "models/*"); "" when there is neither.
[[nodiscard]] std::string part_context(const LocationPattern& pattern, std::size_t part);

// What the varying part of a location says about the runs under it.
struct ParsedLevels {
  // The levels only tell replicates apart: run numbers, ids, dates, versions of one run.
  bool replicate = false;
  std::string replicate_note;  // "run_N", "a date", "a number", "a version", "an id"
  // Otherwise, one or more settings and each level's value of them ("" when a level does not
  // set it): gpu80_ctx512 -> num_gpu = 80, num_ctx = 512.
  struct Setting {
    std::string name;
    std::vector<std::string> values;
  };
  std::vector<Setting> settings;
};

// Reads the levels of one varying part. `context` names what the part is, when known: the last
// word of its fixed prefix ("Configuration" in "Configuration 17") or the fixed segment before
// it ("models" in "models/*"). `in_file` says the part is inside a file (an arm: "baseline",
// "chimera"). Settings are named by canonical_setting; levels that name models, backends or
// quantizations are named so; any other is "variant" (or "arm" inside a file).
[[nodiscard]] ParsedLevels parse_levels(std::span<const std::string> levels,
                                        std::string_view context, bool in_file);

// The settings a fixed piece of a location spells ("_temp0p8", "backend-vllm", "bs=8"), when
// every word of it is a setting or a run number; nothing otherwise ("Demo_rust_agent_tr109").
[[nodiscard]] std::vector<std::pair<std::string, std::string>> settings_in(
    std::string_view literal);

// Whether a word of a level names a model: a model family ("llama3-8b", "qwen2.5-7b",
// "gemma3:270m"), a parameter count ("7b", "270m") or an Ollama tag.
[[nodiscard]] bool looks_like_model(std::string_view level);

// "0p8" -> "0.8", "512" -> "512": a number as a path writes it, or "" when it is not one.
[[nodiscard]] std::string path_number(std::string_view text);

}  // namespace chimera::analyze
