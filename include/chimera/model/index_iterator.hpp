#pragma once

#include <compare>
#include <cstddef>
#include <iterator>

namespace chimera::model {

// A random-access iterator over a container that hands out values by index (Numbers, Texts):
// `*it` is `container[index]`, returned by value.
template <typename Container, typename Value>
class IndexIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using iterator_concept = std::random_access_iterator_tag;
  using value_type = Value;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = Value;

  IndexIterator() = default;
  IndexIterator(const Container* container, std::size_t index)
      : m_container(container), m_index(index) {}

  [[nodiscard]] Value operator*() const { return (*m_container)[m_index]; }
  [[nodiscard]] Value operator[](difference_type n) const {
    return (*m_container)[m_index + static_cast<std::size_t>(n)];
  }
  IndexIterator& operator++() {
    ++m_index;
    return *this;
  }
  IndexIterator operator++(int) {
    IndexIterator old = *this;
    ++m_index;
    return old;
  }
  IndexIterator& operator--() {
    --m_index;
    return *this;
  }
  IndexIterator operator--(int) {
    IndexIterator old = *this;
    --m_index;
    return old;
  }
  IndexIterator& operator+=(difference_type n) {
    m_index += static_cast<std::size_t>(n);
    return *this;
  }
  IndexIterator& operator-=(difference_type n) {
    m_index -= static_cast<std::size_t>(n);
    return *this;
  }
  [[nodiscard]] friend IndexIterator operator+(IndexIterator it, difference_type n) {
    return it += n;
  }
  [[nodiscard]] friend IndexIterator operator+(difference_type n, IndexIterator it) {
    return it += n;
  }
  [[nodiscard]] friend IndexIterator operator-(IndexIterator it, difference_type n) {
    return it -= n;
  }
  [[nodiscard]] friend difference_type operator-(const IndexIterator& a, const IndexIterator& b) {
    return static_cast<difference_type>(a.m_index) - static_cast<difference_type>(b.m_index);
  }
  [[nodiscard]] friend bool operator==(const IndexIterator& a, const IndexIterator& b) {
    return a.m_index == b.m_index;
  }
  [[nodiscard]] friend auto operator<=>(const IndexIterator& a, const IndexIterator& b) {
    return a.m_index <=> b.m_index;
  }

 private:
  const Container* m_container = nullptr;
  std::size_t m_index = 0;
};

}  // namespace chimera::model
