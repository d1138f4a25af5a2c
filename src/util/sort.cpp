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

namespace {

std::uint64_t key_in(std::uint64_t key) {
  return key;
}
std::uint64_t key_in(const Keyed& item) {
  return item.key;
}

// LSD radix sort of anything with a 64-bit key: stable, 11 bits a pass, a pass skipped when
// every key has the same digit there.
template <class T>
void radix_sort(std::span<T> items) {
  const std::size_t n = items.size();
  std::vector<T> spare(n);
  // Every pass's histogram in one read of the items.
  std::vector<std::array<std::size_t, k_buckets>> counts(k_passes);
  for (auto& c : counts) {
    c.fill(0);
  }
  for (const auto& item : items) {
    const std::uint64_t key = key_in(item);
    for (unsigned p = 0; p < k_passes; ++p) {
      ++counts[p][digit(key, p)];
    }
  }
  std::span<T> from = items;
  std::span<T> to(spare);
  for (unsigned p = 0; p < k_passes; ++p) {
    auto& c = counts[p];
    if (std::find(c.begin(), c.end(), n) != c.end()) {
      continue;
    }
    std::size_t at = 0;
    for (auto& count : c) {
      const std::size_t here = count;
      count = at;
      at += here;
    }
    for (const auto& item : from) {
      to[c[digit(key_in(item), p)]++] = item;
    }
    std::swap(from, to);
  }
  if (from.data() != items.data()) {
    std::copy(from.begin(), from.end(), items.begin());
  }
}

}  // namespace

void sort_keys(std::span<std::uint64_t> keys) {
  if (keys.size() < k_radix_from) {
    std::sort(keys.begin(), keys.end());
    return;
  }
  radix_sort(keys);
}

void sort_by_key(std::span<Keyed> items) {
  if (items.size() < k_radix_from) {
    std::stable_sort(items.begin(), items.end(),
                     [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
    return;
  }
  radix_sort(items);
}

void sort_doubles(std::span<double> values) {
  const std::size_t n = values.size();
  if (n < k_radix_from) {
    std::sort(values.begin(), values.end());
    return;
  }
  std::vector<std::uint64_t> keys(n);
  for (std::size_t i = 0; i < n; ++i) {
    keys[i] = key_of(values[i]);
  }
  sort_keys(keys);
  for (std::size_t i = 0; i < n; ++i) {
    values[i] = value_of(keys[i]);
  }
}

bool natural_less(std::string_view a, std::string_view b) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t ei = i;
      std::size_t ej = j;
      while (ei < a.size() && digit(a[ei])) {
        ++ei;
      }
      while (ej < b.size() && digit(b[ej])) {
        ++ej;
      }
      std::string_view na = a.substr(i, ei - i);
      std::string_view nb = b.substr(j, ej - j);
      while (na.size() > 1 && na.front() == '0') {
        na.remove_prefix(1);
      }
      while (nb.size() > 1 && nb.front() == '0') {
        nb.remove_prefix(1);
      }
      if (na.size() != nb.size()) {
        return na.size() < nb.size();
      }
      if (na != nb) {
        return na < nb;
      }
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) {
        return a[i] < b[j];
      }
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

}  // namespace chimera::util
