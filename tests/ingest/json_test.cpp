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
  EXPECT_EQ(ttft->pointer(), "/baseline/aggregate/ttft_ms");
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
  EXPECT_EQ(samples->columns[0].kind(), model::MetricKind::ttft);
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
    EXPECT_EQ(t.find_column(name)->role(), model::Role::metric) << name;
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

TEST(JsonParser, ReplaceNonFiniteHandlesEveryTokenAndStringEdge) {
  EXPECT_EQ(replace_non_finite("NaN"), std::optional<std::string>("null"));
  EXPECT_EQ(replace_non_finite("[Infinity,-Infinity]"),
            std::optional<std::string>("[null    ,null     ]"));
  EXPECT_EQ(replace_non_finite("[NaN-Infinity]"), std::optional<std::string>("[nullnull     ]"));
  // A string ending in an escaped backslash ends there; one with an escaped quote does not.
  EXPECT_EQ(replace_non_finite(R"(["C:\\", NaN])"),
            std::optional<std::string>(R"(["C:\\", null])"));
  EXPECT_EQ(replace_non_finite(R"(["say \" NaN"])"), std::nullopt);
  EXPECT_EQ(replace_non_finite(R"(["NaN", NaN, "-Infinity"])"),
            std::optional<std::string>(R"(["NaN", null, "-Infinity"])"));
  EXPECT_EQ(replace_non_finite(R"([1, "unterminated NaN)"), std::nullopt);
}

TEST(JsonParser, KeepsNonFiniteWordsInsideStringsAsText) {
  const auto parsed = parse_json(
      R"({"p": "C:\\", "q": "say \"NaN\" or Infinity", "ttft_ms": NaN})", k_where);
  ASSERT_FALSE(parsed.failure.has_value());
  const auto& t = parsed.tables[0];
  EXPECT_EQ(t.find_column("p")->texts[0], "C:\\");
  EXPECT_EQ(t.find_column("q")->texts[0], "say \"NaN\" or Infinity");
  ASSERT_EQ(t.find_column("ttft_ms")->numbers.size(), 1u);
  EXPECT_TRUE(std::isnan(t.find_column("ttft_ms")->numbers[0]));
}

TEST(JsonParser, ReadsInfinityInSamplesAsMissing) {
  const auto parsed = parse_json(R"({"ttft_ms": [1, Infinity, -Infinity, null, 2]})", k_where);
  const auto* samples = find_table(parsed, "/ttft_ms");
  ASSERT_NE(samples, nullptr);
  const auto& numbers = samples->columns[0].numbers;
  ASSERT_EQ(numbers.size(), 5u);
  EXPECT_EQ(numbers[0], 1.0);
  EXPECT_TRUE(std::isnan(numbers[1]));
  EXPECT_TRUE(std::isnan(numbers[2]));
  EXPECT_TRUE(std::isnan(numbers[3]));
  EXPECT_EQ(numbers[4], 2.0);
}

TEST(JsonParser, KeepsArraysOfArraysAndMixedArraysAsJsonText) {
  const auto parsed =
      parse_json(R"({"m": [[1, 2], [3]], "x": [1, {"b": 2, "a": NaN}], "n": 1})", k_where);
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].find_column("m")->texts[0], "[[1,2],[3]]");
  // Members of an object kept as text are written sorted, NaN as null.
  EXPECT_EQ(parsed.tables[0].find_column("x")->texts[0], R"([1,{"a":null,"b":2}])");
}

TEST(JsonParser, EmptyArrayAddsNothing) {
  const auto parsed = parse_json(R"({"e": [], "n": 1})", k_where);
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].find_column("e"), nullptr);
  EXPECT_EQ(parsed.tables[0].columns.size(), 1u);
}

TEST(JsonParser, OrdersColumnsAndTablesByKeyNotByDocumentOrder) {
  const auto parsed = parse_json(
      R"({"z": [{"q": 1, "b": 2}], "b": 1, "a": {"y": 2, "x": 3}, "m": [{"k": 4}]})", k_where);
  ASSERT_EQ(parsed.tables.size(), 3u);
  const auto& scalars = parsed.tables[0].columns;
  ASSERT_EQ(scalars.size(), 3u);
  EXPECT_EQ(scalars[0].name(), "a.x");
  EXPECT_EQ(scalars[1].name(), "a.y");
  EXPECT_EQ(scalars[2].name(), "b");
  EXPECT_EQ(parsed.tables[1].locator, "/m");
  EXPECT_EQ(parsed.tables[2].locator, "/z");
  EXPECT_EQ(parsed.tables[2].columns[0].name(), "b");
}

