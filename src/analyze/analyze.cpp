#include "chimera/analyze/analyze.hpp"

#include "chimera/analyze/inventory.hpp"

namespace chimera::analyze {

model::Analysis analyze(const model::Corpus& corpus) {
  model::Analysis analysis;
  analysis.inventory = take_inventory(corpus);
  return analysis;
}

}  // namespace chimera::analyze
