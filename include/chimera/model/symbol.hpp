#pragma once

#include <compare>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace chimera::model {

// An immutable string kept once per process, held by one pointer. Column names, units, file
// paths and table locators repeat across hundreds of thousands of tables of a large corpus;
// as std::string each one cost 32 bytes and often a heap block of its own. Symbols are never
// freed: there are as many as there are distinct names, not as many as there are columns.
// Interning is thread-safe, so parsers on different threads may create Symbols at once.
class Symbol {
 public:
  Symbol();  // the empty string
  // Implicit so that a name field can be assigned any string, as the std::string it replaces.
  Symbol(std::string_view text);   // NOLINT(google-explicit-constructor)
  Symbol(const std::string& text)  // NOLINT(google-explicit-constructor)
      : Symbol(std::string_view(text)) {}
  Symbol(const char* text)  // NOLINT(google-explicit-constructor)
      : Symbol(std::string_view(text)) {}

  [[nodiscard]] const std::string& str() const { return *m_text; }
  [[nodiscard]] std::string_view view() const { return *m_text; }
  operator const std::string&() const { return *m_text; }  // NOLINT(google-explicit-constructor)
  operator std::string_view() const { return *m_text; }    // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool empty() const { return m_text->empty(); }
  [[nodiscard]] std::size_t size() const { return m_text->size(); }
  [[nodiscard]] const char* data() const { return m_text->data(); }
  [[nodiscard]] const char* c_str() const { return m_text->c_str(); }
  [[nodiscard]] auto begin() const { return m_text->begin(); }
  [[nodiscard]] auto end() const { return m_text->end(); }

  // By content, as strings compare; one overload so that a Symbol, a std::string and a literal
  // all convert to the same right-hand side.
  friend bool operator==(const Symbol& a, std::string_view b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const Symbol& a, std::string_view b) {
    return a.view() <=> b;
  }

 private:
  const std::string* m_text;
};

[[nodiscard]] std::string operator+(const Symbol& a, std::string_view b);
[[nodiscard]] std::string operator+(std::string_view a, const Symbol& b);
[[nodiscard]] std::string operator+(const Symbol& a, const std::string& b);
[[nodiscard]] std::string operator+(const std::string& a, const Symbol& b);
[[nodiscard]] std::string operator+(const Symbol& a, const Symbol& b);
[[nodiscard]] std::string operator+(const Symbol& a, const char* b);
[[nodiscard]] std::string operator+(const char* a, const Symbol& b);
[[nodiscard]] std::string operator+(const Symbol& a, char b);
std::ostream& operator<<(std::ostream& out, const Symbol& symbol);

}  // namespace chimera::model

template <>
struct std::hash<chimera::model::Symbol> {
  std::size_t operator()(const chimera::model::Symbol& symbol) const noexcept {
    return std::hash<std::string_view>{}(symbol.view());
  }
};