TEST(JsonParser, LastOfDuplicateKeysWins) {
  const auto parsed = parse_json(R"({"a": [{"x": 1}], "n": 1, "a": 5, "n": 2})", k_where);
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].find_column("a")->numbers[0], 5.0);
  EXPECT_EQ(parsed.tables[0].find_column("n")->numbers[0], 2.0);
}

TEST(JsonParser, EscapesKeysInPointersButNotInNames) {
  const auto parsed = parse_json(R"({"a/b": {"c~d": [{"e": 1}], "f": 2}})", k_where);
  EXPECT_EQ(parsed.tables[0].find_column("a/b.f")->pointer(), "/a~1b/f");
  const auto* table = find_table(parsed, "/a~1b/c~0d");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->title, "c~0d");
  EXPECT_EQ(table->row_pointers[0], "/a~1b/c~0d/0");
}

TEST(JsonParser, ReadsLargeUnsignedAndNegativeIntegers) {
  const auto parsed =
      parse_json(R"({"u": 18446744073709551615, "i": -9223372036854775808})", k_where);
  EXPECT_EQ(parsed.tables[0].find_column("u")->numbers[0], 18446744073709551615.0);
  EXPECT_EQ(parsed.tables[0].find_column("i")->numbers[0], -9223372036854775808.0);
}

TEST(JsonParser, KeepsTextOfEveryJsonLinesRecord) {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += R"({"name": "run )" + std::to_string(i) + std::string(40, 'x') + "\"}\n";
  }
  const auto parsed = parse_json(text, {"runs/log.jsonl", model::FileKind::json});
  ASSERT_EQ(parsed.tables.size(), 1u);
  const auto& names = parsed.tables[0].find_column("name")->texts;
  ASSERT_EQ(names.size(), 200u);
  EXPECT_EQ(names[0], "run 0" + std::string(40, 'x'));
  EXPECT_EQ(names[199], "run 199" + std::string(40, 'x'));
}

TEST(JsonParser, ReportsTheLineAndColumnOfASyntaxError) {
  const auto parsed = parse_json("{\"a\": 1,\n  \"b\": ]}", k_where);
  ASSERT_TRUE(parsed.failure.has_value());
  EXPECT_EQ(parsed.failure->line, 2u);
  EXPECT_EQ(parsed.failure->message,
            "invalid JSON at column 8: syntax error while parsing value - unexpected ']'; "
            "expected '[', '{', or a literal; fix the file or leave it out with --exclude");
}

TEST(JsonParser, ReportsTheColumnOfABadJsonLinesRecord) {
  const auto parsed =
      parse_json("{\"a\": 1}\n{\"a\": tru}\n", {"runs/log.jsonl", model::FileKind::json});
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].line, 2u);
  EXPECT_NE(parsed.diagnostics[0].message.find("at column 10,"), std::string::npos)
      << parsed.diagnostics[0].message;
}


TEST(JsonParser, ReadsANumberTooLargeForADoubleAsMissingWithItsLineAndPointer) {
  const auto parsed = parse_json("{\"runs\": 2,\n \"ttft_ms\": 1e999}", k_where);
  ASSERT_FALSE(parsed.failure.has_value()) << parsed.failure->message;
  const auto& t = parsed.tables[0];
  EXPECT_EQ(t.find_column("runs")->numbers[0], 2.0);
  ASSERT_EQ(t.find_column("ttft_ms")->numbers.size(), 1u);
  EXPECT_TRUE(std::isnan(t.find_column("ttft_ms")->numbers[0]));
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].line, 2u);
  EXPECT_EQ(parsed.diagnostics[0].severity, model::Severity::warning);
  EXPECT_EQ(parsed.diagnostics[0].message,
            "number 1e999 at /ttft_ms is out of range for a double; read as missing");
}

