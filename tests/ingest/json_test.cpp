#include "chimera/ingest/json.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace chimera::ingest {
namespace {

const model::SourceRef k_where{"data/metrics.json", model::FileKind::json};

const model::Table* find_table(const Parsed& parsed, std::string_view locator) {
  for (const auto& table : parsed.tables) {
    if (table.locator == locator) {
      return &table;
    }
  }
  return nullptr;
}

TEST(JsonParser, FlattensNestedObjectsToDottedScalars) {
  const auto parsed =
      parse_json(R"({"model": "gemma", "baseline": {"aggregate": {"ttft_ms": 12.5}}})", k_where);
  ASSERT_FALSE(parsed.failure.has_value());
  ASSERT_EQ(parsed.tables.size(), 1u);
  const auto& scalars = parsed.tables[0];
  EXPECT_EQ(scalars.rows(), 1u);
  const auto* ttft = scalars.find_column("baseline.aggregate.ttft_ms");
  ASSERT_NE(ttft, nullptr);
  EXPECT_EQ(ttft->numbers[0], 12.5);
  EXPECT_EQ(ttft->pointer, "/baseline/aggregate/ttft_ms");
  EXPECT_EQ(scalars.find_column("model")->texts[0], "gemma");
}

TEST(JsonParser, MakesArrayOfObjectsATableWithRowPointers) {
  const auto parsed = parse_json(
      R"({"baseline": {"individual_runs": [{"ttft_ms": 1, "x": {"y": 2}}, {"ttft_ms": 3}]}})",
      k_where);
  const auto* runs = find_table(parsed, "/baseline/individual_runs");
  ASSERT_NE(runs, nullptr);
  EXPECT_EQ(runs->title, "individual_runs");
  EXPECT_EQ(runs->rows(), 2u);
  EXPECT_EQ(runs->row_pointers,
            (std::vector<std::string>{"/baseline/individual_runs/0", "/baseline/individual_runs/1"}));
  EXPECT_EQ(runs->find_column("ttft_ms")->numbers, (std::vector<double>{1, 3}));
  const auto* nested = runs->find_column("x.y");
  ASSERT_NE(nested, nullptr);
  EXPECT_EQ(nested->numbers[0], 2.0);
  EXPECT_TRUE(std::isnan(nested->numbers[1]));
  EXPECT_EQ(runs->row_location(1), "data/metrics.json#/baseline/individual_runs/1");
}

TEST(JsonParser, TopLevelArrayOfRecordsIsOneTable) {
  const auto parsed = parse_json(R"([{"a": 1}, {"a": 2}, {"b": 3}])", k_where);
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].locator, "");
  EXPECT_EQ(parsed.tables[0].rows(), 3u);
  EXPECT_EQ(parsed.tables[0].columns.size(), 2u);
}

TEST(JsonParser, PoolsSiblingArraysIntoOneTableByPattern) {
  const auto parsed = parse_json(
      R"({"runs": [{"samples": [{"t": 1}]}, {"samples": [{"t": 2}, {"t": 3}]}]})", k_where);
  const auto* samples = find_table(parsed, "/runs/*/samples");
  ASSERT_NE(samples, nullptr);
  EXPECT_EQ(samples->rows(), 3u);
  EXPECT_EQ(samples->row_pointers[2], "/runs/1/samples/1");
}

TEST(JsonParser, ArrayOfNumbersBecomesSamplesOfOneMetric) {
  const auto parsed = parse_json(R"({"timing": {"ttft_ms": [10, 12.5, 11]}})", k_where);
  const auto* samples = find_table(parsed, "/timing/ttft_ms");
  ASSERT_NE(samples, nullptr);
  ASSERT_EQ(samples->columns.size(), 1u);
  EXPECT_EQ(samples->columns[0].numbers, (std::vector<double>{10, 12.5, 11}));
  EXPECT_EQ(samples->columns[0].kind, model::MetricKind::ttft);
  EXPECT_EQ(samples->row_pointers[1], "/timing/ttft_ms/1");
}

TEST(JsonParser, AcceptsNanAndInfinityAsNulls) {
  const auto parsed = parse_json(
      R"({"ttft_ms": NaN, "tokens_per_second": Infinity, "memory_mb": -Infinity, "runs": 1,
          "s": "NaN text"})",
      k_where);
  ASSERT_FALSE(parsed.failure.has_value());
  const auto& t = parsed.tables[0];
  for (const char* name : {"ttft_ms", "tokens_per_second", "memory_mb"}) {
    ASSERT_EQ(t.find_column(name)->numbers.size(), 1u) << name;
    EXPECT_TRUE(std::isnan(t.find_column(name)->numbers[0])) << name;
    EXPECT_EQ(t.find_column(name)->role, model::Role::metric) << name;
  }
  EXPECT_EQ(t.find_column("runs")->numbers[0], 1.0);
  EXPECT_EQ(t.find_column("s")->texts[0], "NaN text");
}

TEST(JsonParser, ReplaceNonFiniteLeavesStringsAlone) {
  EXPECT_EQ(replace_non_finite(R"({"x": "Infinity"})"), std::nullopt);
  EXPECT_EQ(replace_non_finite(R"([NaN])"), std::optional<std::string>("[null]"));
}

TEST(JsonParser, ReadsJsonLinesWithLineNumbers) {
  const auto parsed = parse_json("{\"ttft_ms\": 1}\n\n{\"ttft_ms\": 2}\n",
                                 {"runs/log.jsonl", model::FileKind::json});
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].row_lines, (std::vector<double>{1, 3}));
  EXPECT_EQ(parsed.tables[0].columns[0].numbers, (std::vector<double>{1, 2}));
}

TEST(JsonParser, SkipsBadJsonLinesRecordWithItsLine) {
  const auto parsed = parse_json("{\"a\": 1}\n{\"a\": \n{\"a\": 3}\n",
                                 {"runs/log.ndjson", model::FileKind::json});
  ASSERT_FALSE(parsed.failure.has_value());
  EXPECT_EQ(parsed.tables[0].rows(), 2u);
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].line, 2u);
}

TEST(JsonParser, ReadsJsonLinesInADotJsonFile) {
  const auto parsed = parse_json("{\"a\": 1}\n{\"a\": 2}\n", k_where);
  ASSERT_FALSE(parsed.failure.has_value());
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].rows(), 2u);
}

TEST(JsonParser, TruncatedFileFailsWithLineAndColumn) {
  const auto parsed = parse_json("{\n  \"runs\": [\n    {\"ttft_ms\": 1,\n     \"tok", k_where);
  ASSERT_TRUE(parsed.failure.has_value());
  EXPECT_EQ(parsed.failure->line, 4u);
  EXPECT_NE(parsed.failure->message.find("column"), std::string::npos) << parsed.failure->message;
  EXPECT_NE(parsed.failure->message.find("invalid JSON"), std::string::npos);
  EXPECT_TRUE(parsed.tables.empty());
}

TEST(JsonParser, EmptyFileIsAFailure) {
  EXPECT_TRUE(parse_json("  \n", k_where).failure.has_value());
}

TEST(JsonParser, KeepsArrayOfStringsAsJsonText) {
  const auto parsed = parse_json(R"({"findings": ["a", "b"], "n": 1})", k_where);
  const auto* findings = parsed.tables[0].find_column("findings");
  ASSERT_NE(findings, nullptr);
  EXPECT_EQ(findings->texts[0], R"(["a","b"])");
}

}  // namespace
}  // namespace chimera::ingest
