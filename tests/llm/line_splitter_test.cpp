#include "chimera/llm/line_splitter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chimera::llm {
namespace {

struct Collected {
  std::vector<std::string> lines;
  LineSplitter::Status status = LineSplitter::Status::ok;
};

Collected split(const std::vector<std::string>& reads, std::size_t max = k_max_line_bytes) {
  LineSplitter splitter(max);
  Collected out;
  for (const auto& read : reads) {
    out.status = splitter.feed(read, [&](std::string_view line) {
      out.lines.emplace_back(line);
      return true;
    });
    if (out.status != LineSplitter::Status::ok) {
      break;
    }
  }
  if (out.status == LineSplitter::Status::ok && !splitter.remainder().empty()) {
    out.lines.push_back("<rest>" + std::string(splitter.remainder()));
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(LineSplitter, SplitsSeveralLinesInOneRead) {
  EXPECT_EQ(split({"a\nbb\nccc\n"}).lines, (Lines{"a", "bb", "ccc"}));
}

TEST(LineSplitter, JoinsALineSpreadOverManyReads) {
  EXPECT_EQ(split({"{\"a\"", ":", "1}", "\n{", "}\n"}).lines, (Lines{"{\"a\":1}", "{}"}));
}

TEST(LineSplitter, HandsOverOneByteReads) {
  const std::string text = "first\r\nsecond\n";
  std::vector<std::string> reads;
  for (char c : text) {
    reads.emplace_back(1, c);
  }
  EXPECT_EQ(split(reads).lines, (Lines{"first", "second"}));
}

TEST(LineSplitter, KeepsAFourByteCharacterSplitAcrossReadsWhole) {
  const std::string emoji = "\xF0\x9F\x98\x80";  // U+1F600
  const auto out = split({"x" + emoji.substr(0, 1), emoji.substr(1, 2), emoji.substr(3) + "y\n"});
  EXPECT_EQ(out.lines, (Lines{"x" + emoji + "y"}));
}

TEST(LineSplitter, KeepsBlankLinesAndTheUnterminatedRest) {
  EXPECT_EQ(split({"a\n\nb"}).lines, (Lines{"a", "", "<rest>b"}));
}

TEST(LineSplitter, RejectsALineOverTheBoundInOneRead) {
  EXPECT_EQ(split({"12345\n"}, 4).status, LineSplitter::Status::line_too_long);
}

TEST(LineSplitter, RejectsALineOverTheBoundAcrossReadsBeforeItsNewline) {
  const auto out = split({"12", "34", "5"}, 4);
  EXPECT_EQ(out.status, LineSplitter::Status::line_too_long);
  EXPECT_TRUE(out.lines.empty());
}

TEST(LineSplitter, AcceptsALineExactlyAtTheBound) {
  EXPECT_EQ(split({"12", "34\n"}, 4).lines, (Lines{"1234"}));
}

TEST(LineSplitter, StopsWhenTheCallbackSaysSo) {
  LineSplitter splitter;
  int calls = 0;
  const auto status = splitter.feed("a\nb\nc\n", [&](std::string_view) { return ++calls < 2; });
  EXPECT_EQ(status, LineSplitter::Status::stopped);
  EXPECT_EQ(calls, 2);
}

TEST(LineSplitter, CountsLines) {
  LineSplitter splitter;
  ASSERT_EQ(splitter.feed("a\nb\nc", [](std::string_view) { return true; }),
            LineSplitter::Status::ok);
  EXPECT_EQ(splitter.lines_seen(), 2U);
}

}  // namespace
}  // namespace chimera::llm
