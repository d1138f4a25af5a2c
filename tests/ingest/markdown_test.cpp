#include "chimera/ingest/markdown.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

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
  // "+0.2% (+0.19)" under Δ is a relative change, not a raw percent.
  EXPECT_EQ(delta->kind(), model::MetricKind::improvement);
  EXPECT_EQ(table->find_column("Metric")->role(), model::Role::dimension);
}

TEST(MarkdownParser, BoldHeaderCellIsPlainText) {
  const auto parsed = parse_markdown(k_report, k_where);
  const auto* column = find(parsed, "table 2")->find_column("TTFT (ms)");
  ASSERT_NE(column, nullptr);
  EXPECT_EQ(column->kind(), model::MetricKind::ttft);
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
  EXPECT_EQ(throughput->kind(), model::MetricKind::throughput);
  EXPECT_EQ(throughput->line(), 10u);
  const auto* ttft = scalars->find_column("Best TTFT");
  ASSERT_NE(ttft, nullptr);
  EXPECT_EQ(ttft->kind(), model::MetricKind::ttft);
  EXPECT_DOUBLE_EQ(ttft->numbers[0], 312.0);
  EXPECT_EQ(ttft->source_unit(), "s");
  EXPECT_EQ(scalars->find_column("Model")->texts[0], "gemma3:latest");
  EXPECT_EQ(scalars->find_column("Model")->role(), model::Role::dimension);
  EXPECT_EQ(scalars->find_column("Date")->role(), model::Role::timestamp);
  EXPECT_EQ(scalars->find_column("Runs")->numbers[0], 3.0);
  EXPECT_EQ(scalars->find_column("Note"), nullptr) << "plain prose is not a key/value line";
  EXPECT_EQ(scalars->find_column("Fake"), nullptr) << "code blocks are not data";
}

TEST(MarkdownParser, QualifiesRepeatedKeyWithItsHeading) {
  const auto parsed = parse_markdown(
      "## Throughput\n- Baseline: 99.31 tok/s\n\n## TTFT\n- Baseline: 3759.71 ms\n", k_where);
  const auto* scalars = find(parsed, "scalars");
  ASSERT_NE(scalars, nullptr);
  EXPECT_EQ(scalars->find_column("Baseline")->kind(), model::MetricKind::throughput);
  const auto* ttft = scalars->find_column("TTFT > Baseline");
  ASSERT_NE(ttft, nullptr);
  EXPECT_EQ(ttft->kind(), model::MetricKind::ttft);
  EXPECT_EQ(ttft->unit(), "ms");
}

TEST(MarkdownParser, NumbersRepeatedKeysAndHeadersInOrder) {
  std::string text = "| a | a | a |\n|---|---|---|\n| 1 | 2 | 3 |\n\n";
  for (int i = 0; i < 3000; ++i) {
    text += "- k: 1\n";
  }
  const auto parsed = parse_markdown(text, k_where);
  const auto* table = find(parsed, "table 1");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->columns.size(), 3u);
  EXPECT_EQ(table->columns[2].name(), "a_3");
  const auto* scalars = find(parsed, "scalars");
  ASSERT_NE(scalars, nullptr);
  ASSERT_EQ(scalars->columns.size(), 3000u);
  EXPECT_EQ(scalars->columns[2999].name(), "k (3000)");
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
  EXPECT_EQ(ttft->kind(), model::MetricKind::ttft);
  EXPECT_DOUBLE_EQ(ttft->numbers[0], 4200.0);
  EXPECT_EQ(ttft->line(), 6u);
  EXPECT_EQ(table.find_column("Average Throughput")->kind(), model::MetricKind::throughput);
  EXPECT_EQ(table.find_column("Total Tokens Generated")->kind(), model::MetricKind::tokens);
}

TEST(MarkdownParser, ColumnWithUnitsOfDifferentKindsHasNoSingleKind) {
  const auto parsed = parse_markdown(
      "| Name | Reading |\n|---|---|\n| a | 99.31 tok/s |\n| b | 12 ms |\n",
      {"r.md", model::FileKind::markdown});
  const auto* reading = parsed.tables[0].find_column("Reading");
  ASSERT_NE(reading, nullptr);
  EXPECT_EQ(reading->kind(), model::MetricKind::other);
  EXPECT_EQ(reading->unit(), "");
  EXPECT_EQ(reading->numbers, (std::vector<double>{99.31, 12}));
}

}  // namespace
}  // namespace chimera::ingest

