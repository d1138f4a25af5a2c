#include "chimera/ingest/unique_names.hpp"

#include <gtest/gtest.h>

namespace chimera::ingest {
namespace {

TEST(UniqueNames, RepeatedNamesGetTheFirstFreeNumber) {
  UniqueNames names("_", "");
  EXPECT_EQ(names.take("a"), "a");
  EXPECT_EQ(names.take("a_2"), "a_2");
  EXPECT_EQ(names.take("a"), "a_3");
  EXPECT_EQ(names.take("a"), "a_4");
  EXPECT_EQ(names.take("b"), "b");
  EXPECT_TRUE(names.contains("a_4"));
  EXPECT_FALSE(names.contains("b_2"));
}

TEST(UniqueNames, TakesTheCandidateOrANumberedBase) {
  UniqueNames names(" (", ")");
  EXPECT_EQ(names.take("ttft"), "ttft");
  EXPECT_EQ(names.take("Run 1 > ttft", "ttft"), "Run 1 > ttft");
  EXPECT_EQ(names.take("Run 1 > ttft", "ttft"), "ttft (2)");
  EXPECT_EQ(names.take("ttft"), "ttft (3)");
}

TEST(UniqueNames, HundredThousandCopiesOfOneNameAreNumberedInOrder) {
  UniqueNames names("_", "");
  EXPECT_EQ(names.take("x"), "x");
  std::string last;
  for (int i = 2; i <= 100'000; ++i) {
    last = names.take("x");
  }
  EXPECT_EQ(last, "x_100000");
}

}  // namespace
}  // namespace chimera::ingest
