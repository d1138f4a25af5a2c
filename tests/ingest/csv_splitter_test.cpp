#include "chimera/ingest/csv_splitter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

namespace chimera::ingest {
namespace {

struct Record {
  std::uint64_t line = 0;
  std::vector<std::string> fields;  // a field to unescape is marked with a leading '!'

  bool operator==(const Record&) const = default;
};

std::string shown(const CsvField& field) {
  return field.needs_copy ? "!" + std::string(field.text) : std::string(field.text);
}

struct Split {
  std::vector<Record> records;
  std::uint64_t unterminated = 0;

  bool operator==(const Split&) const = default;
};

Split split(std::string_view text, char delimiter = ',') {
  Split out;
  CsvSplitter splitter(text, delimiter);
  std::vector<CsvField> fields;
  while (!splitter.done()) {
    Record record;
    record.line = splitter.next(fields);
    for (const auto& field : fields) {
      record.fields.push_back(shown(field));
    }
    out.records.push_back(std::move(record));
  }
  out.unterminated = splitter.unterminated_line();
  return out;
}

// The splitter as it was before it read blocks: one byte at a time. The block splitter must
// cut every text exactly as this does.
class ByteSplitter {
 public:
  ByteSplitter(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter) {}

  Split run() {
    Split out;
    while (m_pos < m_text.size()) {
      Record record;
      record.line = m_line;
      while (true) {
        record.fields.push_back(read_field());
        if (m_pos >= m_text.size()) {
          break;
        }
        const char c = m_text[m_pos++];
        if (c == m_delimiter) {
          continue;
        }
        if (c == '\r' && m_pos < m_text.size() && m_text[m_pos] == '\n') {
          ++m_pos;
        }
        ++m_line;
        break;
      }
      out.records.push_back(std::move(record));
    }
    out.unterminated = m_unterminated;
    return out;
  }

 private:
  [[nodiscard]] bool special(char c) const {
    return c == m_delimiter || c == '\n' || c == '\r' || c == '"';
  }

  void skip_plain() {
    while (m_pos < m_text.size() && !special(m_text[m_pos])) {
      ++m_pos;
    }
  }

  std::string read_field() {
    const std::size_t start = m_pos;
    if (m_pos < m_text.size() && m_text[m_pos] == '"') {
      return read_quoted();
    }
    skip_plain();
    while (m_pos < m_text.size() && m_text[m_pos] == '"') {
      ++m_pos;
      skip_plain();
    }
    return std::string(m_text.substr(start, m_pos - start));
  }

  std::string read_quoted() {
    const std::uint64_t open_line = m_line;
    const std::size_t start = ++m_pos;
    bool doubled = false;
    while (m_pos < m_text.size()) {
      const char c = m_text[m_pos];
      if (c == '"') {
        if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
          doubled = true;
          m_pos += 2;
          continue;
        }
        const std::string inner(m_text.substr(start, m_pos - start));
        const std::size_t tail = ++m_pos;
        skip_plain();
        while (m_pos < m_text.size() && m_text[m_pos] == '"') {
          ++m_pos;
          skip_plain();
        }
        if (m_pos == tail && !doubled) {
          return inner;
        }
        return "!" + std::string(m_text.substr(start - 1, m_pos - (start - 1)));
      }
      m_line += c == '\n' ? 1U : 0U;
      ++m_pos;
    }
    m_unterminated = open_line;
    return "!" + std::string(m_text.substr(start - 1));
  }