TEST(JsonParser, ReadsNegativeAndLongIntegerOverflowAsMissingWhereverTheyAre) {
  const std::string digits(400, '9');
  const auto parsed = parse_json(R"({"a": NaN, "b": null, "memory_mb": -1e400, "d": [null, 1, )" +
                                     digits + R"(], "e/f": [{"g": 2e308}], "s": "1e999"})",
                                 k_where);
  ASSERT_FALSE(parsed.failure.has_value()) << parsed.failure->message;
  ASSERT_EQ(parsed.diagnostics.size(), 3u);
  EXPECT_EQ(parsed.diagnostics[0].message,
            "number -1e400 at /memory_mb is out of range for a double; read as missing");
  EXPECT_EQ(parsed.diagnostics[1].message,
            "number 99999999999999999999... (400 characters) at /d/2 is out of range for a "
            "double; read as missing");
  EXPECT_EQ(parsed.diagnostics[2].message,
            "number 2e308 at /e~1f/0/g is out of range for a double; read as missing");
  ASSERT_EQ(parsed.tables[0].find_column("memory_mb")->numbers.size(), 1u);
  EXPECT_TRUE(std::isnan(parsed.tables[0].find_column("memory_mb")->numbers[0]));
  EXPECT_EQ(parsed.tables[0].find_column("s")->texts[0], "1e999");
  const auto* samples = find_table(parsed, "/d");
  ASSERT_NE(samples, nullptr);
  ASSERT_EQ(samples->columns[0].numbers.size(), 3u);
  EXPECT_EQ(samples->columns[0].numbers[1], 1.0);
  EXPECT_TRUE(std::isnan(samples->columns[0].numbers[2]));
}

TEST(JsonParser, KeepsOutOfRangeNumberInArrayTextAsNull) {
  const auto parsed = parse_json(R"({"x": [1e999, "a"], "n": 1})", k_where);
  ASSERT_FALSE(parsed.failure.has_value());
  EXPECT_EQ(parsed.tables[0].find_column("x")->texts[0], R"([null,"a"])");
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_NE(parsed.diagnostics[0].message.find("at /x/0 "), std::string::npos);
}

TEST(JsonParser, KeepsEveryJsonLinesRecordAroundAnOutOfRangeNumber) {
  const auto parsed = parse_json("{\"ttft_ms\": 1}\n{\"ttft_ms\": 1e999, \"n\": 2}\n{\"a\": \n"
                                 "{\"ttft_ms\": 3}\n",
                                 {"runs/log.jsonl", model::FileKind::json});
  ASSERT_FALSE(parsed.failure.has_value());
  ASSERT_EQ(parsed.tables.size(), 1u);
  const auto& ttft = parsed.tables[0].find_column("ttft_ms")->numbers;
  ASSERT_EQ(ttft.size(), 3u);
  EXPECT_EQ(ttft[0], 1.0);
  EXPECT_TRUE(std::isnan(ttft[1]));
  EXPECT_EQ(ttft[2], 3.0);
  ASSERT_EQ(parsed.diagnostics.size(), 2u);
  EXPECT_EQ(parsed.diagnostics[0].line, 2u);
  EXPECT_EQ(parsed.diagnostics[0].message,
            "number 1e999 at /ttft_ms is out of range for a double; read as missing");
  EXPECT_EQ(parsed.diagnostics[1].line, 3u);
  EXPECT_NE(parsed.diagnostics[1].message.find("record skipped"), std::string::npos);
}

TEST(JsonParser, ReadsJsonLinesInADotJsonFileDespiteAnOutOfRangeNumber) {
  const auto parsed = parse_json("{\"a\": 1}\n{\"a\": 1e999}\n", k_where);
  ASSERT_FALSE(parsed.failure.has_value());
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].rows(), 2u);
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].line, 2u);
}

TEST(JsonParser, CapsOutOfRangeNotesPerFile) {
  std::string text;
  for (int i = 0; i < 25; ++i) {
    text += "{\"ttft_ms\": 1e999}\n";
  }
  const auto parsed = parse_json(text, {"runs/log.jsonl", model::FileKind::json});
  ASSERT_FALSE(parsed.failure.has_value());
  EXPECT_EQ(parsed.tables[0].rows(), 25u);
  ASSERT_EQ(parsed.diagnostics.size(), 11u);
  EXPECT_EQ(parsed.diagnostics[9].line, 10u);
  EXPECT_EQ(parsed.diagnostics[10].line, std::nullopt);
  EXPECT_EQ(parsed.diagnostics[10].message,
            "15 more numbers out of range for a double; read as missing");
}

TEST(JsonParser, CapsOutOfRangeNotesInOneDocument) {
  std::string text = "[1";
  for (int i = 0; i < 100000; ++i) {
    text += ",\n1e999";
  }
  text += "]";
  const auto parsed = parse_json(text, k_where);
  ASSERT_FALSE(parsed.failure.has_value());
  ASSERT_EQ(parsed.tables[0].rows(), 100001u);
  ASSERT_EQ(parsed.diagnostics.size(), 11u);
  EXPECT_EQ(parsed.diagnostics[9].line, 11u);
  EXPECT_NE(parsed.diagnostics[9].message.find("at /10 "), std::string::npos);
  EXPECT_EQ(parsed.diagnostics[10].message,
            "99990 more numbers out of range for a double; read as missing");
}

