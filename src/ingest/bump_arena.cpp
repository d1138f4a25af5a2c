#include "chimera/ingest/bump_arena.hpp"

#include <sanitizer/asan_interface.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

namespace chimera::ingest {
namespace {

// BumpArena::k_header, for the helpers below.
constexpr std::size_t k_header = alignof(std::max_align_t);

void poison(const std::byte* begin, std::size_t bytes) {
  ASAN_POISON_MEMORY_REGION(begin, bytes);
  (void)begin;
  (void)bytes;
}

void unpoison(const std::byte* begin, std::size_t bytes) {
  ASAN_UNPOISON_MEMORY_REGION(begin, bytes);
  (void)begin;
  (void)bytes;
}

std::size_t size_of(const std::byte* payload) {
  const std::byte* header = payload - k_header;
  unpoison(header, sizeof(std::size_t));
  std::size_t size = 0;
  std::memcpy(&size, header, sizeof size);
  poison(header, sizeof(std::size_t));
  return size;
}

void set_size(std::byte* payload, std::size_t size) {
  std::byte* header = payload - k_header;
  unpoison(header, sizeof(std::size_t));
  std::memcpy(header, &size, sizeof size);
  poison(header, sizeof(std::size_t));
}

}  // namespace

BumpArena::BumpArena(std::size_t block_size, std::size_t retained)
    : m_block_size(std::max(block_size, 4 * BumpArena::k_header)), m_retained(retained) {}

BumpArena::~BumpArena() {
  for (const auto& block : m_blocks) {
    unpoison(block.data, block.size);
    std::free(block.data);
  }
}

void BumpArena::move_to_block_with_room(std::size_t bytes) {
  // Blocks after the current one are empty: they were kept by reset().
  while (!m_blocks.empty() && m_current + 1 < m_blocks.size()) {
    const Block& next = m_blocks[++m_current];
    m_cursor = next.data;
    m_end = next.data + next.size;
    if (next.size >= bytes) {
      return;
    }
  }
  Block block;
  block.size = std::max(m_block_size, bytes);
  block.data = static_cast<std::byte*>(std::malloc(block.size));
  if (block.data == nullptr) {
    throw std::bad_alloc();
  }
  poison(block.data, block.size);
  m_blocks.push_back(block);
  m_current = m_blocks.size() - 1;
  m_cursor = block.data;
  m_end = block.data + block.size;
}

void* BumpArena::allocate_slow(std::size_t bytes) {
  const std::size_t need = k_header + capacity_for(bytes);
  if (static_cast<std::size_t>(m_end - m_cursor) < need) {
    move_to_block_with_room(need);
  }
  std::byte* payload = m_cursor + k_header;
  m_cursor += need;
  set_size(payload, bytes);
  unpoison(payload, bytes);
  std::memset(payload, 0, bytes);
  m_last = payload;
  return payload;
}

void* BumpArena::reallocate(void* ptr, std::size_t bytes) {
  auto* old = static_cast<std::byte*>(ptr);
  if (old == nullptr) {
    return allocate(bytes);
  }
  const std::size_t old_size = size_of(old);
  const std::size_t old_capacity = capacity_for(old_size);
  // Shrinking, growing into the padding, or growing the latest allocation into the free rest of
  // its block: no copy.
  if (old == m_last && static_cast<std::size_t>(m_end - old) >= capacity_for(bytes)) {
    m_cursor = old + capacity_for(bytes);
  } else if (bytes > old_capacity) {
    void* moved = allocate(bytes);
    std::memcpy(moved, old, old_size);
    // The old copy stays where it is until reset(): it is no longer the latest allocation.
    poison(old, old_capacity);
    return moved;
  }
  poison(old, old_capacity);
  unpoison(old, bytes);
  set_size(old, bytes);
  return old;
}

void BumpArena::release_poisoned(void* ptr) {
  auto* payload = static_cast<std::byte*>(ptr);
  if (payload == nullptr) {
    return;
  }
  poison(payload, capacity_for(size_of(payload)));
  if (payload == m_last) {
    m_cursor = payload - k_header;
    m_last = nullptr;
  }
}

void BumpArena::reset() {
  std::size_t kept = 0;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < m_blocks.size(); ++i) {
    const Block block = m_blocks[i];
    if (i <= m_current) {
      poison(block.data, block.size);
    }
    if (bytes + block.size <= m_retained) {
      bytes += block.size;
      m_blocks[kept++] = block;
    } else {
      unpoison(block.data, block.size);
      std::free(block.data);
    }
  }
  m_blocks.resize(kept);
  m_current = 0;
  m_cursor = m_blocks.empty() ? nullptr : m_blocks[0].data;
  m_end = m_blocks.empty() ? nullptr : m_blocks[0].data + m_blocks[0].size;
  m_last = nullptr;
}

std::size_t BumpArena::bytes_used() const {
  std::size_t used = 0;
  for (std::size_t i = 0; i < m_current && i < m_blocks.size(); ++i) {
    used += m_blocks[i].size;
  }
  if (m_current < m_blocks.size()) {
    used += static_cast<std::size_t>(m_cursor - m_blocks[m_current].data);
  }
  return used;
}

std::size_t BumpArena::bytes_reserved() const {
  std::size_t reserved = 0;
  for (const auto& block : m_blocks) {
    reserved += block.size;
  }
  return reserved;
}

}  // namespace chimera::ingest
