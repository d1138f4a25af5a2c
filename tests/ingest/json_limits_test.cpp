// What parse_json does with hostile shapes: nesting that would exhaust the stack, objects with
// more keys than a table holds.
#include <gtest/gtest.h>

#include <string>

#include "chimera/ingest/json.hpp"
#include "chimera/ingest/table_builder.hpp"
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
  EXPECT_NE(parsed.diagnostics[0].message.find("nesting deeper than 128 levels"), std::string::npos)
      << parsed.diagnostics[0].message;
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].rows(), 2u);
}

// 3 million keys took 4.47 GB: a table keeps its first TableBuilder::k_max_columns columns.
TEST(JsonLimits, AnObjectWithMoreKeysThanATableHoldsKeepsTheFirstAndSaysSo) {
  std::string text = "{";
  const std::size_t keys = TableBuilder::k_max_columns + 5;
  for (std::size_t i = 0; i < keys; ++i) {
    text += (i == 0 ? "\"k" : ",\"k") + std::to_string(100000 + i) + "\":1";
  }
  text += "}";
  const auto parsed = parse_json(text, k_where);
  ASSERT_FALSE(parsed.failure.has_value());
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].columns.size(), TableBuilder::k_max_columns);
  EXPECT_EQ(parsed.tables[0].columns.back().name(),
            "k" + std::to_string(100000 + TableBuilder::k_max_columns - 1));
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].severity, model::Severity::warning);
  EXPECT_NE(parsed.diagnostics[0].message.find("5 values in further columns are left out"),
            std::string::npos)
      << parsed.diagnostics[0].message;
}

// Each new key of a late record is a column of nulls for every other record: 4000 records of a
// new key each would be a table of 4000 x 4000 cells. The padding limit stops adding columns
// (at about 2900), and finish() keeps only as many as the table's cell limit allows.
TEST(JsonLimits, RecordsEachWithANewKeyMakeATableOfBoundedSize) {
  std::string text;
  for (int i = 0; i < 4000; ++i) {
    text += "{\"key" + std::to_string(i) + "\": 1}\n";
  }
  const auto parsed = parse_json(text, {"runs/log.jsonl", model::FileKind::json});
  ASSERT_FALSE(parsed.failure.has_value());
  ASSERT_EQ(parsed.tables.size(), 1u);
  const auto& table = parsed.tables[0];
  EXPECT_EQ(table.rows(), 4000u);
  EXPECT_EQ(table.columns.size(), TableBuilder::k_max_cells / 4000);
  EXPECT_EQ(table.columns.back().name(),
            "key" + std::to_string(TableBuilder::k_max_cells / 4000 - 1));
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_NE(parsed.diagnostics[0].message.find(
                std::to_string(4000 - TableBuilder::k_max_cells / 4000) +
                " values in further columns are left out"),
            std::string::npos)
      << parsed.diagnostics[0].message;
}

}  // namespace
}  // namespace chimera::ingest
