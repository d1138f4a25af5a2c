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

TEST(InferColumn, SecondsWrittenAsAnInfixAreConvertedToMilliseconds) {
  const auto eval = infer_column("eval_s_mean", raw({"1.41", "1.5"}));
  EXPECT_EQ(eval.kind(), model::MetricKind::eval);
  EXPECT_EQ(eval.source_unit(), "s");
  EXPECT_EQ(eval.unit_source(), model::UnitSource::name);
  EXPECT_DOUBLE_EQ(eval.numbers[0], 1410.0);
  const auto ttft = infer_column("ttft_s_p50", raw({"0.25"}));
  EXPECT_EQ(ttft.kind(), model::MetricKind::ttft);
  EXPECT_DOUBLE_EQ(ttft.numbers[0], 250.0);
  EXPECT_DOUBLE_EQ(infer_column("mean_ttft_s", raw({"0.5"})).numbers[0], 500.0);
  // "min" after a unit is the statistic: milliseconds, not minutes.
  EXPECT_DOUBLE_EQ(infer_column("ttft_ms_min", raw({"12"})).numbers[0], 12.0);
}

TEST(InferColumn, DifferenceIsADeltaInItsBaseKindsUnit) {
  const auto ttft = infer_column("ttft_delta_ms", raw({"-4.49", "80.58"}));
  EXPECT_EQ(ttft.role(), model::Role::metric);
  EXPECT_EQ(ttft.kind(), model::MetricKind::delta);
  EXPECT_EQ(ttft.base_kind(), model::MetricKind::ttft);
  EXPECT_EQ(ttft.unit(), "ms");
  EXPECT_EQ(ttft.direction(), model::Direction::none);
  const auto seconds = infer_column("TTFT \xCE\x94 (s)", raw({"-0.2"}));
  EXPECT_EQ(seconds.kind(), model::MetricKind::delta);
  EXPECT_DOUBLE_EQ(seconds.numbers[0], -200.0);
  // The unit in the cells names the base of an unqualified "Improvement".
  const auto tokens = infer_column("Improvement", raw({"+0.19 tok/s (+0.2%)"}));
  EXPECT_EQ(tokens.kind(), model::MetricKind::delta);
  EXPECT_EQ(tokens.base_kind(), model::MetricKind::throughput);
  EXPECT_EQ(tokens.unit(), "tok/s");
  const auto diff = infer_column("Difference", raw({"+12 ms", "-3 ms"}));
  EXPECT_EQ(diff.kind(), model::MetricKind::delta);
  EXPECT_EQ(diff.base_kind(), model::MetricKind::duration);
}

TEST(InferColumn, DeltaWrittenInPercentIsAnImprovement) {
  const auto column = infer_column("\xCE\x94", raw({"+0.2% (+0.19)", "-0.1% (-4.49)", "+0"}));
  EXPECT_EQ(column.kind(), model::MetricKind::improvement);
  EXPECT_EQ(column.unit(), "%");
  EXPECT_EQ(column.numbers, (std::vector<double>{0.2, -0.1, 0.0}));
  const auto pct = infer_column("improvement_pct", raw({"12.5"}));
  EXPECT_EQ(pct.kind(), model::MetricKind::improvement);
  EXPECT_EQ(pct.direction(), model::Direction::higher);
}

TEST(InferColumn, SpeedupAndEfficiencyKeepTheirOwnUnits) {
  const auto speedup = infer_column("speedup", raw({"1.8", "2.1"}));
  EXPECT_EQ(speedup.kind(), model::MetricKind::speedup);
  EXPECT_EQ(speedup.unit(), "x");
  EXPECT_EQ(speedup.numbers, (std::vector<double>{1.8, 2.1}));
  const auto efficiency = infer_column("Efficiency (tok/s per GB)", raw({"12.4", "9.8"}));
  EXPECT_EQ(efficiency.kind(), model::MetricKind::efficiency);
  EXPECT_EQ(efficiency.base_kind(), model::MetricKind::throughput);
  EXPECT_EQ(efficiency.unit(), "tok/s per GB");
  EXPECT_EQ(efficiency.numbers, (std::vector<double>{12.4, 9.8}));
  EXPECT_EQ(efficiency.direction(), model::Direction::higher);
}

