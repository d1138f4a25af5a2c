#include "chimera/model/block_pool.hpp"

#include <sanitizer/asan_interface.h>

#include <array>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

namespace chimera::model::detail {
namespace {

constexpr std::size_t k_granule = 8;
constexpr std::size_t k_classes = k_pooled_bytes / k_granule;
constexpr std::size_t k_slab_bytes = std::size_t{64} << 10;

// One size class: blocks of `size` bytes carved from slabs, and a list of freed ones threaded
// through their first 8 bytes. Free blocks are poisoned under ASan, and a live block is
// addressable for exactly the bytes asked for, so an overrun is still caught.
struct SizeClass {
  std::mutex mutex;
  std::uint8_t* free = nullptr;
  std::uint8_t* cursor = nullptr;
  std::uint8_t* end = nullptr;
};

struct Pool {
  std::array<SizeClass, k_classes> classes;
  std::mutex slabs_mutex;
  std::vector<std::uint8_t*> slabs;  // kept so that the blocks stay reachable, for leak checkers
};

Pool& pool() {
  // Never destroyed: tables may be freed during static destruction, after a pool would be.
  static Pool* instance = new Pool;
  return *instance;
}

std::uint8_t* new_slab(Pool& p) {
  auto* slab = static_cast<std::uint8_t*>(::operator new(k_slab_bytes));
  ASAN_POISON_MEMORY_REGION(slab, k_slab_bytes);
  const std::lock_guard lock(p.slabs_mutex);
  try {
    p.slabs.push_back(slab);
  } catch (...) {
    ::operator delete(slab);
    throw;
  }
  return slab;
}

}  // namespace

std::uint8_t* allocate_block(std::size_t bytes) {
  if (bytes > k_pooled_bytes || bytes == 0) {
    return new std::uint8_t[bytes]();
  }
  const std::size_t index = (bytes - 1) / k_granule;
  const std::size_t size = (index + 1) * k_granule;
  Pool& p = pool();
  SizeClass& c = p.classes[index];
  std::uint8_t* block = nullptr;
  {
    const std::lock_guard lock(c.mutex);
    if (c.free != nullptr) {
      block = c.free;
      ASAN_UNPOISON_MEMORY_REGION(block, sizeof c.free);
      std::memcpy(&c.free, block, sizeof c.free);
    } else {
      if (c.cursor == c.end) {
        c.cursor = new_slab(p);
        c.end = c.cursor + k_slab_bytes / size * size;
      }
      block = c.cursor;
      c.cursor += size;
    }
  }
  ASAN_UNPOISON_MEMORY_REGION(block, bytes);
  std::memset(block, 0, bytes);
  return block;
}

void free_block(std::uint8_t* block, std::size_t bytes) noexcept {
  if (bytes > k_pooled_bytes || bytes == 0) {
    delete[] block;
    return;
  }
  const std::size_t index = (bytes - 1) / k_granule;
  SizeClass& c = pool().classes[index];
  const std::lock_guard lock(c.mutex);
  ASAN_UNPOISON_MEMORY_REGION(block, sizeof c.free);
  std::memcpy(block, &c.free, sizeof c.free);
  ASAN_POISON_MEMORY_REGION(block, (index + 1) * k_granule);
  c.free = block;
}

}  // namespace chimera::model::detail
