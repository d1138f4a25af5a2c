#pragma once

#include <cstddef>
#include <new>

namespace chimera::util {

// `bytes` bytes of zeroed memory mapped from the system on their own, page-aligned; throws
// std::bad_alloc when the system refuses. Meant for large transient buffers that must not stay
// behind in the malloc heap once freed.
[[nodiscard]] void* map_pages(std::size_t bytes);
// Returns memory from map_pages() to the system; `bytes` is the size it was mapped with.
void unmap_pages(void* pages, std::size_t bytes) noexcept;

// A standard allocator whose every allocation is map_pages(), every release unmap_pages(): a
// container that uses it gives its memory back to the system when it shrinks or dies, whatever
// malloc's thresholds are, and never leaves holes in the heap. Allocations round up to whole
// pages, so it suits a few large blocks, not many small ones.
template <class T>
struct PageAllocator {
  using value_type = T;

  PageAllocator() = default;
  // Implicit, as the allocator requirements ask: containers rebind it to their node types.
  // NOLINTNEXTLINE(google-explicit-constructor)
  template <class U>
  PageAllocator(const PageAllocator<U>& /*other*/) noexcept {}

  [[nodiscard]] T* allocate(std::size_t count) {
    if (count > static_cast<std::size_t>(-1) / sizeof(T)) {
      throw std::bad_array_new_length();
    }
    return static_cast<T*>(map_pages(count * sizeof(T)));
  }
  void deallocate(T* pointer, std::size_t count) noexcept {
    unmap_pages(pointer, count * sizeof(T));
  }

  template <class U>
  bool operator==(const PageAllocator<U>& /*other*/) const noexcept {
    return true;
  }
};

}  // namespace chimera::util
