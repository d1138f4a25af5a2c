#include "chimera/ingest/csv.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace chimera::ingest {
namespace {

const model::SourceRef k_where{"reports/run.csv", model::FileKind::csv};

model::Table one_table(const Parsed& parsed) {
  EXPECT_FALSE(parsed.failure.has_value());
  EXPECT_EQ(parsed.tables.size(), 1u);
  return parsed.tables.empty() ? model::Table{} : parsed.tables.front();
}

TEST(CsvParser, ReadsHeaderAndNumericColumns) {
  const auto table = one_table(parse_csv("model,ttft_ms\ngemma,12.5\nllama,14\n", k_where));
  ASSERT_EQ(table.columns.size(), 2u);
  EXPECT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.columns[0].texts, (std::vector<std::string>{"gemma", "llama"}));
  EXPECT_EQ(table.columns[1].numbers, (std::vector<double>{12.5, 14.0}));
  EXPECT_EQ(table.source, "reports/run.csv");
  EXPECT_EQ(table.row_lines, (std::vector<double>{2, 3}));
}

TEST(CsvParser, KeepsQuotedCommaInsideField) {
  const auto table = one_table(parse_csv("name,note\na,\"x, y\"\n", k_where));
  EXPECT_EQ(table.columns[1].texts[0], "x, y");
}

TEST(CsvParser, UnescapesDoubledQuotes) {
  const auto table = one_table(parse_csv("name,note\na,\"say \"\"hi\"\"\"\n", k_where));
  EXPECT_EQ(table.columns[1].texts[0], "say \"hi\"");
}

TEST(CsvParser, QuoteInTextAfterAClosingQuoteDoesNotEndTheRecord) {
  const auto parsed = parse_csv("note,n\n\"a\"b\"c,1\nplain,2\n", k_where);
  EXPECT_TRUE(parsed.diagnostics.empty());
  const auto table = one_table(parsed);
  ASSERT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.columns[1].numbers, (std::vector<double>{1, 2}));
  EXPECT_EQ(table.row_lines, (std::vector<double>{2, 3}));
}

TEST(CsvParser, KeepsNewlineInsideQuotesAndCountsLines) {
  const auto table = one_table(parse_csv("name,note\na,\"line1\nline2\"\nb,plain\n", k_where));
  ASSERT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.columns[1].texts[0], "line1\nline2");
  EXPECT_EQ(table.row_lines, (std::vector<double>{2, 4}));
}

TEST(CsvParser, SniffsSemicolonDelimiter) {
  const auto table = one_table(parse_csv("a;b\n1;2\n", k_where));
  ASSERT_EQ(table.columns.size(), 2u);
  EXPECT_EQ(table.columns[1].numbers[0], 2.0);
}

TEST(CsvParser, SniffsTabDelimiter) {
  const auto table = one_table(parse_csv("a\tb\n1\t2\n", k_where));
  ASSERT_EQ(table.columns.size(), 2u);
  EXPECT_EQ(table.columns[0].numbers[0], 1.0);
}

TEST(CsvParser, UsesTabForTsvPathEvenWithCommasInFields) {
  const auto table =
      one_table(parse_csv("a,x\tb\n1,5\t2\n", {"runs/x.tsv", model::FileKind::csv}));
  ASSERT_EQ(table.columns.size(), 2u);
  EXPECT_EQ(table.columns[0].name(), "a,x");
}

TEST(CsvParser, HandlesCrlfLineEnds) {
  const auto table = one_table(parse_csv("a,b\r\n1,x\r\n2,y\r\n", k_where));
  ASSERT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.columns[1].name(), "b");
  EXPECT_EQ(table.columns[1].texts, (std::vector<std::string>{"x", "y"}));
}

TEST(CsvParser, ReportsRaggedRowWithLineAndKeepsTheRest) {
  const auto parsed = parse_csv("a,b,c\n1,2,3\n4,5\n6,7,8\n", k_where);
  const auto table = one_table(parsed);
  EXPECT_EQ(table.rows(), 3u);
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].line, 3u);
  EXPECT_NE(parsed.diagnostics[0].message.find("expected 3 fields, got 2"), std::string::npos);
  EXPECT_TRUE(std::isnan(table.columns[2].numbers[1]));
  EXPECT_EQ(table.columns[2].numbers[2], 8.0);
}

TEST(CsvParser, ReportsTooManyFields) {
  const auto parsed = parse_csv("a,b\n1,2,3\n", k_where);
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_NE(parsed.diagnostics[0].message.find("expected 2 fields, got 3"), std::string::npos);
}

TEST(CsvParser, ReadsNullTokensAsMissing) {
  const auto table =
      one_table(parse_csv("x\n1\n\nNA\nN/A\nNaN\nnull\nNone\n-\n2\n", k_where));
  const auto& numbers = table.columns[0].numbers;
  ASSERT_EQ(numbers.size(), 8u);  // the blank line is not a row
  EXPECT_EQ(numbers.front(), 1.0);
  EXPECT_EQ(numbers.back(), 2.0);
  for (std::size_t i = 1; i + 1 < numbers.size(); ++i) {
    EXPECT_TRUE(std::isnan(numbers[i])) << i;
  }
}

