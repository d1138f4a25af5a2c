#include "chimera/app/diagnostics.hpp"

#include <cstdio>

namespace chimera::app {

// A nightly script's log shows the input's problems; the report lists them all.
void print_diagnostics(const model::Config& config, const std::vector<model::Diagnostic>& all) {
  constexpr std::size_t k_most = 20;
  if (config.quiet) {
    return;
  }
  std::size_t shown = 0;
  std::size_t held_back = 0;
  for (const auto& d : all) {
    if (d.severity == model::Severity::info && !config.verbose) {
      continue;
    }
    if (shown == k_most) {
      ++held_back;
      continue;
    }
    std::fprintf(stderr, "%s\n", model::format_diagnostic(d).c_str());
    ++shown;
  }
  if (held_back > 0) {
    std::fprintf(stderr, "chimera: note: %zu more diagnostics are listed in the report\n",
                 held_back);
  }
}

}  // namespace chimera::app
