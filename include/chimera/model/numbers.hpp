#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <vector>

#include "chimera/model/index_iterator.hpp"
#include "chimera/model/packed_codes.hpp"

namespace chimera::model {

namespace detail {
inline constexpr double k_pow10[] = {1e0, 1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7, 1e8,
                                     1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16};
}  // namespace detail

// A read-only column of doubles that gives every value back bit for bit while storing most of
// them in a few bits. Benchmark numbers are written as short decimals ("0.512",
// "87.25", "1024"), so a column is kept as integers m at one decimal scale k (the value is
// m / 10^k: IEEE division rounds that exactly as strtod rounds the decimal text), stored as the
// distance from the column's smallest m (or from m - row, for line numbers and run ids that
// count up). A missing value (quiet NaN) has a code of its own; values that fit no scale
// (-0.0, a 17-digit double, infinity) are kept aside. A column where none of this saves memory
// keeps the doubles as they are. On a 1 GB corpus this is the difference between holding 8
// bytes and about 2 bytes per value.
class Numbers {
 public:
  using Iterator = IndexIterator<Numbers, double>;
  using value_type = double;
  using iterator = Iterator;
  using const_iterator = Iterator;

  Numbers() = default;
  // Implicit so that a column can be assigned a vector or a braced list of values.
  Numbers(std::span<const double> values);  // NOLINT(google-explicit-constructor)
  Numbers(const std::vector<double>& values)  // NOLINT(google-explicit-constructor)
      : Numbers(std::span<const double>(values)) {}
  Numbers(std::initializer_list<double> values)  // NOLINT(google-explicit-constructor)
      : Numbers(std::span<const double>(values.begin(), values.size())) {}
  Numbers(const Numbers&) = default;
  Numbers& operator=(const Numbers&) = default;
  Numbers(Numbers&&) noexcept = default;
  Numbers& operator=(Numbers&&) noexcept = default;
  ~Numbers() = default;

  [[nodiscard]] std::size_t size() const { return m_codes.size(); }
  [[nodiscard]] bool empty() const { return m_codes.size() == 0; }
  [[nodiscard]] double operator[](std::size_t i) const {
    const std::uint64_t code = m_codes[i];
    const std::uint8_t tag = m_codes.tag();
    if ((tag & k_raw) != 0) {
      return std::bit_cast<double>(code);
    }
    if (code >= first_special()) {
      return special(i, code);
    }
    std::int64_t m = m_base + static_cast<std::int64_t>(code);
    if ((tag & k_indexed) != 0) {
      m += static_cast<std::int64_t>(i);
    }
    const unsigned scale = tag & k_scale;
    return scale == 0 ? static_cast<double>(m) : static_cast<double>(m) / detail::k_pow10[scale];
  }
  [[nodiscard]] double front() const { return (*this)[0]; }
  [[nodiscard]] double back() const { return (*this)[size() - 1]; }
  [[nodiscard]] Iterator begin() const;
  [[nodiscard]] Iterator end() const;
  [[nodiscard]] std::vector<double> to_vector() const;
  // Heap bytes held, for benchmarks and tests of the encoding.
  [[nodiscard]] std::size_t memory_bytes() const;

  // Equal when both hold the same doubles, bit for bit (so NaN equals NaN, 0.0 is not -0.0).
  friend bool operator==(const Numbers& a, const Numbers& b);

 private:
  // The codes' tag: the decimal scale and how to read the codes. Values that fit no scale are
  // rare, and kept in the codes' tail: k of them as k doubles, then their k rows as sorted
  // uint32s.
  static constexpr std::uint8_t k_scale = 0x1f;      // 0 to 16
  static constexpr std::uint8_t k_raw = 0x20;        // the codes are the doubles' bits
  static constexpr std::uint8_t k_indexed = 0x40;    // codes count from base + row
  static constexpr std::uint8_t k_has_nan = 0x80;    // the top code is NaN

  // The special codes are the largest the width holds: a NaN's is the top one, if the column has
  // any NaN, then the one for a value set aside. They take no extra bit, and a width up to 56
  // bits needs no separate field to say where they start.
  [[nodiscard]] std::uint64_t first_special() const {
    return (std::uint64_t{1} << m_codes.width()) - ((m_codes.tag() & k_has_nan) != 0 ? 1U : 0U) -
           (m_codes.has_tail() ? 1U : 0U);
  }
  // Pure, so that a loop over the values keeps the fields it reads in registers.
  [[nodiscard, gnu::pure]] double special(std::size_t i, std::uint64_t code) const;

  PackedCodes m_codes;
  std::int64_t m_base = 0;
};

static_assert(sizeof(Numbers) == 24, "a Markdown corpus holds millions of these");

inline Numbers::Iterator Numbers::begin() const { return {this, 0}; }
inline Numbers::Iterator Numbers::end() const { return {this, size()}; }

}  // namespace chimera::model
