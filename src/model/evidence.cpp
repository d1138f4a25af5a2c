#include "chimera/model/evidence.hpp"

#include <utility>

namespace chimera::model {

Evidence evidence_at(std::string source, std::string locator, const std::string& what) {
  Evidence e;
  e.text = source + locator;
  if (!what.empty()) {
    e.text += e.text.empty() ? what : ": " + what;
  }
  e.source = std::move(source);
  e.locator = std::move(locator);
  return e;
}

}  // namespace chimera::model