  std::string_view m_text;
  char m_delimiter;
  std::size_t m_pos = 0;
  std::uint64_t m_line = 1;
  std::uint64_t m_unterminated = 0;
};

Record record(std::uint64_t line, std::vector<std::string> fields) {
  return {line, std::move(fields)};
}

TEST(CsvSpecialMask, MarksDelimiterNewlineReturnAndQuote) {
  std::mt19937 random(7);
  const std::string alphabet = ",;\t\n\r\"a1 .\x80\xff";
  for (const char delimiter : {',', ';', '\t'}) {
    for (int round = 0; round < 200; ++round) {
      std::array<char, k_csv_block> block{};
      std::uint64_t expected = 0;
      for (std::size_t i = 0; i < block.size(); ++i) {
        block[i] = alphabet[random() % alphabet.size()];
        const char c = block[i];
        if (c == delimiter || c == '\n' || c == '\r' || c == '"') {
          expected |= std::uint64_t{1} << i;
        }
      }
      ASSERT_EQ(csv_special_mask(block.data(), delimiter), expected) << round;
    }
  }
}

TEST(CsvSplitter, CountsNewlinesInTextsOfEveryLength) {
  std::mt19937 random(11);
  for (const std::size_t size : {0U, 1U, 15U, 16U, 17U, 64U, 255U * 16, 255U * 16 + 1, 256U * 16 + 3, 20000U}) {
    std::string text(size, 'x');
    for (auto& c : text) {
      c = random() % 3 == 0 ? '\n' : 'x';
    }
    EXPECT_EQ(count_newlines(text), static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')))
        << size;
  }
  EXPECT_EQ(count_newlines(std::string(10000, '\n')), 10000u);
}

TEST(CsvSplitter, ReadsATextShorterThanABlock) {
  EXPECT_EQ(split("a,b\n1,2").records,
            (std::vector<Record>{record(1, {"a", "b"}), record(2, {"1", "2"})}));
}

TEST(CsvSplitter, ReadsFieldsThatCrossBlockBoundaries) {
  const std::string long_field(100, 'x');
  const std::string text = "a," + long_field + ",b\n" + std::string(63, 'y') + "," + long_field;
  EXPECT_EQ(split(text).records,
            (std::vector<Record>{record(1, {"a", long_field, "b"}),
                                 record(2, {std::string(63, 'y'), long_field})}));
}

TEST(CsvSplitter, EndsOnADelimiterAsTheLastByte) {
  for (const std::size_t size : {std::size_t{3}, k_csv_block - 1, k_csv_block, 2 * k_csv_block}) {
    const std::string text = std::string(size - 1, 'x') + ",";
    EXPECT_EQ(split(text).records, (std::vector<Record>{record(1, {std::string(size - 1, 'x'), ""})}))
        << size;
  }
}

TEST(CsvSplitter, KeepsCrlfSplitAcrossBlocksAsOneLineEnd) {
  const std::string text = std::string(k_csv_block - 1, 'a') + "\r\nb\r\n";
  ASSERT_EQ(text[k_csv_block - 1], '\r');
  EXPECT_EQ(split(text).records, (std::vector<Record>{record(1, {std::string(k_csv_block - 1, 'a')}),
                                                      record(2, {"b"})}));
}

TEST(CsvSplitter, ReadsQuotesAtBlockBoundaries) {
  // The opening quote as the last byte of a block, the closing one as the first of the next.
  const std::string head(k_csv_block - 4, 'h');
  const std::string quoted = "\"" + std::string(k_csv_block, 'q') + "\"";
  const std::string text = head + ",x," + quoted + ",\"a\"\"b\"\n\"" + std::string(62, 'n') + "\"z\n";
  ASSERT_EQ(text[k_csv_block - 1], '"');
  ASSERT_EQ(text[2 * k_csv_block], '"');
  EXPECT_EQ(split(text).records,
            (std::vector<Record>{
                record(1, {head, "x", std::string(k_csv_block, 'q'), "!\"a\"\"b\""}),
                record(2, {"!\"" + std::string(62, 'n') + "\"z"})}));
}

TEST(CsvSplitter, CountsLinesInsideQuotesAndReportsAnUnterminatedQuote) {
  const Split result = split("a,\"x\ny\"\nb,\"open\nc\n");
  EXPECT_EQ(result.records, (std::vector<Record>{record(1, {"a", "x\ny"}),
                                                 record(3, {"b", "!\"open\nc\n"})}));
  EXPECT_EQ(result.unterminated, 3u);
}

TEST(CsvSplitter, CutsEveryTextAsTheByteAtATimeSplitterDid) {
  std::mt19937 random(3);
  const std::array<std::string_view, 12> pieces = {",", ";", "\"", "\"\"", "\n", "\r", "\r\n",
                                                   "a", "12.5", "  ", "xyzxyzxyzxyzxyz", "\t"};
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const std::size_t length = random() % 300;
    while (text.size() < length) {
      text += pieces[random() % pieces.size()];
    }
    for (const char delimiter : {',', ';', '\t'}) {
      ASSERT_EQ(split(text, delimiter), ByteSplitter(text, delimiter).run())
          << "round " << round << " delimiter " << static_cast<int>(delimiter);
    }
  }
}

TEST(CsvSplitter, UnescapesDoubledQuotesAndTextAfterTheClosingQuote) {
  EXPECT_EQ(unescape_csv("\"say \"\"hi\"\"\""), "say \"hi\"");
  EXPECT_EQ(unescape_csv("\"a\"b"), "ab");
}

}  // namespace
}  // namespace chimera::ingest