TEST(JsonParser, OutOfRangeNumberDoesNotHideASyntaxErrorAfterIt) {
  const auto parsed = parse_json("{\"a\": 1e999,\n \"b\": tru}", k_where);
  ASSERT_TRUE(parsed.failure.has_value());
  EXPECT_EQ(parsed.failure->line, 2u);
  EXPECT_NE(parsed.failure->message.find("invalid JSON at column"), std::string::npos)
      << parsed.failure->message;
}

TEST(JsonParser, OutOfRangeNumberDoesNotMakeAnInvalidNumberValid) {
  for (const char* text : {"[01e999]", "[1e999-5]", "[1e999.5]", "[-1e999e1]"}) {
    const auto parsed = parse_json(text, k_where);
    ASSERT_TRUE(parsed.failure.has_value()) << text;
    EXPECT_EQ(parsed.failure->message.find("out_of_range"), std::string::npos)
        << text << ": " << parsed.failure->message;
  }
  const auto parsed = parse_json("[1E+999, -0.5e999, 1e-999]", k_where);
  ASSERT_FALSE(parsed.failure.has_value());
  EXPECT_EQ(parsed.diagnostics.size(), 2u);
}

TEST(JsonParser, ReadsANumberTooSmallForADoubleAsZeroWithoutANote) {
  const auto parsed =
      parse_json(R"({"tiny": 1e-400, "negative": -1e-400, "denormal": 4.9e-324})", k_where);
  ASSERT_FALSE(parsed.failure.has_value());
  EXPECT_TRUE(parsed.diagnostics.empty());
  const auto& t = parsed.tables[0];
  EXPECT_EQ(t.find_column("tiny")->numbers[0], 0.0);
  EXPECT_EQ(t.find_column("negative")->numbers[0], 0.0);
  EXPECT_TRUE(std::signbit(t.find_column("negative")->numbers[0]));
  EXPECT_EQ(t.find_column("denormal")->numbers[0], 4.9e-324);
}

// A benchmark of five backends of which one crashed, as a harness writes it.
constexpr std::string_view k_backends = R"({
  "model": "resnet50",
  "batch_size": 8,
  "results": {
    "eager": {"latency_ms_p50": 7.91, "latency_ms_p95": 8.40, "throughput_img_s": 1011.2},
    "torch_compile": {"error": "RuntimeError: CUDA out of memory", "compile_time_s": 41.2},
    "onnxruntime": {"latency_ms_p50": 5.02, "latency_ms_p95": 5.31, "throughput_img_s": 1593.6},
    "tensorrt": {"latency_ms_p50": 1.92, "latency_ms_p95": 2.05, "throughput_img_s": 4166.7},
    "openvino": {"latency_ms_p50": 6.44, "latency_ms_p95": 6.90, "throughput_img_s": 1242.2}
  }
})";

TEST(JsonParser, OneFailedBackendFailsOnlyItsOwnValues) {
  const auto parsed = parse_json(k_backends, k_where);
  ASSERT_FALSE(parsed.failure.has_value());
  const auto* scalars = find_table(parsed, "");
  ASSERT_NE(scalars, nullptr);
  EXPECT_EQ(scalars->failed, (model::RowFlags{false}));
  for (const char* backend : {"eager", "onnxruntime", "tensorrt", "openvino"}) {
    const auto* p50 = scalars->find_column(std::string("results.") + backend + ".latency_ms_p50");
    ASSERT_NE(p50, nullptr) << backend;
    EXPECT_EQ(p50->kind(), model::MetricKind::latency) << backend;
  }
  EXPECT_EQ(scalars->find_column("results.torch_compile.error"), nullptr);
  const auto* failed = find_table(parsed, "/results/torch_compile");
  ASSERT_NE(failed, nullptr);
  EXPECT_EQ(failed->title, "torch_compile");
  EXPECT_EQ(failed->failed, (model::RowFlags{true}));
  EXPECT_EQ(failed->failure_reason[0],
            "results.torch_compile.error: RuntimeError: CUDA out of memory");
  const auto* compile = failed->find_column("results.torch_compile.compile_time_s");
  ASSERT_NE(compile, nullptr);
  EXPECT_EQ(compile->pointer(), "/results/torch_compile/compile_time_s");
}