TEST(CsvParser, KeepsEmbeddedJsonAsText) {
  const auto table =
      one_table(parse_csv("id,meta\n1,\"{\"\"gpu\"\": 80, \"\"ctx\"\": [1,2]}\"\n", k_where));
  EXPECT_EQ(table.columns[1].type(), model::ValueType::string);
  EXPECT_EQ(table.columns[1].texts[0], "{\"gpu\": 80, \"ctx\": [1,2]}");
}

TEST(CsvParser, ReportsUnterminatedQuote) {
  const auto parsed = parse_csv("a,b\n1,\"open\n2,3\n", k_where);
  ASSERT_FALSE(parsed.diagnostics.empty());
  EXPECT_EQ(parsed.diagnostics.back().line, 2u);
  EXPECT_NE(parsed.diagnostics.back().message.find("never closed"), std::string::npos);
}

TEST(CsvParser, EmptyFileIsAFailure) {
  const auto parsed = parse_csv("\n\n", k_where);
  ASSERT_TRUE(parsed.failure.has_value());
  EXPECT_TRUE(parsed.tables.empty());
}

TEST(CsvParser, NamesEmptyAndDuplicateHeaders) {
  const auto table = one_table(parse_csv("a,,a\n1,2,3\n", k_where));
  ASSERT_EQ(table.columns.size(), 3u);
  EXPECT_EQ(table.columns[1].name(), "column_2");
  EXPECT_EQ(table.columns[2].name(), "a_2");
}

TEST(CsvParser, GivesRepeatedHeadersTheFirstFreeSuffix) {
  const auto table = one_table(parse_csv("a,a_2,a, b ,b\n1,2,3,4,5\n", k_where));
  ASSERT_EQ(table.columns.size(), 5u);
  EXPECT_EQ(table.columns[2].name(), "a_3");
  EXPECT_EQ(table.columns[3].name(), "b");
  EXPECT_EQ(table.columns[4].name(), "b_2");
}

// Each repeat used to search every suffix from _2 through the whole header: cubic, past 120 s.
TEST(CsvParser, EightThousandRepeatedHeadersAreNamedInLinearTime) {
  std::string header = "name";
  std::string row = "1";
  for (int i = 1; i < 8000; ++i) {
    header += ",name";
    row += ",1";
  }
  const auto table = one_table(parse_csv(header + "\n" + row + "\n", k_where));
  ASSERT_EQ(table.columns.size(), 8000u);
  EXPECT_EQ(table.columns[0].name(), "name");
  EXPECT_EQ(table.columns[1].name(), "name_2");
  EXPECT_EQ(table.columns[7999].name(), "name_8000");
}

TEST(CsvParser, MarksRowWithErrorTextFailed) {
  const auto table = one_table(parse_csv(
      "run,ttft_s,tokens_s,error\n1,0.4,65,\n2,0,0,\"CUDA error: out of memory\"\n", k_where));
  EXPECT_EQ(table.failed, (model::RowFlags{false, true}));
  EXPECT_NE(table.failure_reason[1].find("out of memory"), std::string::npos);
  EXPECT_EQ(table.failure_reason[0], "");
}

TEST(CsvParser, MarksRowWithAllMetricsZeroFailed) {
  const auto table = one_table(parse_csv("model,ttft_ms,tokens_per_second\nm,0,0\nm,5,9\n", k_where));
  EXPECT_EQ(table.failed, (model::RowFlags{true, false}));
}

TEST(CsvParser, HeaderOnlyGivesEmptyTableAndNote) {
  const auto parsed = parse_csv("a,b\n", k_where);
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].rows(), 0u);
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_NE(parsed.diagnostics[0].message.find("no data rows"), std::string::npos);
}

