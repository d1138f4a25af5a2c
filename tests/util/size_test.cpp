#include "chimera/util/size.hpp"

#include <gtest/gtest.h>

namespace chimera::util {
namespace {

TEST(ParseSize, AcceptsPlainBytes) { EXPECT_EQ(parse_size("1048576"), 1048576u); }

TEST(ParseSize, AcceptsDecimalAndBinarySuffixesInAnyCase) {
  EXPECT_EQ(parse_size("10MB"), 10'000'000u);
  EXPECT_EQ(parse_size("64MiB"), 64u * 1024 * 1024);
  EXPECT_EQ(parse_size("64mib"), 64u * 1024 * 1024);
  EXPECT_EQ(parse_size("1GiB"), 1024u * 1024 * 1024);
  EXPECT_EQ(parse_size("2kB"), 2000u);
  EXPECT_EQ(parse_size("1.5KiB"), 1536u);
  EXPECT_EQ(parse_size("512B"), 512u);
}

TEST(ParseSize, RejectsMalformedInput) {
  EXPECT_FALSE(parse_size(""));
  EXPECT_FALSE(parse_size("MiB"));
  EXPECT_FALSE(parse_size("12 parsecs"));
  EXPECT_FALSE(parse_size("-5"));
  EXPECT_FALSE(parse_size("1.2.3MB"));
}

}  // namespace
}  // namespace chimera::util