namespace chimera::ingest {
namespace {

// Tables whose cells cmark splits into several inline nodes (emphasis, code, escapes, entities)
// and whose text the parser must copy rather than view.
constexpr std::string_view k_inline_cells = R"(## Mixed

| Name | **Latency** (ms) | Note |
|---|---|---|
| `gpu` \| a | 12.5 | *fast* &amp; `ok` |
| b | **13** | plain |
)";

TEST(MarkdownParser, JoinsCellsMadeOfSeveralInlines) {
  const auto parsed = parse_markdown(k_inline_cells, k_where);
  ASSERT_EQ(parsed.tables.size(), 1u);
  const auto& table = parsed.tables[0];
  EXPECT_EQ(table.find_column("Name")->texts, (std::vector<std::string>{"gpu | a", "b"}));
  const auto* latency = table.find_column("Latency (ms)");
  ASSERT_NE(latency, nullptr);
  EXPECT_EQ(latency->numbers, (std::vector<double>{12.5, 13}));
  EXPECT_EQ(table.find_column("Note")->texts, (std::vector<std::string>{"fast & ok", "plain"}));
}

TEST(MarkdownParser, ManyFilesInARowOnOneThreadReadTheSame) {
  const auto first = parse_markdown(k_report, k_where);
  for (int i = 0; i < 300; ++i) {
    const auto other = parse_markdown(i % 2 == 0 ? k_inline_cells : k_report, k_where);
    ASSERT_FALSE(other.tables.empty());
  }
  const auto again = parse_markdown(k_report, k_where);
  ASSERT_EQ(again.tables.size(), first.tables.size());
  for (std::size_t t = 0; t < first.tables.size(); ++t) {
    ASSERT_EQ(again.tables[t].columns.size(), first.tables[t].columns.size());
    for (std::size_t c = 0; c < first.tables[t].columns.size(); ++c) {
      const auto& a = first.tables[t].columns[c];
      const auto& b = again.tables[t].columns[c];
      EXPECT_EQ(a.name(), b.name());
      EXPECT_EQ(a.texts, b.texts);
      EXPECT_EQ(a.numbers.size(), b.numbers.size());
    }
  }
  // The first result must not point into memory later parses reused.
  EXPECT_EQ(find(first, "table 1")->find_column("Baseline")->numbers,
            (std::vector<double>{99.31, 3759.71}));
  EXPECT_EQ(find(first, "scalars")->find_column("Model")->texts[0], "gemma3:latest");
}

TEST(MarkdownParser, ReadsAHugeTableWithCellsLargerThanAnArenaBlock) {
  std::string text = "# Big\n\n| Run | Tokens | Blob |\n|---|---|---|\n";
  const std::string blob(3 * 1024 * 1024, 'x');
  constexpr int k_rows = 30000;
  for (int r = 1; r <= k_rows; ++r) {
    text += "| " + std::to_string(r) + " | " + std::to_string(r * 2) + " | " +
            (r == k_rows / 2 ? blob : "y") + " |\n";
  }
  const auto parsed = parse_markdown(text, k_where);
  const auto* table = find(parsed, "table 1");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows(), static_cast<std::size_t>(k_rows));
  const auto* tokens = table->find_column("Tokens");
  ASSERT_NE(tokens, nullptr);
  EXPECT_EQ(tokens->numbers.front(), 2.0);
  EXPECT_EQ(tokens->numbers.back(), 2.0 * k_rows);
  EXPECT_EQ(table->row_lines.back(), static_cast<std::uint64_t>(k_rows + 4));
  EXPECT_EQ(table->find_column("Blob")->texts[k_rows / 2 - 1], blob);
}