TEST(CsvParser, TakesNsightComputeUnitsRowAsUnitsNotARun) {
  const auto table = one_table(parse_csv(
      "==PROF== Connected to process 3172 (/usr/bin/python3.10)\n"
      "==PROF== Disconnected from process 3172\n"
      "\"ID\",\"Process ID\",\"Kernel Name\",\"gpu__time_duration.sum\","
      "\"sm__throughput.avg.pct_of_peak_sustained_elapsed\",\"dram__bytes_read.sum\","
      "\"sm__cycles_elapsed.avg\"\n"
      "\"\",\"\",\"\",\"nsecond\",\"%\",\"Kbyte\",\"cycle\"\n"
      "\"0\",\"3172\",\"ampere_sgemm_128x64_tn\",\"2496\",\"41.2\",\"1024\",\"3456\"\n"
      "\"1\",\"3172\",\"ampere_sgemm_128x64_tn\",\"2528\",\"40.8\",\"1032\",\"3501\"\n",
      k_where));
  EXPECT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.failed, (model::RowFlags{false, false}));
  EXPECT_EQ(table.row_lines, (std::vector<double>{5, 6}));
  const auto* timing = table.find_column("gpu__time_duration.sum");
  ASSERT_NE(timing, nullptr);
  EXPECT_EQ(timing->role(), model::Role::metric);
  EXPECT_EQ(timing->kind(), model::MetricKind::duration);
  EXPECT_EQ(timing->unit(), "ms");
  EXPECT_EQ(timing->source_unit(), "nsecond");
  EXPECT_DOUBLE_EQ(timing->numbers[0], 0.002496);
  EXPECT_EQ(table.find_column("sm__throughput.avg.pct_of_peak_sustained_elapsed")->kind(),
            model::MetricKind::percent);
  EXPECT_DOUBLE_EQ(table.find_column("dram__bytes_read.sum")->numbers[0], 1.0);
  EXPECT_EQ(table.find_column("sm__cycles_elapsed.avg")->unit(), "cycle");
  EXPECT_EQ(table.find_column("Process ID")->role(), model::Role::text);
}

TEST(CsvParser, FirstRowOfRunsIsNeverTakenForUnits) {
  const auto table = one_table(parse_csv("model,ttft_ms\ngemma,12.5\n", k_where));
  EXPECT_EQ(table.rows(), 1u);
  EXPECT_EQ(table.find_column("ttft_ms")->unit_source(), model::UnitSource::name);
}

TEST(CsvParser, AnEmptyRowUnderTheHeaderIsNoFailedRun) {
  const auto table = one_table(parse_csv("kernel,duration_us\n,\nsgemm,12.5\n", k_where));
  EXPECT_EQ(table.rows(), 1u);
  EXPECT_EQ(table.failed, (model::RowFlags{false}));
}

TEST(CsvParser, AUnitlessDurationTakesTheUnitItsSiblingsWrite) {
  // prompt_overhead was computed as mean_ttft_s - mean_load_s: it is in seconds too.
  const auto table = one_table(parse_csv(
      "config,mean_ttft_s,mean_load_s,prompt_overhead_time\nA,0.52,0.31,0.21\nB,0.61,0.35,0.26\n",
      k_where));
  const auto* overhead = table.find_column("prompt_overhead_time");
  ASSERT_NE(overhead, nullptr);
  EXPECT_EQ(overhead->kind(), model::MetricKind::duration);
  EXPECT_EQ(overhead->unit_source(), model::UnitSource::siblings);
  EXPECT_DOUBLE_EQ(overhead->numbers[0], 210.0);
  EXPECT_TRUE(overhead->source_unit().empty());
}

TEST(CsvParser, SiblingsThatDisagreeLeaveAUnitlessDurationInMilliseconds) {
  const auto table = one_table(
      parse_csv("ttft_s,load_ms,prompt_overhead_time\n0.52,310,0.21\n", k_where));
  const auto* overhead = table.find_column("prompt_overhead_time");
  EXPECT_EQ(overhead->unit_source(), model::UnitSource::assumed);
  EXPECT_DOUBLE_EQ(overhead->numbers[0], 0.21);
}

TEST(CsvParser, VersionsIdsAndSizesOfAnExportAreSettings) {
  const auto table = one_table(parse_csv(
      "model,backend,opset,onnxruntime_version,cuda_version,driver_version,workspace_size,"
      "fp16,latency_ms_p50,throughput_delta,speedup\n"
      "resnet50,tensorrt,17,1.17.1,12.4,581.29,268435456,1,1.92,412.5,2.4\n"
      "resnet50,onnx,17,1.17.1,12.4,581.29,268435456,0,4.61,0,1.0\n",
      k_where));
  for (const char* name : {"opset", "onnxruntime_version", "cuda_version", "driver_version",
                           "workspace_size", "fp16"}) {
    const auto* column = table.find_column(name);
    ASSERT_NE(column, nullptr) << name;
    EXPECT_EQ(column->role(), model::Role::dimension) << name;
    EXPECT_EQ(column->kind(), model::MetricKind::none) << name;
  }
  EXPECT_EQ(table.find_column("latency_ms_p50")->kind(), model::MetricKind::latency);
  EXPECT_EQ(table.find_column("throughput_delta")->kind(), model::MetricKind::delta);
  EXPECT_EQ(table.find_column("speedup")->kind(), model::MetricKind::speedup);
}

TEST(CsvParser, AStatusOfFailedIsAFailedRun) {
  const auto table = one_table(parse_csv(
      "backend,status,ttft_ms\neager,ok,120\ntorch_compile,FAILED,\nonnx,timeout,0\n", k_where));
  EXPECT_EQ(table.failed, (model::RowFlags{false, true, true}));
  EXPECT_EQ(table.failure_reason[1], "status: FAILED");
  EXPECT_EQ(table.failure_reason[2], "status: timeout");
}

}  // namespace
}  // namespace chimera::ingest
