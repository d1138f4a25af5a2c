#include "chimera/ingest/unique_names.hpp"

namespace chimera::ingest {

std::string UniqueNames::take(std::string candidate, std::string_view base) {
  if (m_taken.insert(candidate).second) {
    return candidate;
  }
  // Names are never given back, so every n below the one remembered is still taken.
  std::size_t& n = m_next.try_emplace(std::string(base), 2).first->second;
  for (;; ++n) {
    std::string variant = std::string(base) + m_prefix + std::to_string(n) + m_suffix;
    if (m_taken.insert(variant).second) {
      ++n;
      return variant;
    }
  }
}

}  // namespace chimera::ingest
