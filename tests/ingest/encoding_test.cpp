#include "chimera/ingest/encoding.hpp"

#include <gtest/gtest.h>

namespace chimera::ingest {
namespace {

const model::SourceRef k_where{"a.csv", model::FileKind::csv};

std::string utf16le(std::string_view ascii, bool bom) {
  std::string out = bom ? std::string("\xFF\xFE", 2) : std::string();
  for (const char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

std::string utf16be(std::string_view ascii) {
  std::string out("\xFE\xFF", 2);
  for (const char c : ascii) {
    out.push_back('\0');
    out.push_back(c);
  }
  return out;
}

TEST(Encoding, PassesPlainUtf8ThroughWithoutACopy) {
  const std::string_view bytes = "a,b\n1,\xC3\xA9\n";
  const auto d = decode(bytes, k_where);
  EXPECT_EQ(d.text(), bytes);
  EXPECT_EQ(d.text().data(), bytes.data());
  EXPECT_FALSE(d.converted.has_value());
  EXPECT_TRUE(d.diagnostics.empty());
  EXPECT_FALSE(d.skip_reason.has_value());
}

TEST(Encoding, StripsUtf8BomWithoutACopy) {
  const std::string_view bytes = "\xEF\xBB\xBFx\n1\n";
  const auto d = decode(bytes, k_where);
  EXPECT_EQ(d.text(), "x\n1\n");
  EXPECT_EQ(d.text().data(), bytes.data() + 3);
}

TEST(Encoding, TranscodesUtf16LeWithBom) {
  const auto d = decode(utf16le("x,y\n1,2\n", true), k_where);
  EXPECT_EQ(d.text(), "x,y\n1,2\n");
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_NE(d.diagnostics[0].message.find("UTF-16LE"), std::string::npos);
}

TEST(Encoding, TranscodesUtf16LeWithoutBom) {
  const auto d = decode(utf16le("x,y\n1,2\n", false), k_where);
  EXPECT_EQ(d.text(), "x,y\n1,2\n");
  EXPECT_FALSE(d.skip_reason.has_value());
}

TEST(Encoding, TranscodesUtf16Be) {
  const auto d = decode(utf16be("x\n1\n"), k_where);
  EXPECT_EQ(d.text(), "x\n1\n");
}

TEST(Encoding, TranscodesSurrogatePairs) {
  // U+1F600 as UTF-16LE: D83D DE00.
  const std::string bytes("\xFF\xFE\x3D\xD8\x00\xDE", 6);
  EXPECT_EQ(decode(bytes, k_where).text(), "\xF0\x9F\x98\x80");
}

TEST(Encoding, SkipsBinaryFileWithNulBytes) {
  const auto d = decode(std::string("PK\x03\x04\x00\x00\xFF\x10garbage", 14), k_where);
  ASSERT_TRUE(d.skip_reason.has_value());
  EXPECT_NE(d.skip_reason->find("binary"), std::string::npos);
  EXPECT_TRUE(d.text().empty());
}

TEST(Encoding, ReplacesInvalidUtf8AndReportsFirstLine) {
  const auto d = decode("a\nb\xFF\nc\xC3\n", k_where);
  EXPECT_EQ(d.text(), "a\nb\xEF\xBF\xBD\nc\xEF\xBF\xBD\n");
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_EQ(d.diagnostics[0].line, 2u);
  EXPECT_NE(d.diagnostics[0].message.find("2 bytes"), std::string::npos) << d.diagnostics[0].message;
}

TEST(Encoding, FindsAnInvalidByteAtEveryOffsetOfALongAsciiText) {
  // ASCII is skipped 32 and 8 bytes at a time: a bad byte in any lane, or in the short tail,
  // must still be found, and valid multi-byte text around the blocks must pass untouched.
  const std::string ascii(100, 'x');
  for (std::size_t at = 0; at < ascii.size(); ++at) {
    std::string bytes = ascii;
    bytes[at] = '\xFF';
    const auto d = decode(bytes, k_where);
    ASSERT_EQ(d.diagnostics.size(), 1u) << "bad byte at " << at;
    EXPECT_EQ(d.text().substr(at, 3), "\xEF\xBF\xBD") << "bad byte at " << at;
  }
  const std::string mixed = ascii + "\xC3\xA9" + ascii + "\xE2\x82\xAC";
  EXPECT_EQ(decode(mixed, k_where).text(), mixed);
  EXPECT_TRUE(decode(mixed, k_where).diagnostics.empty());
}

TEST(Encoding, RejectsOverlongAndSurrogateSequences) {
  EXPECT_EQ(decode("\xC0\xAF", k_where).text(), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(decode("\xED\xA0\x80", k_where).diagnostics.size(), 1u);
}

}  // namespace
}  // namespace chimera::ingest
