#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace chimera::ingest {

// Words of a column name, lower case: "Average TTFT (ms)" -> {average, ttft, ms}; "tokens/s" ->
// {tokens, s}; "Throughput Δ" -> {throughput, delta} (a Greek delta, capital or small, or the
// increment sign ∆, is the word "delta"). Every table column's name is split several times, so
// the words are views into one lowered copy of the name rather than a string each.
class Words {
 public:
  explicit Words(std::string_view name);
  Words(const Words&) = delete;
  Words& operator=(const Words&) = delete;

  [[nodiscard]] std::size_t size() const { return m_spans.size(); }
  [[nodiscard]] bool empty() const { return m_spans.empty(); }
  [[nodiscard]] std::string_view operator[](std::size_t i) const {
    return std::string_view(m_text).substr(m_spans[i].begin, m_spans[i].size);
  }
  [[nodiscard]] std::string_view back() const { return (*this)[size() - 1]; }
  // Whether word i directly follows a '/' in the name ("s" in "Tokens/s"): a rate's denominator.
  [[nodiscard]] bool after_slash(std::size_t i) const { return m_spans[i].after_slash; }
  // The words joined by '_': "Average TTFT (ms)" -> "average_ttft_ms".
  [[nodiscard]] std::string joined() const;

  [[nodiscard]] bool has(std::string_view word) const {
    for (std::size_t i = 0; i < size(); ++i) {
      if ((*this)[i] == word) {
        return true;
      }
    }
    return false;
  }
  [[nodiscard]] bool has_any(std::initializer_list<std::string_view> list) const {
    return std::any_of(list.begin(), list.end(), [&](std::string_view w) { return has(w); });
  }

 private:
  struct Span {
    std::size_t begin = 0;
    std::size_t size = 0;
    bool after_slash = false;
  };
  std::string m_text;
  std::vector<Span> m_spans;
};

[[nodiscard]] inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace chimera::ingest
