#include "chimera/ingest/markdown.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace chimera::ingest {
namespace {

const model::SourceRef k_where{"reports/summary.md", model::FileKind::markdown};

constexpr std::string_view k_report = R"(# Sweep Summary: gemma3

**Date:** 2025-11-10
**Model:** gemma3:latest

Note: this prose line is not data.

## Headline Results

- Throughput: 40.99 tok/s
- Best TTFT: 0.312 s
- **Runs**: 3

## Aggregate Performance

| Metric | Baseline | Chimera | Δ |
|--------|----------|---------|---|
| Average Throughput (tok/s) | 99.31 ± 0.00 | 99.50 ± 0.00 | +0.2% (+0.19) |
| Average TTFT (ms) | 3759.71 ± 0.00 | 3679.13 ± 0.00 | +2.1% (+80.58) |

```
- Fake: 1 ms
| a | b |
|---|---|
| 1 | 2 |
```

## Second

| Config | **TTFT (ms)** |
|---|---:|
| gpu60 | 336.1 |
)";

const model::Table* find(const Parsed& parsed, std::string_view locator) {
  for (const auto& t : parsed.tables) {
    if (t.locator == locator) {
      return &t;
    }
  }
  return nullptr;
}

TEST(MarkdownParser, ReadsEveryGfmTableWithHeadingAndRowLines) {
  const auto parsed = parse_markdown(k_report, k_where);
  const auto* table = find(parsed, "table 1");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->title, "Aggregate Performance");
  EXPECT_EQ(table->rows(), 2u);
  EXPECT_EQ(table->row_lines, (std::vector<double>{18, 19}));
  const auto* second = find(parsed, "table 2");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->title, "Second");
  EXPECT_EQ(find(parsed, "table 3"), nullptr) << "a table inside a code block is not data";
}

TEST(MarkdownParser, TakesLeadingNumberOfCellsWithSpreadOrDelta) {
  const auto parsed = parse_markdown(k_report, k_where);
  const auto* table = find(parsed, "table 1");
  ASSERT_NE(table, nullptr);
  const auto* baseline = table->find_column("Baseline");
  ASSERT_NE(baseline, nullptr);
  EXPECT_EQ(baseline->numbers, (std::vector<double>{99.31, 3759.71}));
  const auto* delta = table->find_column("Δ");
  ASSERT_NE(delta, nullptr);
  EXPECT_EQ(delta->numbers, (std::vector<double>{0.2, 2.1}));
  EXPECT_EQ(delta->kind, model::MetricKind::percent);
  EXPECT_EQ(table->find_column("Metric")->role, model::Role::dimension);
}

TEST(MarkdownParser, BoldHeaderCellIsPlainText) {
  const auto parsed = parse_markdown(k_report, k_where);
  const auto* column = find(parsed, "table 2")->find_column("TTFT (ms)");
  ASSERT_NE(column, nullptr);
  EXPECT_EQ(column->kind, model::MetricKind::ttft);
  EXPECT_EQ(column->numbers[0], 336.1);
}

TEST(MarkdownParser, ReadsBulletsAndBoldLabelsAsScalarsWithUnits) {
  const auto parsed = parse_markdown(k_report, k_where);
  const auto* scalars = find(parsed, "scalars");
  ASSERT_NE(scalars, nullptr);
  EXPECT_EQ(scalars->title, "Sweep Summary: gemma3");
  EXPECT_EQ(scalars->rows(), 1u);
  const auto* throughput = scalars->find_column("Throughput");
  ASSERT_NE(throughput, nullptr);
  EXPECT_EQ(throughput->numbers[0], 40.99);
  EXPECT_EQ(throughput->kind, model::MetricKind::throughput);
  EXPECT_EQ(throughput->line, 10u);
  const auto* ttft = scalars->find_column("Best TTFT");
  ASSERT_NE(ttft, nullptr);
  EXPECT_EQ(ttft->kind, model::MetricKind::ttft);
  EXPECT_DOUBLE_EQ(ttft->numbers[0], 312.0);
  EXPECT_EQ(ttft->source_unit, "s");
  EXPECT_EQ(scalars->find_column("Model")->texts[0], "gemma3:latest");
  EXPECT_EQ(scalars->find_column("Model")->role, model::Role::dimension);
  EXPECT_EQ(scalars->find_column("Date")->role, model::Role::timestamp);
  EXPECT_EQ(scalars->find_column("Runs")->numbers[0], 3.0);
  EXPECT_EQ(scalars->find_column("Note"), nullptr) << "plain prose is not a key/value line";
  EXPECT_EQ(scalars->find_column("Fake"), nullptr) << "code blocks are not data";
}

