#include "chimera/model/packed_codes.hpp"

#include <limits>
#include <stdexcept>

namespace chimera::model {

PackedCodes::PackedCodes(std::size_t size, unsigned width)
    : m_size(static_cast<std::uint32_t>(size)),
      m_width(static_cast<std::uint8_t>(width > k_max_packed_width ? 64 : width)) {
  if (size > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a table of more than 4294967295 rows");
  }
  if (bits() > 8 * sizeof(m_storage)) {
    m_storage.heap = new std::uint8_t[block_bytes()]();
    m_on_heap = true;
  }
}

PackedCodes::PackedCodes(const PackedCodes& other)
    : m_storage(other.m_storage),
      m_size(other.m_size),
      m_width(other.m_width),
      m_on_heap(other.m_on_heap) {
  if (m_on_heap) {
    m_storage.heap = new std::uint8_t[block_bytes()];
    std::memcpy(m_storage.heap, other.m_storage.heap, block_bytes());
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
    : m_storage(std::exchange(other.m_storage, {})),
      m_size(std::exchange(other.m_size, 0)),
      m_width(std::exchange(other.m_width, 0)),
      m_on_heap(std::exchange(other.m_on_heap, false)) {}

PackedCodes& PackedCodes::operator=(PackedCodes&& other) noexcept {
  if (this != &other) {
    release();
    m_storage = std::exchange(other.m_storage, {});
    m_size = std::exchange(other.m_size, 0);
    m_width = std::exchange(other.m_width, 0);
    m_on_heap = std::exchange(other.m_on_heap, false);
  }
  return *this;
}

PackedCodes::~PackedCodes() { release(); }

void PackedCodes::release() {
  if (m_on_heap) {
    delete[] m_storage.heap;
  }
  m_storage = {};
  m_size = 0;
  m_width = 0;
  m_on_heap = false;
}

}  // namespace chimera::model
