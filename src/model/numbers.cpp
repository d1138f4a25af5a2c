#include "chimera/model/numbers.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace chimera::model {
namespace {

constexpr int k_max_scale = 16;
// Mantissas stay well inside the 53 bits a double holds exactly, so that v * 10^k lands within
// a small fraction of the integer it stands for.
constexpr double k_max_mantissa = 0x1p50;
const std::uint64_t k_quiet_nan = std::bit_cast<std::uint64_t>(std::numeric_limits<double>::quiet_NaN());
using detail::k_pow10;

// The integer m with m / 10^scale == v exactly, if there is one within range.
bool mantissa_at(double v, int scale, std::int64_t& m) {
  const double t = v * k_pow10[scale];
  if (!(std::fabs(t) < k_max_mantissa)) {
    return false;
  }
  m = static_cast<std::int64_t>(t < 0 ? t - 0.5 : t + 0.5);
  const double back = scale == 0 ? static_cast<double>(m) : static_cast<double>(m) / k_pow10[scale];
  return std::bit_cast<std::uint64_t>(back) == std::bit_cast<std::uint64_t>(v);
}

// Each value's mantissa at the column's scale, found once and kept for the constructor's later
// passes, which used to find it again each: one buffer per thread, reused from column to
// column, as an allocation per column would cost most of what it saves in the many small tables.
// A column larger than k_retained_mantissas gives its buffer back once encoded.
constexpr std::int64_t k_no_mantissa = std::numeric_limits<std::int64_t>::min();
constexpr std::size_t k_retained_mantissas = std::size_t{1} << 20;

class MantissaBuffer {
 public:
  // Room for `n` mantissas, left as they are: every one is written before it is read.
  explicit MantissaBuffer(std::size_t n) : m_mantissas(buffer()) {
    if (m_mantissas.size() < n) {
      m_mantissas.resize(n);
    }
  }
  ~MantissaBuffer() {
    if (m_mantissas.capacity() > k_retained_mantissas) {
      m_mantissas = {};
    }
  }
  MantissaBuffer(const MantissaBuffer&) = delete;
  MantissaBuffer& operator=(const MantissaBuffer&) = delete;

  std::int64_t& operator[](std::size_t i) { return m_mantissas[i]; }

 private:
  static std::vector<std::int64_t>& buffer() {
    thread_local std::vector<std::int64_t> mantissas;
    return mantissas;
  }
  std::vector<std::int64_t>& m_mantissas;
};

// The smallest scale at which every value that fits any scale fits; values that fit at scale k
// also fit at every larger one (m * 10 / 10^(k+1) is the same rational) while m stays in range.
// Fills `mantissas` at that scale (k_no_mantissa for a NaN or a value that fits no scale).
int common_scale(std::span<const double> values, MantissaBuffer& mantissas) {
  int scale = 0;
  std::size_t misfits = 0;
  std::size_t settled = 0;  // values from here on were read at the final scale
  std::int64_t m = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double v = values[i];
    if (std::isnan(v)) {
      mantissas[i] = k_no_mantissa;
      continue;
    }
    if (mantissa_at(v, scale, m)) {
      mantissas[i] = m;
      continue;
    }
    int next = scale + 1;
    while (next <= k_max_scale && !mantissa_at(v, next, m)) {
      ++next;
    }
    if (next <= k_max_scale) {
      scale = next;
      settled = i;
      mantissas[i] = m;
    } else if (++misfits > 16 && misfits * 4 > i) {
      return -1;  // mostly full-precision doubles: not worth encoding
    } else {
      mantissas[i] = k_no_mantissa;
    }
  }
  for (std::size_t i = 0; i < settled; ++i) {
    mantissas[i] = mantissa_at(values[i], scale, m) ? m : k_no_mantissa;
  }
  return scale;
}

}  // namespace

