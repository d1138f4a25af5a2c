#pragma once

#include <cstddef>
#include <cstdint>
#include <new>

namespace chimera::model::detail {

// Heap blocks for the small parts of a table that live as long as the corpus: PackedCodes' codes
// and a table's array of columns. A corpus of small Markdown tables holds about a million blocks
// of 8 to 40 bytes and a quarter of a million of about 200; malloc gives each a header, rounds
// the smallest up to 32 bytes, and mixes them with the parsers' short-lived blocks, whose holes
// then stay between them for good. Blocks up to k_pooled_bytes come instead from slabs of their
// own, one slab per size rounded up to 8 bytes, with no header; larger ones come from operator
// new. Freed small blocks are kept for reuse by blocks of the same size, never returned to the
// system. Thread-safe: a table is built on one thread and often freed on another.
inline constexpr std::size_t k_pooled_bytes = 512;

// `bytes` bytes, zeroed. Throws std::bad_alloc.
[[nodiscard]] std::uint8_t* allocate_block(std::size_t bytes);
// Frees a block from allocate_block(bytes), with the same `bytes`.
void free_block(std::uint8_t* block, std::size_t bytes) noexcept;

// A standard allocator over allocate_block(), for the column arrays of tables.
template <class T>
struct PoolAllocator {
  static_assert(alignof(T) <= 8, "pooled blocks are 8-byte aligned");
  using value_type = T;

  PoolAllocator() = default;
  // Implicit, as the allocator requirements ask.
  // NOLINTNEXTLINE(google-explicit-constructor)
  template <class U>
  PoolAllocator(const PoolAllocator<U>& /*other*/) noexcept {}

  [[nodiscard]] T* allocate(std::size_t count) {
    if (count > static_cast<std::size_t>(-1) / sizeof(T)) {
      throw std::bad_array_new_length();
    }
    return reinterpret_cast<T*>(allocate_block(count * sizeof(T)));
  }
  void deallocate(T* pointer, std::size_t count) noexcept {
    free_block(reinterpret_cast<std::uint8_t*>(pointer), count * sizeof(T));
  }

  template <class U>
  bool operator==(const PoolAllocator<U>& /*other*/) const noexcept {
    return true;
  }
};

}  // namespace chimera::model::detail
