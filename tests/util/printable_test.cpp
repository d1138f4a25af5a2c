#include "chimera/util/printable.hpp"

#include <gtest/gtest.h>

namespace chimera::util {
namespace {

TEST(Printable, ShowsTerminalEscapesInsteadOfSendingThem) {
  EXPECT_EQ(printable("runs/\x1b]0;owned\x07x.csv"), "runs/\\x1b]0;owned\\x07x.csv");
  EXPECT_EQ(printable("\x1b[2J\x1b[31mred"), "\\x1b[2J\\x1b[31mred");
  EXPECT_EQ(printable("del\x7f"), "del\\x7f");
}

TEST(Printable, KeepsOneLinePerMessage) {
  EXPECT_EQ(printable("a.csv\nchimera: error: fake"), "a.csv\\nchimera: error: fake");
  EXPECT_EQ(printable("cr\rtab\t"), "cr\\rtab\\t");
  EXPECT_EQ(printable_lines("line 1\n\tline 2\r\x1b"), "line 1\n\tline 2\\r\\x1b");
}

TEST(Printable, EscapesC1ControlsBidiOverridesAndBytesThatAreNotUtf8) {
  EXPECT_EQ(printable("\xc2\x9b"
                      "31m"),
            "\\u{9b}31m");  // C1 CSI
  EXPECT_EQ(printable("txt.\xe2\x80\xae"
                      "csv"),
            "txt.\\u{202e}csv");  // right-to-left override
  EXPECT_EQ(printable("\xff\xfe"
                      "a\xc0\xaf"),
            "\\xff\\xfea\\xc0\\xaf");
  EXPECT_EQ(printable("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
}

TEST(Printable, KeepsOrdinaryTextAndUtf8) {
  EXPECT_EQ(printable("Δ ttft (ms) — gemma3:latest 😀"), "Δ ttft (ms) — gemma3:latest 😀");
  EXPECT_EQ(printable(""), "");
}

}  // namespace
}  // namespace chimera::util
