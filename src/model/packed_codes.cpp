#include "chimera/model/packed_codes.hpp"

#include "chimera/model/block_pool.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace chimera::model {

PackedCodes::PackedCodes(std::size_t size, unsigned width, std::size_t tail_bytes)
    : m_size(static_cast<std::uint32_t>(size)),
      m_width(static_cast<std::uint8_t>(width > k_max_packed_width ? 64 : width)),
      m_has_tail(tail_bytes > 0) {
  if (size > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a table of more than 4294967295 rows");
  }
  if (tail_bytes > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a column of more than 4 GiB of distinct values");
  }
  if (m_has_tail || bits() > 8 * sizeof(m_storage)) {
    m_on_heap = true;
    m_storage.heap = detail::allocate_block(block_bytes(tail_bytes));
    if (m_has_tail) {
      const auto size32 = static_cast<std::uint32_t>(tail_bytes);
      std::memcpy(m_storage.heap + tail_offset() - sizeof size32, &size32, sizeof size32);
    }
  }
}

PackedCodes::PackedCodes(const PackedCodes& other)
    : m_storage(other.m_storage),
      m_size(other.m_size),
      m_width(other.m_width),
      m_on_heap(other.m_on_heap),
      m_has_tail(other.m_has_tail),
      m_tag(other.m_tag) {
  if (m_on_heap) {
    const std::size_t bytes = other.block_bytes(other.tail_bytes());
    m_storage.heap = detail::allocate_block(bytes);
    std::memcpy(m_storage.heap, other.m_storage.heap, bytes);
  }
}

PackedCodes& PackedCodes::operator=(const PackedCodes& other) {
  if (this != &other) {
    PackedCodes copy(other);
    swap(copy);
  }
  return *this;
}

PackedCodes::PackedCodes(PackedCodes&& other) noexcept { swap(other); }

PackedCodes& PackedCodes::operator=(PackedCodes&& other) noexcept {
  PackedCodes moved(std::move(other));
  swap(moved);
  return *this;
}

PackedCodes::~PackedCodes() {
  if (m_on_heap) {
    detail::free_block(m_storage.heap, block_bytes(tail_bytes()));
  }
}

void PackedCodes::swap(PackedCodes& other) noexcept {
  std::swap(m_storage, other.m_storage);
  std::swap(m_size, other.m_size);
  std::swap(m_width, other.m_width);
  std::swap(m_on_heap, other.m_on_heap);
  std::swap(m_has_tail, other.m_has_tail);
  std::swap(m_tag, other.m_tag);
}

std::size_t PackedCodes::tail_bytes() const {
  if (!m_has_tail) {
    return 0;
  }
  std::uint32_t size;
  std::memcpy(&size, m_storage.heap + tail_offset() - sizeof size, sizeof size);
  return size;
}

std::size_t PackedCodes::block_bytes(std::size_t tail_bytes) const {
  // Room for the 8-byte load of the last code, which starts at the byte holding its first bit
  // (the block's start when there are no code bytes: width 0 before a tail).
  const std::size_t last = m_size == 0 ? 0 : static_cast<std::size_t>(m_size - 1) * m_width / 8;
  const std::size_t loaded = last + sizeof(std::uint64_t);
  return m_has_tail ? std::max(loaded, tail_offset() + tail_bytes) : loaded;
}

}  // namespace chimera::model