TEST(MarkdownParser, ThreadsParseAtTheSameTimeWithTheirOwnArenas) {
  const auto expected = parse_markdown(k_inline_cells, k_where).tables[0].find_column("Note")->texts;
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        const auto parsed = parse_markdown(i % 3 == 0 ? k_report : k_inline_cells, k_where);
        if (i % 3 != 0 && parsed.tables[0].find_column("Note")->texts != expected) {
          ++mismatches;
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace chimera::ingest

namespace chimera::ingest {
namespace {

const model::SourceRef k_results{"reports/results.md", model::FileKind::markdown};

TEST(MarkdownParser, ZerosInAResultsTableAreDataNotFailedRuns) {
  const auto parsed = parse_markdown(R"(## Correctness

| Model | Passed | Pass rate | Errors |
|---|---|---|---|
| gemma3 | 0/16 (0%) | 0% (0/45 runs) | 0 |
| llama3 | 16/16 (100%) | 100% (45/45 runs) | 0 |
| qwen2 | 0/16 (0%) | 0% (0/45 runs) | 0 |
)",
                                     k_results);
  ASSERT_EQ(parsed.tables.size(), 1u);
  const auto& table = parsed.tables[0];
  EXPECT_EQ(table.failed, (model::RowFlags{false, false, false}));
  EXPECT_EQ(table.find_column("Passed")->numbers, (std::vector<double>{0, 16, 0}));
  EXPECT_EQ(table.find_column("Pass rate")->kind(), model::MetricKind::percent);
}

TEST(MarkdownParser, ARunThatMeasuredNothingIsStillAFailedRun) {
  const auto parsed = parse_markdown(
      "| Run | TTFT (ms) | Throughput (tok/s) | Success |\n|---|---|---|---|\n"
      "| 1 | 0.00 | 0.00 | 0% |\n| 2 | 4238.11 | 0.00 | 0% |\n| 3 | - | - | - |\n",
      k_results);
  const auto& table = parsed.tables[0];
  // A 0% success rate is a reading, but a TTFT and a throughput of 0 say run 1 measured nothing.
  EXPECT_EQ(table.failed, (model::RowFlags{true, false, true}));
}

TEST(MarkdownParser, AnEmptySecondHeaderRowIsNoRun) {
  const auto parsed = parse_markdown(
      "| Kernel | Duration (us) |\n|---|---|\n| | |\n| sgemm | 12.5 |\n| hgemm | 8.25 |\n",
      k_results);
  const auto& table = parsed.tables[0];
  EXPECT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.failed, (model::RowFlags{false, false}));
  EXPECT_EQ(table.row_lines, (std::vector<double>{4, 5}));
  EXPECT_DOUBLE_EQ(table.find_column("Duration (us)")->numbers[0], 0.0125);
}

TEST(MarkdownParser, ReadsAnNsightUnitsRowAsTheColumnsUnits) {
  const auto parsed = parse_markdown(R"(## Kernels

| Kernel Name | gpu__time_duration.sum | sm__throughput.avg.pct_of_peak_sustained_elapsed | dram__bytes_read.sum |
|---|---|---|---|
| | usecond | % | Mbyte |
| ampere_sgemm_128x64_tn | 2.50 | 41.2 | 1.5 |
| ampere_sgemm_64x64_nn | 3.75 | 38.9 | 2 |
)",
                                     k_results);
  const auto& table = parsed.tables[0];
  EXPECT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.failed, (model::RowFlags{false, false}));
  const auto* timing = table.find_column("gpu__time_duration.sum");
  ASSERT_NE(timing, nullptr);
  EXPECT_EQ(timing->role(), model::Role::metric);
  EXPECT_EQ(timing->kind(), model::MetricKind::duration);
  EXPECT_EQ(timing->source_unit(), "usecond");
  EXPECT_EQ(timing->unit_source(), model::UnitSource::header_row);
  EXPECT_DOUBLE_EQ(timing->numbers[1], 0.00375);
  EXPECT_EQ(table.find_column("sm__throughput.avg.pct_of_peak_sustained_elapsed")->kind(),
            model::MetricKind::percent);
  EXPECT_EQ(table.find_column("dram__bytes_read.sum")->kind(), model::MetricKind::memory);
}

TEST(MarkdownParser, BulletsOfDifferencesSettingsAndTemperatures) {
  const auto parsed = parse_markdown(R"(# Comparison

## Run-by-Run Detail

- Throughput delta: -0.15 tok/s (-0.1%)
- TTFT delta: -243.53 ms (-17.8%)
- **Average throughput improvement:** -0.1% (99.01 → 98.86 tok/s)

## System

- Parameters: 4.3B
- Driver Version: 581.29
- CUDA Version: 12.8
- GPU Temperature: 48 °C
- Tokens/s: 102.31
- TTFT (s): 0.128
)",
                                     k_results);
  const auto* scalars = find(parsed, "scalars");
  ASSERT_NE(scalars, nullptr);
  const auto* throughput = scalars->find_column("Throughput delta");
  ASSERT_NE(throughput, nullptr);
  EXPECT_EQ(throughput->kind(), model::MetricKind::delta);
  EXPECT_EQ(throughput->base_kind(), model::MetricKind::throughput);
  EXPECT_EQ(throughput->unit(), "tok/s");
  EXPECT_DOUBLE_EQ(throughput->numbers[0], -0.15);
  const auto* ttft = scalars->find_column("TTFT delta");
  EXPECT_EQ(ttft->kind(), model::MetricKind::delta);
  EXPECT_EQ(ttft->base_kind(), model::MetricKind::ttft);
  const auto* improvement = scalars->find_column("Average throughput improvement");
  EXPECT_EQ(improvement->kind(), model::MetricKind::improvement);
  EXPECT_EQ(improvement->base_kind(), model::MetricKind::throughput);
  for (const char* setting : {"Parameters", "Driver Version", "CUDA Version"}) {
    const auto* column = scalars->find_column(setting);
    ASSERT_NE(column, nullptr) << setting;
    EXPECT_EQ(column->role(), model::Role::dimension) << setting;
  }
  EXPECT_EQ(scalars->find_column("Parameters")->texts[0], "4.3B");
  const auto* temperature = scalars->find_column("GPU Temperature");
  EXPECT_EQ(temperature->kind(), model::MetricKind::temperature);
  EXPECT_EQ(temperature->numbers[0], 48.0);
  // Header-like keys keep their whole names: no "s" or "s)" split off a unit.
  const auto* rate = scalars->find_column("Tokens/s");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->kind(), model::MetricKind::throughput);
  EXPECT_EQ(model::column_leaf(rate->name()), "Tokens/s");
  const auto* seconds = scalars->find_column("TTFT (s)");
  ASSERT_NE(seconds, nullptr);
  EXPECT_DOUBLE_EQ(seconds->numbers[0], 128.0);
  EXPECT_EQ(model::column_leaf(seconds->name()), "TTFT (s)");
}

}  // namespace
}  // namespace chimera::ingest
