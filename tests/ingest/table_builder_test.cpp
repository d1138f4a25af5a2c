#include "chimera/ingest/table_builder.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chimera::ingest {
namespace {

// A table of raw cells, one string per cell, as a CSV parser would hand them over.
model::Table build(const std::vector<std::string>& names,
                   const std::vector<std::vector<std::string>>& rows) {
  TableBuilder builder("runs/r.csv", "", "r.csv");
  for (const auto& name : names) {
    builder.column(name);
  }
  std::uint64_t line = 2;
  for (const auto& row : rows) {
    builder.begin_row(line++, {});
    for (std::size_t c = 0; c < row.size(); ++c) {
      builder.set(c, Cell::raw(row[c]));
    }
  }
  return builder.finish();
}

TEST(TableBuilder, NamesTheFirstErrorColumnWithTextAsTheFailure) {
  const auto table = build({"tokens_s", "error", "traceback"},
                           {{"50", "", "Traceback (most recent call last)"},
                            {"50", "CUDA error", "Traceback"},
                            {"50", "ok", ""},
                            {"0", "none", "0"}});
  EXPECT_EQ(table.failed, (model::RowFlags{true, true, false, true}));
  EXPECT_EQ(table.failure_reason[0], "traceback: Traceback (most recent call last)");
  EXPECT_EQ(table.failure_reason[1], "error: CUDA error");
  EXPECT_EQ(table.failure_reason[2], "");
  EXPECT_EQ(table.failure_reason[3], "every metric is empty or zero");
}

TEST(TableBuilder, FailsARowOnlyWhenEveryMetricIsEmptyOrZero) {
  const auto table = build({"model", "ttft_ms", "tokens_s"},
                           {{"a", "0", "NA"}, {"b", "", "3"}, {"c", "2", "0"}, {"d", "NA", ""}});
  EXPECT_EQ(table.failed, (model::RowFlags{true, false, false, true}));
  EXPECT_EQ(table.failure_reason[3], "every metric is empty or zero");
}

TEST(TableBuilder, TableWithoutMetricsOrErrorsFailsNoRow) {
  const auto table = build({"model", "note"}, {{"a", "fast"}, {"b", ""}});
  EXPECT_EQ(table.failed, (model::RowFlags{false, false}));
  EXPECT_EQ(table.failure_reason[1], "");
}

TEST(TableBuilder, ZerosOfCountsPercentsAndComparisonsAreReadings) {
  const auto table = build({"metric", "baseline_runs", "pass_rate_pct", "ttft_delta_ms"},
                           {{"a", "0", "0", "0"}, {"b", "", "", ""}, {"c", "3", "50", "-4.5"}});
  EXPECT_EQ(table.failed, (model::RowFlags{false, true, false}));
}

TEST(TableBuilder, RawMeasurementsDecideWhenTheTableHasThem) {
  const auto table = build({"ttft_ms", "tokens_s", "improvement_pct"},
                           {{"0", "0", "12"}, {"310", "0", "0"}});
  EXPECT_EQ(table.failed, (model::RowFlags{true, false}));
}

TEST(TableBuilder, StatusAndSuccessColumnsFailTheirRows) {
  const auto table = build({"status", "success", "ttft_ms"}, {{"ok", "true", "12"},
                                                              {"Failed", "true", "13"},
                                                              {"done", "false", "14"}});
  EXPECT_EQ(table.failed, (model::RowFlags{false, true, true}));
  EXPECT_EQ(table.failure_reason[1], "status: Failed");
  EXPECT_EQ(table.failure_reason[2], "success: false");
}

TEST(TableBuilder, FailRowGivesItsReasonAfterAnErrorColumn) {
  TableBuilder builder("b.json", "/runs", "runs");
  const std::size_t error = builder.column("error");
  const std::size_t ttft = builder.column("ttft_ms");
  builder.begin_row(0, "/runs/0");
  builder.set(ttft, Cell::integer(12));
  builder.fail_row("backend.status: failed");
  builder.fail_row("ignored: a second reason for the same row");
  builder.begin_row(0, "/runs/1");
  builder.set(ttft, Cell::integer(13));
  builder.begin_row(0, "/runs/2");
  builder.set(error, Cell::text_of("OOM"));
  builder.fail_row("backend.status: failed");
  const auto table = builder.finish();
  EXPECT_EQ(table.failed, (model::RowFlags{true, false, true}));
  EXPECT_EQ(table.failure_reason[0], "backend.status: failed");
  EXPECT_EQ(table.failure_reason[1], "");
  EXPECT_EQ(table.failure_reason[2], "error: OOM");
}

TEST(TableBuilder, HeaderUnitReachesTheColumn) {
  TableBuilder builder("k.csv", "", "k.csv");
  const std::size_t timing = builder.column("gpu__time_duration.sum");
  builder.set_header_unit(timing, "usecond");
  builder.begin_row(3, {});
  builder.set(timing, Cell::raw("2.5"));
  const auto table = builder.finish();
  EXPECT_EQ(table.columns[0].unit_source(), model::UnitSource::header_row);
  EXPECT_DOUBLE_EQ(table.columns[0].numbers[0], 0.0025);
}

}  // namespace
}  // namespace chimera::ingest

