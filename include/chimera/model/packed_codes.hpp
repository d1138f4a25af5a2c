#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

namespace chimera::model {

// Unsigned integer codes, one per row, each stored in the fewest bits (0 to 56, or 64) that hold
// the largest code, back to back. Width 0 means every code is 0. The storage of Numbers and
// Texts, 16 bytes itself: a corpus of small Markdown tables holds millions of them. Up to 64 bits
// of codes (a one-row scalar, a short column of small codes) live inside the object, with no heap
// block at all; a heap block comes from block_pool.hpp and is only as long as the last code's
// 8-byte load needs. The owner may keep more in the same heap block, after the codes (a tail:
// Texts' dictionary, Numbers' values set aside), and one byte of its own in the object (a tag),
// so that it needs no fields or allocations of its own.
class PackedCodes {
 public:
  // Widths above this become 64: a code is read with one unaligned 8-byte load, shifted by up
  // to 7 bits, so a narrower code never spans nine bytes.
  static constexpr unsigned k_max_packed_width = 56;

  PackedCodes() = default;
  // Room for `size` codes of `width` bits (0 to 64; 57 to 63 become 64), all 0, and for a tail of
  // `tail_bytes` bytes (0 for none), all 0. Throws std::length_error past 2^32 rows or a 4 GiB
  // tail.
  PackedCodes(std::size_t size, unsigned width, std::size_t tail_bytes = 0);
  PackedCodes(const PackedCodes& other);
  PackedCodes& operator=(const PackedCodes& other);
  PackedCodes(PackedCodes&& other) noexcept;
  PackedCodes& operator=(PackedCodes&& other) noexcept;
  ~PackedCodes();

  // `size` codes of `width` bits, code i being `code_at(i)`, called once per row in row order,
  // and a tail of `tail_bytes` zeros. Every code must fit the width. Much faster than set() row
  // by row.
  template <typename CodeAt>
  [[nodiscard]] static PackedCodes generate(std::size_t size, unsigned width, CodeAt code_at,
                                            std::size_t tail_bytes = 0);

  // The width, in bits, needed to store `largest`: 0 to 56, or 64.
  [[nodiscard]] static unsigned width_for(std::uint64_t largest) {
    const auto bits = static_cast<unsigned>(std::bit_width(largest));
    return bits > k_max_packed_width ? 64 : bits;
  }

  [[nodiscard]] std::size_t size() const { return m_size; }
  [[nodiscard]] unsigned width() const { return m_width; }
  // Bytes of codes, held inline or on the heap.
  [[nodiscard]] std::size_t memory_bytes() const { return (bits() + 7) / 8; }
  // Heap bytes held, tail included: 0 when the codes fit inline and there is no tail.
  [[nodiscard]] std::size_t heap_bytes() const {
    return m_on_heap ? block_bytes(tail_bytes()) : 0;
  }

  [[nodiscard]] bool has_tail() const { return m_has_tail; }
  // The tail, 4-byte aligned; null when there is none.
  [[nodiscard]] std::uint8_t* tail() {
    return m_has_tail ? m_storage.heap + tail_offset() : nullptr;
  }
  [[nodiscard]] const std::uint8_t* tail() const {
    return m_has_tail ? m_storage.heap + tail_offset() : nullptr;
  }
  [[nodiscard]] std::size_t tail_bytes() const;
  // The owner's byte: 0 until set, copied and moved with the codes.
  [[nodiscard]] std::uint8_t tag() const { return m_tag; }
  void set_tag(std::uint8_t tag) { m_tag = tag; }

  [[nodiscard]] std::uint64_t operator[](std::size_t i) const {
    const Place at = place(i);
    std::uint64_t word;
    std::memcpy(&word, data() + at.byte, sizeof word);
    return (word >> at.shift) & mask();
  }
  // Sets code `i`; `code` must fit the width.
  void set(std::size_t i, std::uint64_t code) {
    const Place at = place(i);
    std::uint64_t word;
    std::memcpy(&word, data() + at.byte, sizeof word);
    word = (word & ~(mask() << at.shift)) | (code << at.shift);
    std::memcpy(data() + at.byte, &word, sizeof word);
  }

 private:
  // Codes are read and written as little-endian words.
  static_assert(std::endian::native == std::endian::little);

  // Where code i starts: the 8-byte word at `byte`, from bit `shift`. Inline codes are all in
  // the one word, so that no load reads past it.
  struct Place {
    std::size_t byte;
    unsigned shift;
  };
  [[nodiscard]] Place place(std::size_t i) const {
    const std::size_t bit = i * m_width;
    if (m_on_heap) {
      return {bit / 8, static_cast<unsigned>(bit % 8)};
    }
    return {0, static_cast<unsigned>(bit)};
  }
  [[nodiscard]] std::size_t bits() const { return static_cast<std::size_t>(m_size) * m_width; }
  // A heap block is the codes, then (with a tail) the tail's size as a uint32 at the next
  // 4-byte boundary and the tail; long enough for the 8-byte load of the last code.
  [[nodiscard]] std::size_t tail_offset() const {
    return (memory_bytes() + 3) / 4 * 4 + sizeof(std::uint32_t);
  }
  [[nodiscard]] std::size_t block_bytes(std::size_t tail_bytes) const;
  void swap(PackedCodes& other) noexcept;
  [[nodiscard]] std::uint64_t mask() const {
    return m_width == 0 ? 0 : ~std::uint64_t{0} >> (64 - m_width);
  }
  [[nodiscard]] std::uint8_t* data() { return m_on_heap ? m_storage.heap : m_storage.local; }
  [[nodiscard]] const std::uint8_t* data() const {
    return m_on_heap ? m_storage.heap : m_storage.local;
  }

  union Storage {
    std::uint8_t* heap;
    std::uint8_t local[sizeof(std::uint64_t)];
  };
  Storage m_storage{};
  std::uint32_t m_size = 0;
  std::uint8_t m_width = 0;
  bool m_on_heap = false;
  bool m_has_tail = false;
  std::uint8_t m_tag = 0;
};

static_assert(sizeof(PackedCodes) == 16, "Numbers and Texts are this and little more");

template <typename CodeAt>
PackedCodes PackedCodes::generate(std::size_t size, unsigned width, CodeAt code_at,
                                  std::size_t tail_bytes) {
  PackedCodes codes(size, width, tail_bytes);
  const unsigned w = codes.m_width;
  if (w == 0) {
    return codes;
  }
  // Whole 8-byte words are written as they fill: a read-modify-write per code, as set() does,
  // would load each word just after storing it, which the CPU cannot forward from the store.
  std::uint8_t* out = codes.data();
  std::uint64_t word = 0;
  unsigned filled = 0;  // bits of `word` in use, always below 64
  for (std::size_t i = 0; i < size; ++i) {
    const std::uint64_t code = code_at(i);
    word |= code << filled;
    filled += w;
    if (filled >= 64) {
      std::memcpy(out, &word, sizeof word);
      out += sizeof word;
      filled -= 64;
      word = (code >> 1) >> (w - filled - 1);  // the code's bits that did not fit, if any
    }
  }
  std::memcpy(out, &word, (filled + 7) / 8);
  return codes;
}

}  // namespace chimera::model
