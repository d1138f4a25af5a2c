#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace chimera::ingest {

// Hands out column names that are unique within one table: a repeated name becomes its first
// free numbered variant, `base` + prefix + n + suffix with n = 2, 3, ... ("name_2", "key (3)").
// Linear in the names handed out: each base remembers the last n it was given, so a header of
// 8000 copies of one name is not 8000 searches from n = 2.
class UniqueNames {
 public:
  UniqueNames(std::string prefix, std::string suffix)
      : m_prefix(std::move(prefix)), m_suffix(std::move(suffix)) {}

  void reserve(std::size_t names) { m_taken.reserve(names); }
  [[nodiscard]] bool contains(std::string_view name) const {
    return m_taken.contains(std::string(name));
  }
  // `candidate` if it is free, else the first free numbered variant of `base`; taken from now on.
  [[nodiscard]] std::string take(std::string candidate, std::string_view base);
  [[nodiscard]] std::string take(std::string name) {
    const std::string base = name;
    return take(std::move(name), base);
  }

 private:
  std::string m_prefix;
  std::string m_suffix;
  std::unordered_set<std::string> m_taken;
  std::unordered_map<std::string, std::size_t> m_next;  // base -> the next n to try
};

}  // namespace chimera::ingest
