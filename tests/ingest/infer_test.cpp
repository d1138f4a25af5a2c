#include "chimera/ingest/infer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace chimera::ingest {
namespace {

std::vector<Cell> raw(std::initializer_list<std::string_view> texts) {
  std::vector<Cell> cells;
  for (const auto t : texts) {
    cells.push_back(Cell::raw(t));
  }
  return cells;
}

TEST(InferColumn, ConvertsSecondsToCanonicalMilliseconds) {
  const auto column = infer_column("ttft_s", raw({"0.406", "0.5"}));
  EXPECT_EQ(column.role(), model::Role::metric);
  EXPECT_EQ(column.kind(), model::MetricKind::ttft);
  EXPECT_EQ(column.unit(), "ms");
  EXPECT_EQ(column.source_unit(), "s");
  EXPECT_EQ(column.type(), model::ValueType::floating);
  EXPECT_DOUBLE_EQ(column.numbers[0], 406.0);
  EXPECT_DOUBLE_EQ(column.numbers[1], 500.0);
}

TEST(InferColumn, RunIdentifierIsTextNotAMetricOrDimension) {
  const auto column = infer_column("run_id", raw({"r1", "r2", "r3"}));
  EXPECT_EQ(column.role(), model::Role::text);
  EXPECT_EQ(column.type(), model::ValueType::string);
  EXPECT_EQ(column.texts, (std::vector<std::string>{"r1", "r2", "r3"}));
  EXPECT_TRUE(column.numbers.empty());
}

TEST(InferColumn, IntegerRunIdentifierIsKeptAsNumbersButStaysText) {
  const auto column = infer_column("run_id", raw({"17", "-", " 3 ", "120"}));
  EXPECT_EQ(column.role(), model::Role::text);
  EXPECT_EQ(column.type(), model::ValueType::integer);
  EXPECT_TRUE(column.texts.empty());
  ASSERT_EQ(column.numbers.size(), 4u);
  EXPECT_EQ(column.numbers[0], 17.0);
  EXPECT_TRUE(std::isnan(column.numbers[1]));
  EXPECT_EQ(column.numbers[2], 3.0);
  EXPECT_EQ(column.numbers[3], 120.0);
}

TEST(InferColumn, IdentifierWrittenOtherThanItsNumberKeepsItsText) {
  // "007" and "1e3" read as integers, but as numbers they would print as "7" and "1000".
  for (const auto* odd : {"007", "1e3", "12345678901234567890"}) {
    const auto column = infer_column("run_id", raw({"1", odd}));
    EXPECT_EQ(column.type(), model::ValueType::string) << odd;
    EXPECT_EQ(column.texts, (std::vector<std::string>{"1", odd})) << odd;
    EXPECT_TRUE(column.numbers.empty()) << odd;
  }
}

TEST(InferColumn, ConvertsEachCellByItsOwnUnit) {
  const auto column = infer_column("Duration", raw({"26.77s", "450 ms", "-"}));
  EXPECT_EQ(column.kind(), model::MetricKind::duration);
  EXPECT_DOUBLE_EQ(column.numbers[0], 26770.0);
  EXPECT_DOUBLE_EQ(column.numbers[1], 450.0);
  EXPECT_TRUE(std::isnan(column.numbers[2]));
}

TEST(InferColumn, ConvertsGigabytesToMebibytes) {
  const auto column = infer_column("peak_memory_gb", raw({"1.5"}));
  EXPECT_EQ(column.kind(), model::MetricKind::memory);
  EXPECT_EQ(column.unit(), "MiB");
  EXPECT_DOUBLE_EQ(column.numbers[0], 1536.0);
}

TEST(InferColumn, TakesOllamaNanosecondsForUnitlessLargeIntegers) {
  const auto column = infer_column("load_duration", raw({"3463034200", "3391428700"}));
  EXPECT_EQ(column.kind(), model::MetricKind::load);
  EXPECT_DOUBLE_EQ(column.numbers[0], 3463.0342);
}

TEST(InferColumn, IntegerColumnIsIntegerAndNumericDimensionKeepsNumbers) {
  const auto column = infer_column("num_gpu", raw({"60", "80"}));
  EXPECT_EQ(column.type(), model::ValueType::integer);
  EXPECT_EQ(column.role(), model::Role::dimension);
  EXPECT_EQ(column.numbers, (std::vector<double>{60, 80}));
  EXPECT_TRUE(column.texts.empty());
}

TEST(InferColumn, StringDimensionAndFreeText) {
  const auto model = infer_column("model", raw({"gemma3:latest", ""}));
  EXPECT_EQ(model.role(), model::Role::dimension);
  EXPECT_EQ(model.texts, (std::vector<std::string>{"gemma3:latest", ""}));
  EXPECT_EQ(infer_column("notes", raw({"fast run"})).role(), model::Role::text);
}

TEST(InferColumn, BooleansAndTimestamps) {
  const auto flag = infer_column("warm", raw({"true", "False"}));
  EXPECT_EQ(flag.type(), model::ValueType::boolean);
  EXPECT_EQ(flag.numbers, (std::vector<double>{1, 0}));
  const auto when = infer_column("timestamp", raw({"1970-01-01T00:01:00Z"}));
  EXPECT_EQ(when.type(), model::ValueType::timestamp);
  EXPECT_EQ(when.role(), model::Role::timestamp);
  EXPECT_EQ(when.numbers[0], 60.0);
  EXPECT_EQ(when.texts[0], "1970-01-01T00:01:00Z");
}

TEST(InferColumn, MixedTextMakesAStringColumn) {
  const auto column = infer_column("value", raw({"1", "/data/analysis", "v3.7"}));
  EXPECT_EQ(column.type(), model::ValueType::string);
  EXPECT_EQ(column.texts[0], "1");
}

TEST(InferColumn, ErrorColumnKeepsText) {
  const auto column = infer_column("error", raw({"", "CUDA error: out of memory"}));
  EXPECT_EQ(column.role(), model::Role::error);
  EXPECT_EQ(column.texts[1], "CUDA error: out of memory");
}

TEST(InferColumn, UnitOfCellsDecidesKindOfAnUnnamedMetric) {
  const auto column = infer_column("Baseline", raw({"99.31 tok/s"}));
  EXPECT_EQ(column.kind(), model::MetricKind::throughput);
  EXPECT_EQ(column.direction(), model::Direction::higher);
  EXPECT_EQ(column.source_unit(), "tok/s");
}

}  // namespace
}  // namespace chimera::ingest
