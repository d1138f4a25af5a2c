#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chimera::ingest {

// One field of a CSV record as it appears in the input.
struct CsvField {
  std::string_view text;
  bool needs_copy = false;  // `text` is the raw slice with its quotes: unescape_csv() it
};

// Bytes the splitter looks at together; csv_special_mask() covers one such block.
inline constexpr std::size_t k_csv_block = 64;

// Bit i is set when byte i of the k_csv_block bytes at `block` is `delimiter`, '\n', '\r' or
// '"' (the bytes where a field can end or a quote begins).
[[nodiscard]] std::uint64_t csv_special_mask(const char* block, char delimiter);

// The number of '\n' bytes in `text`.
[[nodiscard]] std::size_t count_newlines(std::string_view text);

// Cuts CSV text into records of fields, in place: unquoted fields are slices of the text. RFC 4180
// quoting (delimiters, doubled quotes and newlines inside quotes), text after a closing quote kept
// (`"a"b`), a quote inside an unquoted field read as a plain character, and "\n", "\r\n" or a lone
// "\r" ending a record. A quote that is never closed runs to the end of the text.
class CsvSplitter {
 public:
  CsvSplitter(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter) {}

  [[nodiscard]] bool done() const { return m_pos >= m_text.size(); }
  // The 1-based line of the next record.
  [[nodiscard]] std::uint64_t line() const { return m_line; }
  // The line of a quote that is never closed, or 0.
  [[nodiscard]] std::uint64_t unterminated_line() const { return m_unterminated; }

  // Reads one record into `fields` (a blank line is one empty field); returns the line it
  // started on.
  std::uint64_t next(std::vector<CsvField>& fields);

 private:
  CsvField read_quoted();
  // The position of the first special byte at or after `pos`, or the text's size. Inline for
  // the common case, a field that ends in the block where the previous one ended.
  std::size_t find_special(std::size_t pos) {
    if ((pos & ~(k_csv_block - 1)) == m_block) {
      const std::uint64_t mask = m_mask & (~std::uint64_t{0} << (pos & (k_csv_block - 1)));
      if (mask != 0) {
        return m_block + static_cast<std::size_t>(std::countr_zero(mask));
      }
    }
    return find_special_in_later_block(pos);
  }
  std::size_t find_special_in_later_block(std::size_t pos);
  // The end of unquoted text from `pos`: the first delimiter, '\n' or '\r', or the text's size.
  // A quote there is an ordinary character, in a plain field and after a closing quote alike.
  std::size_t find_field_end(std::size_t pos) {
    std::size_t end = find_special(pos);
    while (end < m_text.size() && m_text[end] == '"') {
      end = find_special(end + 1);
    }
    return end;
  }
  [[nodiscard]] std::uint64_t mask_of_block(std::size_t block) const;

  std::string_view m_text;
  char m_delimiter;
  std::size_t m_pos = 0;
  std::uint64_t m_line = 1;
  std::uint64_t m_unterminated = 0;
  // The block find_special() looked at last, and its special bytes.
  std::size_t m_block = SIZE_MAX;
  std::uint64_t m_mask = 0;
};

// The text of a field that had doubled quotes or text after its closing quote, quotes removed.
[[nodiscard]] std::string unescape_csv(std::string_view raw);

}  // namespace chimera::ingest
