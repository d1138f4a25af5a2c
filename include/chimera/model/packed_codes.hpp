#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

namespace chimera::model {

// Unsigned integer codes, one per row, each stored in the fewest whole bytes (0, 1, 2, 4 or 8)
// that hold the largest code. Width 0 means every code is 0. The storage of Numbers and Texts,
// 16 bytes itself: a corpus of small Markdown tables holds millions of them.
class PackedCodes {
 public:
  PackedCodes() = default;
  // Room for `size` codes of `width` bytes, all 0. Throws std::length_error past 2^32 rows.
  PackedCodes(std::size_t size, unsigned width);
  PackedCodes(const PackedCodes& other);
  PackedCodes& operator=(const PackedCodes& other);
  PackedCodes(PackedCodes&&) noexcept = default;
  PackedCodes& operator=(PackedCodes&&) noexcept = default;
  ~PackedCodes() = default;

  // The width, in bytes, needed to store `largest`.
  [[nodiscard]] static unsigned width_for(std::uint64_t largest);

  [[nodiscard]] std::size_t size() const { return m_size; }
  [[nodiscard]] unsigned width() const { return m_width; }
  [[nodiscard]] std::size_t memory_bytes() const {
    return static_cast<std::size_t>(m_size) * m_width;
  }

  [[nodiscard]] std::uint64_t operator[](std::size_t i) const {
    switch (m_width) {
      case 1: return m_bytes[i];
      case 2: return load<std::uint16_t>(i);
      case 4: return load<std::uint32_t>(i);
      case 8: return load<std::uint64_t>(i);
      default: return 0;
    }
  }
  // Sets code `i`; `code` must fit the width.
  void set(std::size_t i, std::uint64_t code) {
    switch (m_width) {
      case 1: m_bytes[i] = static_cast<std::uint8_t>(code); break;
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
    std::memcpy(&value, m_bytes.get() + i * sizeof(T), sizeof(T));
    return value;
  }
  template <typename T>
  void store(std::size_t i, T value) {
    std::memcpy(m_bytes.get() + i * sizeof(T), &value, sizeof(T));
  }

  std::unique_ptr<std::uint8_t[]> m_bytes;
  std::uint32_t m_size = 0;
  std::uint8_t m_width = 0;
};

}  // namespace chimera::model
