#pragma once

#include <cstddef>
#include <cstring>
#include <vector>

// Under AddressSanitizer every allocation goes through the out-of-line path, which poisons.
#if defined(__SANITIZE_ADDRESS__)
#define CHIMERA_ARENA_POISONS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHIMERA_ARENA_POISONS 1
#endif
#endif

namespace chimera::ingest {

// A bump allocator: allocations are carved from large blocks one after another and are all
// released at once by reset(), which keeps blocks for the next round. It backs cmark-gfm, which
// otherwise calls malloc and free once per node and per inline. Not thread-safe: one per thread.
// Under AddressSanitizer, memory that is not currently allocated is poisoned, so a read after
// reset() or past the end of an allocation is reported as it would be with malloc.
class BumpArena {
 public:
  static constexpr std::size_t k_default_block_size = std::size_t{1} << 20;
  // A Markdown file of 100 KB takes about 5 MB of cmark nodes. Kept from file to file, each
  // thread's largest round stayed allocated to the end of ingest (and the main thread's after
  // it); freed, the blocks go back to malloc, which hands them to the next round or the corpus.
  static constexpr std::size_t k_default_retained = std::size_t{1} << 20;

  // Blocks are `block_size` bytes unless an allocation needs more; reset() keeps up to
  // `retained` bytes of blocks and frees the rest.
  explicit BumpArena(std::size_t block_size = k_default_block_size,
                     std::size_t retained = k_default_retained);
  ~BumpArena();
  BumpArena(const BumpArena&) = delete;
  BumpArena& operator=(const BumpArena&) = delete;

  // `bytes` zeroed bytes aligned for any type, like calloc; never null (throws std::bad_alloc).
  // Inline: cmark asks for memory several times per inline.
  [[nodiscard]] void* allocate(std::size_t bytes) {
#if !defined(CHIMERA_ARENA_POISONS)
    const std::size_t need = k_header + capacity_for(bytes);
    if (static_cast<std::size_t>(m_end - m_cursor) >= need) {
      std::memcpy(m_cursor, &bytes, sizeof bytes);
      std::byte* payload = m_cursor + k_header;
      m_cursor += need;
      std::memset(payload, 0, bytes);
      m_last = payload;
      return payload;
    }
#endif
    return allocate_slow(bytes);
  }
  // Like realloc: `bytes` bytes that begin with the first bytes of `ptr` (which may be null),
  // grown in place when `ptr` is the latest allocation. Bytes past the old size are unspecified.
  [[nodiscard]] void* reallocate(void* ptr, std::size_t bytes);
  // Gives back the latest allocation's memory; any other pointer stays allocated until reset().
  void release(void* ptr) {
#if !defined(CHIMERA_ARENA_POISONS)
    if (ptr != nullptr && ptr == m_last) {
      m_cursor = m_last - k_header;
      m_last = nullptr;
    }
#else
    release_poisoned(ptr);
#endif
  }
  // Ends every allocation made since the last reset.
  void reset();

  // Bytes taken from blocks since the last reset: allocations with their headers, and the
  // unused ends of blocks left for a larger one.
  [[nodiscard]] std::size_t bytes_used() const;
  // Bytes of blocks held from the system.
  [[nodiscard]] std::size_t bytes_reserved() const;

 private:
  // Each allocation is preceded by a header holding its size, which realloc needs. Under ASan
  // the header stays poisoned, so it doubles as a red zone between neighbouring allocations.
  static constexpr std::size_t k_align = alignof(std::max_align_t);
  static constexpr std::size_t k_header = k_align;
  static constexpr std::size_t capacity_for(std::size_t bytes) {
    return bytes == 0 ? k_align : (bytes + k_align - 1) & ~(k_align - 1);
  }

  void* allocate_slow(std::size_t bytes);
  void release_poisoned(void* ptr);

  struct Block {
    std::byte* data = nullptr;
    std::size_t size = 0;
  };

  // Makes the current block one with `bytes` free bytes at m_cursor.
  void move_to_block_with_room(std::size_t bytes);

  std::vector<Block> m_blocks;
  std::size_t m_current = 0;    // index in m_blocks of the block m_cursor points into
  std::byte* m_cursor = nullptr;  // next free byte of the current block
  std::byte* m_end = nullptr;     // end of the current block
  std::byte* m_last = nullptr;    // payload of the latest allocation, which can grow or shrink
  std::size_t m_block_size;
  std::size_t m_retained;
};

}  // namespace chimera::ingest
