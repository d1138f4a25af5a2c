#include "chimera/model/packed_codes.hpp"

#include <limits>
#include <stdexcept>

namespace chimera::model {

PackedCodes::PackedCodes(std::size_t size, unsigned width)
    : m_size(static_cast<std::uint32_t>(size)), m_width(static_cast<std::uint8_t>(width)) {
  if (size > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a table of more than 4294967295 rows");
  }
  if (!is_inline()) {
    m_storage.heap = new std::uint8_t[memory_bytes()]();
  }
}

PackedCodes::PackedCodes(const PackedCodes& other)
    : m_storage(other.m_storage), m_size(other.m_size), m_width(other.m_width) {
  if (!is_inline()) {
    m_storage.heap = new std::uint8_t[memory_bytes()];
    std::memcpy(m_storage.heap, other.m_storage.heap, memory_bytes());
  }
}

PackedCodes& PackedCodes::operator=(const PackedCodes& other) {
  if (this != &other) {
    PackedCodes copy(other);
    *this = std::move(copy);
  }
  return *this;
}

PackedCodes::PackedCodes(PackedCodes&& other) noexcept
    : m_storage(other.m_storage), m_size(other.m_size), m_width(other.m_width) {
  other.m_storage = {};
  other.m_size = 0;
  other.m_width = 0;
}

PackedCodes& PackedCodes::operator=(PackedCodes&& other) noexcept {
  if (this != &other) {
    release();
    m_storage = std::exchange(other.m_storage, {});
    m_size = std::exchange(other.m_size, 0);
    m_width = std::exchange(other.m_width, 0);
  }
  return *this;
}

PackedCodes::~PackedCodes() { release(); }

void PackedCodes::release() {
  if (!is_inline()) {
    delete[] m_storage.heap;
  }
  m_storage = {};
  m_size = 0;
  m_width = 0;
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
