#pragma once

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace chimera::model {

namespace detail {
// Symbol ids index a table of chunks of string pointers: chunk id >> k_symbol_chunk_bits, slot
// id & (k_symbol_chunk_size - 1). A chunk is written once, before any id in it is handed out,
// and never moves; id 0 is the empty string.
inline constexpr unsigned k_symbol_chunk_bits = 14;
inline constexpr std::size_t k_symbol_chunk_size = std::size_t{1} << k_symbol_chunk_bits;
inline constexpr std::size_t k_symbol_chunks = std::size_t{1} << 18;
extern std::atomic<const std::string* const*> g_symbol_chunks[k_symbol_chunks];

[[nodiscard]] inline const std::string& symbol_text(std::uint32_t id) {
  return *g_symbol_chunks[id >> k_symbol_chunk_bits].load(
      std::memory_order_acquire)[id & (k_symbol_chunk_size - 1)];
}
}  // namespace detail

// An immutable string kept once per process, held by a 4-byte id. Column names, units, file
// paths and table locators repeat across hundreds of thousands of tables of a large corpus;
// as std::string each one cost 32 bytes and often a heap block of its own. A 4-byte id rather
// than a pointer, because a Column holds four. Symbols are never freed: there are as many as
// there are distinct names, not as many as there are columns.
// Interning is thread-safe, so parsers on different threads may create Symbols at once.
class Symbol {
 public:
  Symbol() = default;  // the empty string
  // Implicit so that a name field can be assigned any string, as the std::string it replaces.
  Symbol(std::string_view text);   // NOLINT(google-explicit-constructor)
  Symbol(const std::string& text)  // NOLINT(google-explicit-constructor)
      : Symbol(std::string_view(text)) {}
  Symbol(const char* text)  // NOLINT(google-explicit-constructor)
      : Symbol(std::string_view(text)) {}

  // The id: equal for equal texts, 0 for the empty string. A Symbol is rebuilt from one with
  // from_id(), for storage that packs ids more tightly than Symbols.
  [[nodiscard]] std::uint32_t id() const { return m_id; }
  [[nodiscard]] static Symbol from_id(std::uint32_t id) {
    Symbol symbol;
    symbol.m_id = id;
    return symbol;
  }

  [[nodiscard]] const std::string& str() const { return detail::symbol_text(m_id); }
  [[nodiscard]] std::string_view view() const { return detail::symbol_text(m_id); }
  operator const std::string&() const { return detail::symbol_text(m_id); }  // NOLINT(google-explicit-constructor)
  operator std::string_view() const { return detail::symbol_text(m_id); }    // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool empty() const { return detail::symbol_text(m_id).empty(); }
  [[nodiscard]] std::size_t size() const { return detail::symbol_text(m_id).size(); }
  [[nodiscard]] const char* data() const { return detail::symbol_text(m_id).data(); }
  [[nodiscard]] const char* c_str() const { return detail::symbol_text(m_id).c_str(); }
  [[nodiscard]] auto begin() const { return detail::symbol_text(m_id).begin(); }
  [[nodiscard]] auto end() const { return detail::symbol_text(m_id).end(); }

  // By content, as strings compare; one overload so that a Symbol, a std::string and a literal
  // all convert to the same right-hand side.
  friend bool operator==(const Symbol& a, std::string_view b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const Symbol& a, std::string_view b) {
    return a.view() <=> b;
  }

 private:
  std::uint32_t m_id = 0;
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
