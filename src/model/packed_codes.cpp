#include "chimera/model/packed_codes.hpp"

namespace chimera::model {

PackedCodes::PackedCodes(std::size_t size, unsigned width)
    : m_bytes(size * width), m_size(size), m_width(width) {}

unsigned PackedCodes::width_for(std::uint64_t largest) {
  if (largest == 0) {
    return 0;
  }
  if (largest <= UINT8_MAX) {
    return 1;
  }
  if (largest <= UINT16_MAX) {
    return 2;
  }
  return largest <= UINT32_MAX ? 4 : 8;
}

}  // namespace chimera::model
