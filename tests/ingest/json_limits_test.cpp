// What parse_json does with hostile shapes: nesting that would exhaust the stack.
#include <gtest/gtest.h>

#include <string>

#include "chimera/ingest/json.hpp"
#include "chimera/util/json_depth.hpp"

namespace chimera::ingest {
namespace {

const model::SourceRef k_where{"deep/nested.json", model::FileKind::json};

std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

std::string nested_objects(std::size_t depth) {
  std::string text;
  for (std::size_t i = 0; i < depth; ++i) {
    text += "{\"a\":";
  }
  text += '1';
  text.append(depth, '}');
  return text;
}

TEST(JsonLimits, FiftyThousandNestedArraysAreAnErrorNotACrash) {
  const auto parsed = parse_json(nested_arrays(50'000), k_where);
  ASSERT_TRUE(parsed.failure.has_value());
  EXPECT_EQ(parsed.failure->line, 1u);
  EXPECT_NE(parsed.failure->message.find("nesting deeper than 128 levels"), std::string::npos)
      << parsed.failure->message;
  EXPECT_NE(parsed.failure->message.find("column 129"), std::string::npos)
      << parsed.failure->message;
  EXPECT_TRUE(parsed.tables.empty());
}

TEST(JsonLimits, FiftyThousandNestedObjectsAreAnErrorNotACrash) {
  const auto parsed = parse_json("\n\n" + nested_objects(50'000), k_where);
  ASSERT_TRUE(parsed.failure.has_value());
  EXPECT_EQ(parsed.failure->line, 3u);
  EXPECT_NE(parsed.failure->message.find("nesting deeper than 128 levels"), std::string::npos)
      << parsed.failure->message;
}

TEST(JsonLimits, NestingAtTheLimitIsRead) {
  const auto arrays = parse_json(nested_arrays(util::k_max_json_depth), k_where);
  EXPECT_FALSE(arrays.failure.has_value()) << arrays.failure->message;
  const auto objects = parse_json(nested_objects(util::k_max_json_depth), k_where);
  ASSERT_FALSE(objects.failure.has_value()) << objects.failure->message;
  ASSERT_EQ(objects.tables.size(), 1u);
  EXPECT_EQ(objects.tables[0].columns.size(), 1u);
}

TEST(JsonLimits, ADeepJsonLinesRecordIsSkippedWithItsLine) {
  const auto parsed = parse_json("{\"a\": 1}\n" + nested_arrays(1000) + "\n{\"a\": 2}\n",
                                 {"runs/log.jsonl", model::FileKind::json});
  ASSERT_FALSE(parsed.failure.has_value());
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].line, 2u);
  EXPECT_NE(parsed.diagnostics[0].message.find("nesting deeper than 128 levels"),
            std::string::npos)
      << parsed.diagnostics[0].message;
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].rows(), 2u);
}

}  // namespace
}  // namespace chimera::ingest
