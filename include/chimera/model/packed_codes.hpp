#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

namespace chimera::model {

// Unsigned integer codes, one per row, each stored in the fewest whole bytes (0, 1, 2, 4 or 8)
// that hold the largest code. Width 0 means every code is 0. The storage of Numbers and Texts,
// 16 bytes itself: a corpus of small Markdown tables holds millions of them. Up to eight bytes of
// codes (a one-row scalar, a short column of small codes) live inside the object, with no heap
// block at all.
class PackedCodes {
 public:
  PackedCodes() = default;
  // Room for `size` codes of `width` bytes, all 0. Throws std::length_error past 2^32 rows.
  PackedCodes(std::size_t size, unsigned width);
  PackedCodes(const PackedCodes& other);
  PackedCodes& operator=(const PackedCodes& other);
  PackedCodes(PackedCodes&& other) noexcept;
  PackedCodes& operator=(PackedCodes&& other) noexcept;
  ~PackedCodes();

  // The width, in bytes, needed to store `largest`.
  [[nodiscard]] static unsigned width_for(std::uint64_t largest);

  [[nodiscard]] std::size_t size() const { return m_size; }
  [[nodiscard]] unsigned width() const { return m_width; }
  // Bytes of codes, held inline or on the heap.
  [[nodiscard]] std::size_t memory_bytes() const {
    return static_cast<std::size_t>(m_size) * m_width;
  }
  // Heap bytes held: 0 when the codes fit inline.
  [[nodiscard]] std::size_t heap_bytes() const { return is_inline() ? 0 : memory_bytes(); }

  [[nodiscard]] std::uint64_t operator[](std::size_t i) const {
    switch (m_width) {
      case 1: return data()[i];
      case 2: return load<std::uint16_t>(i);
      case 4: return load<std::uint32_t>(i);
      case 8: return load<std::uint64_t>(i);
      default: return 0;
    }
  }
  // Sets code `i`; `code` must fit the width.
  void set(std::size_t i, std::uint64_t code) {
    switch (m_width) {
      case 1: data()[i] = static_cast<std::uint8_t>(code); break;
      case 2: store(i, static_cast<std::uint16_t>(code)); break;
      case 4: store(i, static_cast<std::uint32_t>(code)); break;
      case 8: store(i, code); break;
      default: break;
    }
  }

 private:
  template <typename T>
  [[nodiscard]] T load(std::size_t i) const {
    T value;
    std::memcpy(&value, data() + i * sizeof(T), sizeof(T));
    return value;
  }
  template <typename T>
  void store(std::size_t i, T value) {
    std::memcpy(data() + i * sizeof(T), &value, sizeof(T));
  }
  [[nodiscard]] bool is_inline() const { return memory_bytes() <= sizeof(m_storage); }
  [[nodiscard]] std::uint8_t* data() { return is_inline() ? m_storage.local : m_storage.heap; }
  [[nodiscard]] const std::uint8_t* data() const {
    return is_inline() ? m_storage.local : m_storage.heap;
  }
  void release();

  union Storage {
    std::uint8_t* heap;
    std::uint8_t local[sizeof(std::uint8_t*)];
  };
  Storage m_storage{};
  std::uint32_t m_size = 0;
  std::uint8_t m_width = 0;
};

}  // namespace chimera::model
