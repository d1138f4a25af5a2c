#pragma once

#include <string_view>
#include <vector>

namespace chimera::prompt {

// One persona prompt compiled into the binary from prompts/NAME.md.
struct BuiltinPrompt {
  std::string_view name;
  std::string_view text;
};

// The prompts embedded at build time, sorted by name.
[[nodiscard]] const std::vector<BuiltinPrompt>& builtin_prompts();

}  // namespace chimera::prompt
