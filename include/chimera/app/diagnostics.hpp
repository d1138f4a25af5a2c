#pragma once

#include <vector>

#include "chimera/model/config.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::app {

// Prints the input's warnings and errors on stderr as a compiler would (notes too under -v;
// nothing under -q), at most 20, then how many more the report lists.
void print_diagnostics(const model::Config& config, const std::vector<model::Diagnostic>& all);

}  // namespace chimera::app
