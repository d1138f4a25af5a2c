#include "chimera/model/row_pointers.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace chimera::model {
namespace {

// The array index a pointer ends in, as written: digits without a leading zero.
bool split_index(std::string_view pointer, std::string_view& prefix, double& index) {
  const std::size_t slash = pointer.rfind('/');
  if (slash == std::string_view::npos) {
    return false;
  }
  const std::string_view tail = pointer.substr(slash + 1);
  if (tail.empty() || tail.size() > 15 || (tail.size() > 1 && tail[0] == '0')) {
    return false;
  }
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(tail.data(), tail.data() + tail.size(), value);
  if (ec != std::errc() || end != tail.data() + tail.size()) {
    return false;
  }
  prefix = pointer.substr(0, slash + 1);
  index = static_cast<double>(value);
  return true;
}

}  // namespace

RowPointers::RowPointers(const std::vector<std::string>& pointers) {
  Builder builder;
  builder.reserve(pointers.size());
  for (const auto& pointer : pointers) {
    builder.push_back(pointer);
  }
  *this = builder.finish();
}

std::string RowPointers::operator[](std::size_t i) const {
  std::string pointer(m_parts->prefixes[i]);
  const double index = m_parts->indices[i];
  if (!std::isnan(index)) {
    pointer += std::to_string(static_cast<std::uint64_t>(index));
  }
  return pointer;
}

std::vector<std::string> RowPointers::to_vector() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) {
    out.push_back((*this)[i]);
  }
  return out;
}

std::size_t RowPointers::memory_bytes() const {
  return m_parts ? m_parts->prefixes.memory_bytes() + m_parts->indices.memory_bytes() : 0;
}

void RowPointers::Builder::reserve(std::size_t rows) {
  m_prefixes.reserve(rows);
  m_indices.reserve(rows);
}

void RowPointers::Builder::push_back(std::string_view pointer) {
  std::string_view prefix;
  double index = 0;
  if (split_index(pointer, prefix, index)) {
    m_prefixes.push_back(prefix);
    m_indices.push_back(index);
  } else {
    m_prefixes.push_back(pointer);
    m_indices.push_back(std::numeric_limits<double>::quiet_NaN());
  }
}

RowPointers RowPointers::Builder::finish() {
  RowPointers out;
  if (!m_indices.empty()) {
    out.m_parts = std::make_shared<const Parts>(Parts{m_prefixes.finish(), Numbers(m_indices)});
  }
  m_indices.clear();
  return out;
}

}  // namespace chimera::model
