#include "chimera/util/sort.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

namespace chimera::util {
namespace {

constexpr std::size_t k_radix_from = 2048;
constexpr unsigned k_digit_bits = 11;
constexpr unsigned k_passes = (64 + k_digit_bits - 1) / k_digit_bits;  // 6
constexpr std::size_t k_buckets = std::size_t{1} << k_digit_bits;

// Unsigned keys in the doubles' order: negatives have every bit flipped, others the sign bit.
std::uint64_t key_of(double v) {
  const auto bits = std::bit_cast<std::uint64_t>(v);
  return (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
}

double value_of(std::uint64_t key) {
  return std::bit_cast<double>((key >> 63) != 0 ? key & ~(std::uint64_t{1} << 63) : ~key);
}

unsigned digit(std::uint64_t key, unsigned pass) {
  return static_cast<unsigned>(key >> (pass * k_digit_bits)) & (k_buckets - 1);
}

}  // namespace

void sort_doubles(std::span<double> values) {
  const std::size_t n = values.size();
  if (n < k_radix_from) {
    std::sort(values.begin(), values.end());
    return;
  }
  std::vector<std::uint64_t> keys(n);
  std::vector<std::uint64_t> spare(n);
  // Every pass's histogram in one read of the keys.
  std::vector<std::array<std::size_t, k_buckets>> counts(k_passes);
  for (auto& c : counts) {
    c.fill(0);
  }
  for (std::size_t i = 0; i < n; ++i) {
    keys[i] = key_of(values[i]);
    for (unsigned p = 0; p < k_passes; ++p) {
      ++counts[p][digit(keys[i], p)];
    }
  }
  for (unsigned p = 0; p < k_passes; ++p) {
    auto& c = counts[p];
    // A digit every key shares (the exponent of values of one magnitude) moves nothing.
    if (std::find(c.begin(), c.end(), n) != c.end()) {
      continue;
    }
    std::size_t at = 0;
    for (auto& count : c) {
      const std::size_t here = count;
      count = at;
      at += here;
    }
    for (const auto key : keys) {
      spare[c[digit(key, p)]++] = key;
    }
    keys.swap(spare);
  }
  for (std::size_t i = 0; i < n; ++i) {
    values[i] = value_of(keys[i]);
  }
}

}  // namespace chimera::util
