#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "support/process.hpp"

namespace chimera::test {
namespace {

bool has_control_byte(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 && byte != '\n';
  });
}

// A file name with ESC sequences and a line break reached the terminal raw, on stderr and in
// the report, and split its diagnostic in two.
TEST(UntrustedNamesCli, ANameWithEscapesAndALineBreakIsShownEscapedOnOneLine) {
  TempDir dir;
  dir.write("runs.csv", "model,ttft_ms\ngemma,10\ngemma,12\n");
  dir.write("bad\x1b[31m\nchimera: error: fake.json", "{\"a\": ");
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("chimera: error: bad\\x1b[31m\\nchimera: error: fake.json:1: invalid JSON"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(has_control_byte(r.err)) << r.err;
  EXPECT_FALSE(has_control_byte(r.out));
  EXPECT_EQ(r.out.find("\nchimera: error: fake"), std::string::npos);
}

}  // namespace
}  // namespace chimera::test
