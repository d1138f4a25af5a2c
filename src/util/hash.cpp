#include "chimera/util/hash.hpp"

#include <cstdint>

#include <fmt/format.h>

namespace chimera::util {

std::string content_hash(std::string_view bytes) {
  std::uint64_t a = 0xcbf29ce484222325ull;
  std::uint64_t b = 0x84222325cbf29ce4ull;
  constexpr std::uint64_t k_prime = 0x100000001b3ull;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    a = (a ^ byte) * k_prime;
    b = (b ^ static_cast<std::uint64_t>(byte ^ 0x5a)) * k_prime;
    b ^= b >> 29;
  }
  return fmt::format("{:016x}{:016x}", a, b);
}

}  // namespace chimera::util