TEST(JsonParser, FailedBackendInAnArrayFailsItsRecordAndTheRunsUnderIt) {
  const auto parsed = parse_json(R"({"backends": [
    {"name": "eager", "runs": [{"ttft_ms": 120}, {"ttft_ms": 118}]},
    {"name": "torch_compile", "status": "failed", "runs": [{"ttft_ms": 0}]},
    {"name": "vllm", "runs": [{"ttft_ms": 40}]}
  ]})",
                                 k_where);
  const auto* backends = find_table(parsed, "/backends");
  ASSERT_NE(backends, nullptr);
  EXPECT_EQ(backends->failed, (model::RowFlags{false, true, false}));
  EXPECT_EQ(backends->failure_reason[1], "status: failed");
  const auto* runs = find_table(parsed, "/backends/*/runs");
  ASSERT_NE(runs, nullptr);
  EXPECT_EQ(runs->failed, (model::RowFlags{false, false, true, false}));
  EXPECT_EQ(runs->failure_reason[2], "status: failed");
}

TEST(JsonParser, ErrorObjectOrSuccessFalseFailsItsSubtree) {
  const auto parsed = parse_json(R"({
    "baseline": {"ttft_ms": 410.2, "tokens_per_second": 99.3},
    "chimera": {"success": false, "ttft_ms": 0,
                "individual_runs": [{"ttft_ms": 0}, {"ttft_ms": 0}]},
    "vllm": {"exception": {"type": "ConnectionError", "message": "server closed"},
             "ttft_ms": 12.0}
  })",
                                 k_where);
  const auto* scalars = find_table(parsed, "");
  ASSERT_NE(scalars, nullptr);
  EXPECT_EQ(scalars->failed, (model::RowFlags{false}));
  EXPECT_NE(scalars->find_column("baseline.ttft_ms"), nullptr);
  const auto* chimera = find_table(parsed, "/chimera");
  ASSERT_NE(chimera, nullptr);
  EXPECT_EQ(chimera->failure_reason[0], "chimera.success: false");
  const auto* runs = find_table(parsed, "/chimera/individual_runs");
  ASSERT_NE(runs, nullptr);
  EXPECT_EQ(runs->failed, (model::RowFlags{true, true}));
  const auto* vllm = find_table(parsed, "/vllm");
  ASSERT_NE(vllm, nullptr);
  EXPECT_EQ(vllm->failed, (model::RowFlags{true}));
  EXPECT_EQ(vllm->failure_reason[0], "vllm.exception: server closed");
}

TEST(JsonParser, EmptyErrorsAndGoodStatusesFailNothing) {
  const auto parsed = parse_json(R"({"a": {"error": null, "status": "ok", "ttft_ms": 1},
                                     "b": {"error": "", "status": "completed", "ttft_ms": 2},
                                     "c": {"error": {}, "exception": "none", "ttft_ms": 3}})",
                                 k_where);
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].failed, (model::RowFlags{false}));
}

TEST(JsonParser, AnErrorAtTheTopFailsTheWholeDocument) {
  const auto parsed = parse_json(
      R"({"error": "ollama not reachable", "runs": [{"ttft_ms": 0}, {"ttft_ms": 0}]})", k_where);
  const auto* scalars = find_table(parsed, "");
  ASSERT_NE(scalars, nullptr);
  EXPECT_EQ(scalars->failed, (model::RowFlags{true}));
  const auto* runs = find_table(parsed, "/runs");
  ASSERT_NE(runs, nullptr);
  EXPECT_EQ(runs->failed, (model::RowFlags{true, true}));
  EXPECT_EQ(runs->failure_reason[0], "error: ollama not reachable");
}

TEST(JsonParser, AFailedJsonLinesRecordFailsOnlyItself) {
  const auto parsed = parse_json(
      "{\"backend\": \"a\", \"ttft_ms\": 10}\n"
      "{\"backend\": \"b\", \"result\": {\"status\": \"timeout\"}}\n"
      "{\"backend\": \"c\", \"ttft_ms\": 12}\n",
      {"runs.jsonl", model::FileKind::json});
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_EQ(parsed.tables[0].failed, (model::RowFlags{false, true, false}));
  EXPECT_EQ(parsed.tables[0].failure_reason[1], "result.status: timeout");
}

}  // namespace
}  // namespace chimera::ingest
