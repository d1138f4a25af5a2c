#include "chimera/util/json_depth.hpp"

#include <gtest/gtest.h>

#include <string>

namespace chimera::util {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(JsonDepth, FindsTheBracketThatGoesOneLevelTooDeep) {
  EXPECT_EQ(json_depth_exceeded_at("[[[]]]", 3), npos);
  EXPECT_EQ(json_depth_exceeded_at("[[[]]]", 2), 2u);
  EXPECT_EQ(json_depth_exceeded_at(R"({"a": {"b": [1]}})", 2), 12u);
}

TEST(JsonDepth, CountsOnlyBracketsOutsideStrings) {
  EXPECT_EQ(json_depth_exceeded_at(R"(["[[[[", "\"[[[["])", 1), npos);
  EXPECT_EQ(json_depth_exceeded_at(R"(["\\", [1]])", 1), 7u);
}

TEST(JsonDepth, ClosingBracketsFreeTheirLevel) {
  EXPECT_EQ(json_depth_exceeded_at("[[1],[2],[3]]", 2), npos);
  EXPECT_EQ(json_depth_exceeded_at("]]]][[", 1), 5u);  // stray closers never go below zero
}

TEST(JsonDepth, FiftyThousandOpeningBracketsAreFoundWithoutRecursion) {
  const std::string deep(50'000, '[');
  EXPECT_EQ(json_depth_exceeded_at(deep), k_max_json_depth);
  EXPECT_EQ(json_depth_exceeded_at("\"unterminated [[[[", 1), npos);
}

}  // namespace
}  // namespace chimera::util