Numbers::Numbers(std::span<const double> values) {
  const std::size_t n = values.size();
  if (n == 0) {
    return;
  }
  const bool too_long = n > std::numeric_limits<std::uint32_t>::max();
  MantissaBuffer mantissas(too_long ? 0 : n);
  const int scale = too_long ? -1 : common_scale(values, mantissas);
  std::int64_t low = std::numeric_limits<std::int64_t>::max();
  std::int64_t high = std::numeric_limits<std::int64_t>::min();
  std::int64_t low_indexed = low;
  std::int64_t high_indexed = high;
  std::size_t nans = 0;
  std::size_t exceptions = 0;
  if (scale >= 0) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::int64_t m = mantissas[i];
      if (std::bit_cast<std::uint64_t>(values[i]) == k_quiet_nan) {
        ++nans;
      } else if (m == k_no_mantissa) {
        ++exceptions;
      } else {
        low = std::min(low, m);
        high = std::max(high, m);
        const std::int64_t shifted = m - static_cast<std::int64_t>(i);
        low_indexed = std::min(low_indexed, shifted);
        high_indexed = std::max(high_indexed, shifted);
      }
    }
  }
  // Some value has a mantissa (so low..high are set); with no scale at all, none was looked for.
  const bool any_fit = scale >= 0 && nans + exceptions < n;
  const bool indexed = any_fit && high_indexed - low_indexed < high - low;
  const std::uint64_t range =
      !any_fit ? 0 : static_cast<std::uint64_t>(indexed ? high_indexed - low_indexed : high - low);
  const std::uint64_t specials = (nans > 0 ? 1U : 0U) + (exceptions > 0 ? 1U : 0U);
  // Codes 0..range are values; the special codes come after them, at the top of the width.
  const std::uint64_t largest = any_fit        ? range + specials
                                : specials > 0 ? specials - 1
                                               : UINT64_MAX;
  const unsigned width = PackedCodes::width_for(largest);
  const std::size_t exception_bytes = exceptions * (sizeof(double) + sizeof(std::uint32_t));
  const bool encode =
      scale >= 0 && width < 64 && (n * width + 7) / 8 + exception_bytes < n * sizeof(double);
  if (!encode) {
    m_codes = PackedCodes::generate(n, 64, [&](std::size_t i) {
      return std::bit_cast<std::uint64_t>(values[i]);
    });
    m_codes.set_tag(k_raw);
    return;
  }
  m_base = any_fit ? (indexed ? low_indexed : low) : 0;
  const std::uint64_t nan_code = (std::uint64_t{1} << width) - 1;
  const std::uint64_t exception_code = nan_code - (nans > 0 ? 1U : 0U);
  const std::int64_t base = m_base;
  m_codes = PackedCodes::generate(
      n, width,
      [&](std::size_t i) {
        const std::int64_t m = mantissas[i];
        if (m == k_no_mantissa) {
          return std::bit_cast<std::uint64_t>(values[i]) == k_quiet_nan ? nan_code : exception_code;
        }
        const std::int64_t shifted = indexed ? m - static_cast<std::int64_t>(i) : m;
        return static_cast<std::uint64_t>(shifted - base);
      },
      exception_bytes);
  const unsigned flags = (indexed ? k_indexed : 0U) | (nans > 0 ? k_has_nan : 0U);
  m_codes.set_tag(static_cast<std::uint8_t>(static_cast<unsigned>(scale) | flags));
  if (exceptions > 0) {
    std::uint8_t* aside_values = m_codes.tail();
    std::uint8_t* aside_rows = aside_values + exceptions * sizeof(double);
    for (std::size_t i = 0; i < n; ++i) {
      if (mantissas[i] == k_no_mantissa && std::bit_cast<std::uint64_t>(values[i]) != k_quiet_nan) {
        const auto row = static_cast<std::uint32_t>(i);
        std::memcpy(aside_values, &values[i], sizeof(double));
        std::memcpy(aside_rows, &row, sizeof row);
        aside_values += sizeof(double);
        aside_rows += sizeof row;
      }
    }
  }
}

double Numbers::special(std::size_t i, std::uint64_t code) const {
  if (((m_codes.tag() & k_has_nan) != 0 && code == (std::uint64_t{1} << m_codes.width()) - 1) ||
      !m_codes.has_tail()) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  const std::uint8_t* aside_values = m_codes.tail();
  const std::size_t count = m_codes.tail_bytes() / (sizeof(double) + sizeof(std::uint32_t));
  const std::uint8_t* aside_rows = aside_values + count * sizeof(double);
  const auto row_at = [&](std::size_t k) {
    std::uint32_t row;
    std::memcpy(&row, aside_rows + k * sizeof row, sizeof row);
    return row;
  };
  // Binary search of the sorted rows.
  const auto row = static_cast<std::uint32_t>(i);
  std::size_t low = 0;
  std::size_t high = count;
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (row_at(middle) < row) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (low == count || row_at(low) != row) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  double value;
  std::memcpy(&value, aside_values + low * sizeof(double), sizeof value);
  return value;
}

std::vector<double> Numbers::to_vector() const { return {begin(), end()}; }

std::size_t Numbers::memory_bytes() const { return m_codes.memory_bytes() + m_codes.tail_bytes(); }

bool operator==(const Numbers& a, const Numbers& b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace chimera::model