TEST(MarkdownParser, QualifiesRepeatedKeyWithItsHeading) {
  const auto parsed = parse_markdown(
      "## Throughput\n- Baseline: 99.31 tok/s\n\n## TTFT\n- Baseline: 3759.71 ms\n", k_where);
  const auto* scalars = find(parsed, "scalars");
  ASSERT_NE(scalars, nullptr);
  EXPECT_EQ(scalars->find_column("Baseline")->kind, model::MetricKind::throughput);
  const auto* ttft = scalars->find_column("TTFT > Baseline");
  ASSERT_NE(ttft, nullptr);
  EXPECT_EQ(ttft->kind, model::MetricKind::ttft);
  EXPECT_EQ(ttft->unit, "ms");
}

TEST(MarkdownParser, ProseOnlyGivesNoTables) {
  EXPECT_TRUE(parse_markdown("# Title\n\nJust words.\n", k_where).tables.empty());
}

TEST(MarkdownParser, SplitsKeyValueLines) {
  const auto kv = split_key_value("Date: 2025-10-09 16:40:24");
  ASSERT_TRUE(kv.has_value());
  EXPECT_EQ(kv->key, "Date");
  EXPECT_EQ(kv->value, "2025-10-09 16:40:24");
  EXPECT_FALSE(split_key_value("no colon here").has_value());
  EXPECT_FALSE(split_key_value("Baseline:").has_value());
}

}  // namespace
}  // namespace chimera::ingest

namespace chimera::ingest {
namespace {

TEST(MarkdownParser, TransposesMetricValueTableIntoOneRowOfNamedMetrics) {
  const auto parsed = parse_markdown(R"(## Aggregate Metrics

| Metric | Value |
|--------|-------|
| Average Throughput | 99.31 ± 0.00 tok/s |
| Average TTFT | 4.2 s |
| Total Tokens Generated | 0 |
)",
                                     {"r.md", model::FileKind::markdown});
  ASSERT_EQ(parsed.tables.size(), 1u);
  const auto& table = parsed.tables[0];
  EXPECT_EQ(table.rows(), 1u);
  const auto* ttft = table.find_column("Average TTFT");
  ASSERT_NE(ttft, nullptr);
  EXPECT_EQ(ttft->kind, model::MetricKind::ttft);
  EXPECT_DOUBLE_EQ(ttft->numbers[0], 4200.0);
  EXPECT_EQ(ttft->line, 6u);
  EXPECT_EQ(table.find_column("Average Throughput")->kind, model::MetricKind::throughput);
  EXPECT_EQ(table.find_column("Total Tokens Generated")->kind, model::MetricKind::tokens);
}

TEST(MarkdownParser, ColumnWithUnitsOfDifferentKindsHasNoSingleKind) {
  const auto parsed = parse_markdown(
      "| Name | Reading |\n|---|---|\n| a | 99.31 tok/s |\n| b | 12 ms |\n",
      {"r.md", model::FileKind::markdown});
  const auto* reading = parsed.tables[0].find_column("Reading");
  ASSERT_NE(reading, nullptr);
  EXPECT_EQ(reading->kind, model::MetricKind::other);
  EXPECT_EQ(reading->unit, "");
  EXPECT_EQ(reading->numbers, (std::vector<double>{99.31, 12}));
}

}  // namespace
}  // namespace chimera::ingest
