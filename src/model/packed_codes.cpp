#include "chimera/model/packed_codes.hpp"

#include <limits>
#include <stdexcept>

namespace chimera::model {

PackedCodes::PackedCodes(std::size_t size, unsigned width)
    : m_size(static_cast<std::uint32_t>(size)), m_width(static_cast<std::uint8_t>(width)) {
  if (size > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a table of more than 4294967295 rows");
  }
  if (size * width > 0) {
    m_bytes = std::make_unique<std::uint8_t[]>(size * width);
  }
}

PackedCodes::PackedCodes(const PackedCodes& other)
    : m_size(other.m_size), m_width(other.m_width) {
  if (other.m_bytes) {
    m_bytes = std::make_unique_for_overwrite<std::uint8_t[]>(other.memory_bytes());
    std::memcpy(m_bytes.get(), other.m_bytes.get(), other.memory_bytes());
  }
}

PackedCodes& PackedCodes::operator=(const PackedCodes& other) {
  if (this != &other) {
    PackedCodes copy(other);
    *this = std::move(copy);
  }
  return *this;
}

unsigned PackedCodes::width_for(std::uint64_t largest) {
  if (largest == 0) {
    return 0;
  }
  if (largest <= UINT8_MAX) {
    return 1;
  }
  if (largest <= UINT16_MAX) {
    return 2;
  }
  return largest <= UINT32_MAX ? 4 : 8;
}

}  // namespace chimera::model