TEST(InferColumn, VersionsAndSizesAreSettingsNotTimingsOrMemory) {
  const auto opset = infer_column("opset", raw({"17", "17"}));
  EXPECT_EQ(opset.role(), model::Role::dimension);
  EXPECT_EQ(opset.kind(), model::MetricKind::none);
  EXPECT_EQ(opset.numbers[0], 17.0);
  const auto workspace = infer_column("compile.workspace_size", raw({"268435456"}));
  EXPECT_EQ(workspace.role(), model::Role::dimension);
  EXPECT_EQ(workspace.numbers[0], 268435456.0);  // as written, not converted
  const auto driver = infer_column("Driver Version", raw({"581.29"}));
  EXPECT_EQ(driver.role(), model::Role::dimension);
  EXPECT_EQ(infer_column("cuda_version", raw({"12.4", "12.8"})).role(), model::Role::dimension);
  EXPECT_EQ(infer_column("trt_version", raw({"10.0.1"})).role(), model::Role::dimension);
  EXPECT_EQ(infer_column("clock_memory", raw({"10501", "10501"})).role(),
            model::Role::dimension);
  // "4.3B" parameters are 4.3 billion, not 4.3 bytes: the setting keeps its text.
  const auto parameters = infer_column("Parameters", raw({"4.3B"}));
  EXPECT_EQ(parameters.role(), model::Role::dimension);
  EXPECT_EQ(parameters.texts[0], "4.3B");
  EXPECT_TRUE(parameters.numbers.empty());
  // A setting named by its words but holding a sentence is text.
  EXPECT_EQ(infer_column("Investigate Context Size Impact",
                         raw({"Run the sweep again with larger contexts and compare the TTFT of "
                              "each configuration against the baseline."}))
                .role(),
            model::Role::text);
}

TEST(InferColumn, ZeroOneFlagIsASettingUnlessItsNameMeasures) {
  const auto flag = infer_column("fp16", raw({"0", "1", "1"}));
  EXPECT_EQ(flag.role(), model::Role::dimension);
  EXPECT_EQ(flag.numbers, (std::vector<double>{0, 1, 1}));
  EXPECT_EQ(infer_column("tokens_generated", raw({"0", "1"})).role(), model::Role::metric);
  EXPECT_EQ(infer_column("runs", raw({"1", "1"})).role(), model::Role::metric);
  // One value cannot tell a flag from a count.
  EXPECT_EQ(infer_column("score", raw({"1"})).role(), model::Role::metric);
  EXPECT_EQ(infer_column("score", raw({"0", "2"})).role(), model::Role::metric);
}

TEST(InferColumn, TemperatureOverTwoIsAMeasuredTemperature) {
  const auto gpu = infer_column("temperature", raw({"48", "52"}));
  EXPECT_EQ(gpu.role(), model::Role::metric);
  EXPECT_EQ(gpu.kind(), model::MetricKind::temperature);
  EXPECT_EQ(gpu.unit(), "\xC2\xB0" "C");
  const auto sampling = infer_column("temperature", raw({"0.6", "0.8", "2"}));
  EXPECT_EQ(sampling.role(), model::Role::dimension);
  EXPECT_EQ(sampling.kind(), model::MetricKind::none);
  const auto named = infer_column("peak_gpu_temperature_c", raw({"71", "74"}));
  EXPECT_EQ(named.kind(), model::MetricKind::temperature);
  EXPECT_EQ(named.numbers, (std::vector<double>{71, 74}));
  EXPECT_EQ(infer_column("Temp (C)", raw({"48"})).kind(), model::MetricKind::temperature);
  // Even between 0 and 2 a GPU temperature is no sampling setting.
  EXPECT_EQ(infer_column("gpu_temperature_c", raw({"1"})).role(), model::Role::metric);
}

TEST(InferColumn, UnitRowUnitConvertsAndKeepsWhatItCannotConvert) {
  const auto timing = infer_column("gpu__time_duration.sum", raw({"2496", "2528"}), "nsecond");
  EXPECT_EQ(timing.role(), model::Role::metric);
  EXPECT_EQ(timing.kind(), model::MetricKind::duration);
  EXPECT_EQ(timing.unit_source(), model::UnitSource::header_row);
  EXPECT_DOUBLE_EQ(timing.numbers[0], 0.002496);
  const auto cycles = infer_column("sm__cycles_elapsed.avg", raw({"3456"}), "cycle");
  EXPECT_EQ(cycles.role(), model::Role::metric);
  EXPECT_EQ(cycles.unit(), "cycle");
  EXPECT_EQ(cycles.numbers[0], 3456.0);
  const auto bytes = infer_column("dram__bytes_read.sum", raw({"2048"}), "Kbyte");
  EXPECT_EQ(bytes.kind(), model::MetricKind::memory);
  EXPECT_DOUBLE_EQ(bytes.numbers[0], 2.0);
}

TEST(InferColumn, SaysWhereTheUnitCameFrom) {
  EXPECT_EQ(infer_column("ttft_ms", raw({"1"})).unit_source(), model::UnitSource::name);
  EXPECT_EQ(infer_column("Duration", raw({"2 s"})).unit_source(), model::UnitSource::cells);
  EXPECT_EQ(infer_column("latency", raw({"12.5"})).unit_source(), model::UnitSource::assumed);
  EXPECT_EQ(infer_column("load_duration", raw({"3463034200"})).unit_source(),
            model::UnitSource::ollama_ns);
  EXPECT_EQ(infer_column("model", raw({"a"})).unit_source(), model::UnitSource::none);
}

}  // namespace
}  // namespace chimera::ingest