namespace chimera::ingest {
namespace {

TEST(TableBuilderLimits, KeepsTheFirstColumnsAndCountsTheValuesLeftOut) {
  TableBuilder builder("wide.json", "", "wide.json");
  builder.begin_row(0, {});
  for (std::size_t i = 0; i < TableBuilder::k_max_columns + 10; ++i) {
    builder.set(builder.column("k" + std::to_string(i)), Cell::integer(1));
  }
  EXPECT_EQ(builder.column("k0"), 0u);
  EXPECT_EQ(builder.column("another"), TableBuilder::k_no_column);
  const auto table = builder.finish();
  const std::string note = builder.limit_note();
  EXPECT_NE(note.find("keeps 16384 columns (the most a table holds); 10 values"), std::string::npos)
      << note;
  EXPECT_EQ(table.columns.size(), TableBuilder::k_max_columns);
}

TEST(TableBuilderLimits, LateColumnsAreAddedOnlyWhileTheirPaddingFits) {
  TableBuilder builder("log.jsonl", "", "log.jsonl");
  builder.begin_row(1, {});
  EXPECT_EQ(builder.column("early"), 0u);
  const std::size_t rows = TableBuilder::k_max_padding / 2 + 1;  // two late columns' worth
  for (std::size_t r = 1; r < rows; ++r) {
    builder.begin_row(r + 1, {});
  }
  EXPECT_EQ(builder.column("late"), 1u);
  EXPECT_EQ(builder.column("later"), 2u);
  EXPECT_EQ(builder.column("too late"), TableBuilder::k_no_column);
  EXPECT_EQ(builder.column("early"), 0u);
  EXPECT_NE(builder.limit_note().find("keeps 3 columns (columns that first appear after"),
            std::string::npos)
      << builder.limit_note();
}

// Late columns that stay within their padding can still make a table of rows x columns: past its
// cell limit, finish() leaves out the latest of them.
TEST(TableBuilderLimits, FinishKeepsLateColumnsOnlyWhileTheTableFitsItsCells) {
  TableBuilder builder("log.jsonl", "", "log.jsonl");
  builder.begin_row(1, {});
  builder.set(builder.column("early"), Cell::integer(1));
  builder.begin_row(2, {});
  const std::size_t late = 300;
  for (std::size_t i = 0; i < late; ++i) {
    builder.set(builder.column("late" + std::to_string(i)), Cell::integer(2));
  }
  const std::size_t rows = 100'000;
  for (std::size_t r = 2; r < rows; ++r) {
    builder.begin_row(r + 1, {});
  }
  const auto table = builder.finish();
  EXPECT_EQ(table.columns.size(), TableBuilder::k_max_cells / rows);
  EXPECT_EQ(table.columns[0].name(), "early");
  EXPECT_EQ(table.columns.back().name(),
            "late" + std::to_string(TableBuilder::k_max_cells / rows - 2));
  const std::string note = builder.limit_note();
  EXPECT_NE(note.find("keeps 41 columns (columns that first appear after its first row are kept "
                      "while the table holds at most 4194304 cells"),
            std::string::npos)
      << note;
  EXPECT_NE(note.find("; 260 values in further columns are left out"), std::string::npos) << note;
}

TEST(TableBuilderLimits, ATableWithinTheLimitsHasNoNote) {
  TableBuilder builder("r.csv", "", "r.csv");
  builder.begin_row(2, {});
  builder.set(builder.column("a"), Cell::integer(1));
  EXPECT_EQ(builder.limit_note(), "");
}

}  // namespace
}  // namespace chimera::ingest
