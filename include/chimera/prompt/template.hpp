#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "chimera/util/result.hpp"

namespace chimera::prompt {

// A persona prompt and where it came from, for error messages.
struct PromptText {
  std::string name;    // "analysis", "report", "system"
  std::string origin;  // "prompts/analysis.md (built in)" or the override's path
  std::string text;
};

// The placeholders a prompt may use. Any other {{name}} is an error.
inline constexpr std::string_view k_placeholders[] = {
    "evidence", "corpus", "findings", "statistics", "analysis", "model",
};

using Values = std::map<std::string, std::string, std::less<>>;

// The prompt NAME: DIR/NAME.md when `dir` is set and holds it, else the built-in one.
// Fails when neither exists or the override cannot be read.
[[nodiscard]] Result<PromptText> load_prompt(std::string_view name,
                                             const std::optional<std::filesystem::path>& dir);

// Replaces each {{name}} (spaces inside the braces allowed) with values[name]. An unknown name,
// or a known one missing from `values`, fails naming the prompt's origin and line.
[[nodiscard]] Result<std::string> fill(const PromptText& prompt, const Values& values);

// Fails like fill() when `prompt` uses an unknown placeholder; checks without values.
[[nodiscard]] Result<void> validate(const PromptText& prompt);

}  // namespace chimera::prompt
