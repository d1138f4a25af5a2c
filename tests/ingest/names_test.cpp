#include "chimera/ingest/names.hpp"

#include <gtest/gtest.h>

namespace chimera::ingest {
namespace {

using model::Direction;
using model::MetricKind;

struct Expected {
  const char* name;
  MetricKind kind;
  Direction direction;
  const char* source_unit;
};

TEST(ColumnNames, InferKindDirectionAndWrittenUnit) {
  const Expected cases[] = {
      {"ttft_ms", MetricKind::ttft, Direction::lower, "ms"},
      {"ttft_s", MetricKind::ttft, Direction::lower, "s"},
      {"Average TTFT (ms)", MetricKind::ttft, Direction::lower, "ms"},
      {"latency [s]", MetricKind::latency, Direction::lower, "s"},
      {"load_duration_us", MetricKind::load, Direction::lower, "us"},
      {"prompt_eval_duration_ns", MetricKind::prompt_eval, Direction::lower, "ns"},
      {"eval_duration_ms", MetricKind::eval, Direction::lower, "ms"},
      {"total_duration_ms", MetricKind::total, Direction::lower, "ms"},
      {"compile_time_seconds", MetricKind::compile, Direction::lower, "seconds"},
      {"tokens_s", MetricKind::throughput, Direction::higher, "tok/s"},
      {"throughput_tokens_per_sec", MetricKind::throughput, Direction::higher, "tok/s"},
      {"Throughput (tok/s)", MetricKind::throughput, Direction::higher, "tok/s"},
      {"eval_count", MetricKind::tokens, Direction::none, ""},
      {"total_tokens_generated", MetricKind::tokens, Direction::none, ""},
      {"peak_gpu_memory_gb", MetricKind::memory, Direction::lower, "gb"},
      {"throughput_improvement_percent", MetricKind::improvement, Direction::higher, "percent"},
      {"stddev_throughput", MetricKind::throughput, Direction::lower, ""},
      {"runs", MetricKind::count, Direction::none, ""},
  };
  for (const auto& c : cases) {
    const auto info = classify_name(c.name);
    EXPECT_EQ(info.kind, c.kind) << c.name;
    EXPECT_EQ(info.direction, c.direction) << c.name;
    EXPECT_EQ(info.source_unit, c.source_unit) << c.name;
    EXPECT_FALSE(info.dimension) << c.name;
  }
}

TEST(ColumnNames, RecogniseDimensionsErrorsAndTimestamps) {
  for (const char* name : {"model", "num_gpu", "configuration.num_ctx", "temperature", "Config",
                           "backend", "Agent Type"}) {
    EXPECT_TRUE(classify_name(name).dimension) << name;
  }
  EXPECT_FALSE(classify_name("peak_gpu_temperature_c").dimension);
  // A run identifier names one run; it is no configuration to group by.
  EXPECT_FALSE(classify_name("run_id").dimension);
  EXPECT_FALSE(classify_name("run_number").dimension);
  EXPECT_TRUE(classify_name("run_id").identifier);
  EXPECT_TRUE(classify_name("iteration").identifier);
  EXPECT_FALSE(classify_name("ttft_ms").identifier);
  EXPECT_TRUE(classify_name("error").error);
  EXPECT_TRUE(classify_name("error_message").error);
  EXPECT_TRUE(classify_name("baseline.timestamp").timestamp);
  EXPECT_TRUE(classify_name("created_at").timestamp);
}

struct Compared {
  const char* name;
  MetricKind kind;
  MetricKind base;
};

TEST(ColumnNames, DifferencesAreDeltasOfTheKindTheyCompare) {
  const Compared cases[] = {
      {"Throughput \xCE\x94", MetricKind::delta, MetricKind::throughput},
      {"TP \xCE\x94 (tok/s)", MetricKind::delta, MetricKind::throughput},
      {"TTFT \xE2\x88\x86 (ms)", MetricKind::delta, MetricKind::ttft},
      {"throughput_delta", MetricKind::delta, MetricKind::throughput},
      {"ttft_delta_ms", MetricKind::delta, MetricKind::ttft},
      {"performance_delta.ttft_delta_absolute_ms", MetricKind::delta, MetricKind::ttft},
      {"throughput_delta_absolute", MetricKind::delta, MetricKind::throughput},
      {"latency_diff", MetricKind::delta, MetricKind::latency},
      {"eval_duration_diff_s", MetricKind::delta, MetricKind::eval},
      {"TTFT > Reduction", MetricKind::delta, MetricKind::ttft},
      {"Throughput > Improvement", MetricKind::delta, MetricKind::throughput},
      {"change", MetricKind::delta, MetricKind::none},
      {"\xCE\x94", MetricKind::delta, MetricKind::none},
  };
  for (const auto& c : cases) {
    const auto info = classify_name(c.name);
    EXPECT_EQ(info.kind, c.kind) << c.name;
    EXPECT_EQ(info.base_kind, c.base) << c.name;
    EXPECT_FALSE(info.dimension) << c.name;
  }
  EXPECT_EQ(classify_name("ttft_delta_ms").direction, Direction::none);
  EXPECT_EQ(classify_name("delta.baseline_throughput").direction, Direction::higher);
  EXPECT_EQ(classify_name("stddev.throughput").direction, Direction::lower);
  EXPECT_EQ(classify_name("TTFT > Reduction").direction, Direction::higher);
  EXPECT_EQ(classify_name("eval_duration_diff_s").source_unit, "s");
}

TEST(ColumnNames, PercentChangesAndSpeedupsAreNotRawMeasurements) {
  const Compared cases[] = {
      {"improvement_pct", MetricKind::improvement, MetricKind::none},
      {"throughput_improvement_percent", MetricKind::improvement, MetricKind::throughput},
      {"ttft_reduction_percent", MetricKind::improvement, MetricKind::ttft},
      {"latency_change_pct", MetricKind::improvement, MetricKind::latency},
      {"Throughput \xCE\x94 (%)", MetricKind::improvement, MetricKind::throughput},
      {"speedup", MetricKind::speedup, MetricKind::none},
      {"throughput_speedup", MetricKind::speedup, MetricKind::throughput},
      {"Speed-up vs eager", MetricKind::speedup, MetricKind::none},
      {"TTFT (x)", MetricKind::speedup, MetricKind::ttft},
      {"Efficiency (tok/s per GB)", MetricKind::efficiency, MetricKind::throughput},
      {"tokens_per_joule", MetricKind::efficiency, MetricKind::tokens},
      {"throughput_per_watt", MetricKind::efficiency, MetricKind::throughput},
      {"throughput_ratio", MetricKind::ratio, MetricKind::throughput},
  };
  for (const auto& c : cases) {
    const auto info = classify_name(c.name);
    EXPECT_EQ(info.kind, c.kind) << c.name;
    EXPECT_EQ(info.base_kind, c.base) << c.name;
    EXPECT_FALSE(model::is_raw_measurement(info.kind)) << c.name;
  }
  EXPECT_EQ(classify_name("speedup").direction, Direction::higher);
  EXPECT_EQ(classify_name("Efficiency (tok/s per GB)").kept_unit, "tok/s per GB");
  EXPECT_FALSE(classify_name("Efficiency (tok/s per GB)").unit.has_value());
}

TEST(ColumnNames, UnitInfixesAreUnitsAndStatisticsAreNot) {
  struct Case {
    const char* name;
    MetricKind kind;
    const char* source_unit;
  };
  const Case cases[] = {
      {"eval_s_mean", MetricKind::eval, "s"},
      {"ttft_s_p50", MetricKind::ttft, "s"},
      {"mean_ttft_s", MetricKind::ttft, "s"},
      {"latency_ms_batch8", MetricKind::latency, "ms"},
      {"load_us_p99", MetricKind::load, "us"},
      {"ttft_ms_min", MetricKind::ttft, "ms"},
      {"ttft_min", MetricKind::ttft, ""},  // the minimum TTFT, not minutes
      {"peak_memory_bytes", MetricKind::memory, "bytes"},
      {"dram__bytes.sum", MetricKind::memory, "bytes"},
      {"Tokens/s", MetricKind::throughput, "tok/s"},
      {"Throughput (MB/s)", MetricKind::other, ""},
  };
  for (const auto& c : cases) {
    const auto info = classify_name(c.name);
    EXPECT_EQ(info.kind, c.kind) << c.name;
    EXPECT_EQ(info.source_unit, c.source_unit) << c.name;
  }
  EXPECT_EQ(classify_name("Throughput (MB/s)").kept_unit, "MB/s");
  EXPECT_EQ(classify_name("eval_s_mean").unit->to_canonical, 1000.0);
}

TEST(ColumnNames, VersionsSizesClocksAndFlagsAreSettings) {
  for (const char* name :
       {"opset", "opset_version", "onnx_opset", "torch_version", "driver_version", "Driver Version",
        "cuda_version", "CUDA", "Parameters", "num_parameters", "workspace_size",
        "max_workspace_size", "model_size_gb", "clock_memory", "clocks.sm [MHz]", "context_length",
        "max_new_tokens", "use_cache", "is_warmup", "device_id", "environment.cuda"}) {
    const auto info = classify_name(name);
    EXPECT_TRUE(info.dimension) << name;
    EXPECT_FALSE(info.identifier) << name;
  }
  for (const char* name : {"peak_memory_size_mb", "memory_used_mb", "kv_cache_used_bytes"}) {
    EXPECT_FALSE(classify_name(name).dimension) << name;
    EXPECT_EQ(classify_name(name).kind, MetricKind::memory) << name;
  }
  for (const char* name : {"process_id", "request_id", "PID"}) {
    EXPECT_TRUE(classify_name(name).identifier) << name;
    EXPECT_FALSE(classify_name(name).dimension) << name;
  }
}

TEST(ColumnNames, HardwareTemperaturesAreMeasurementsInCelsius) {
  for (const char* name : {"gpu_temperature_c", "peak_gpu_temperature_c", "Temp (C)",
                           "GPU Temp (\xC2\xB0" "C)", "temperature.gpu", "cpu_temp"}) {
    const auto info = classify_name(name);
    EXPECT_EQ(info.kind, MetricKind::temperature) << name;
    EXPECT_FALSE(info.dimension) << name;
    EXPECT_FALSE(info.sampling_temperature) << name;
  }
  // Alone, the name is the sampling temperature until its values say otherwise (infer_column).
  for (const char* name : {"temperature", "options.temperature", "Temp"}) {
    const auto info = classify_name(name);
    EXPECT_TRUE(info.dimension) << name;
    EXPECT_TRUE(info.sampling_temperature) << name;
  }
}

TEST(ColumnNames, AUnitsRowUnitCountsAsWrittenInTheName) {
  const auto timing = classify_name("gpu__time_duration.sum", "nsecond");
  EXPECT_EQ(timing.kind, MetricKind::duration);
  EXPECT_EQ(timing.source_unit, "nsecond");
  EXPECT_TRUE(timing.unit_from_header);
  EXPECT_DOUBLE_EQ(timing.unit->to_canonical, 1e-6);
  const auto cycles = classify_name("sm__cycles_elapsed.avg", "cycle");
  EXPECT_EQ(cycles.kept_unit, "cycle");
  EXPECT_FALSE(cycles.unit.has_value());
  // A unit in brackets comes first; the units row comes before a unit word of the name, which
  // may say what is counted rather than in which unit.
  EXPECT_EQ(classify_name("TTFT (ms)", "s").source_unit, "ms");
  EXPECT_FALSE(classify_name("TTFT (ms)", "s").unit_from_header);
  EXPECT_EQ(classify_name("dram__bytes_read.sum", "Kbyte").source_unit, "Kbyte");
}

TEST(ColumnNames, StatusAndSuccessColumnsAndWhatTheySay) {
  EXPECT_TRUE(classify_name("status").status);
  EXPECT_TRUE(classify_name("run.state").status);
  EXPECT_TRUE(classify_name("success").success);
  for (const char* failed :
       {"failed", "FAILED", "Error", "timeout", "OOM", "crashed", "failure."}) {
    EXPECT_TRUE(status_means_failure(failed)) << failed;
  }
  for (const char* fine : {"ok", "success", "completed", "done", "", "Failure - Zero"}) {
    EXPECT_FALSE(status_means_failure(fine)) << fine;
  }
}

TEST(Units, ParseSpellingsToCanonicalFactors) {
  EXPECT_EQ(parse_unit("seconds")->to_canonical, 1000.0);
  EXPECT_EQ(parse_unit("MS")->to_canonical, 1.0);
  EXPECT_EQ(parse_unit("GiB")->to_canonical, 1024.0);
  EXPECT_EQ(parse_unit("tok/s")->canonical, "tok/s");
  EXPECT_FALSE(parse_unit("parsecs").has_value());
  EXPECT_EQ(canonical_unit(MetricKind::load), "ms");
  EXPECT_EQ(parse_unit("nsecond")->to_canonical, 1e-6);
  EXPECT_EQ(parse_unit("usecond")->to_canonical, 1e-3);
  EXPECT_EQ(parse_unit("Kbyte")->canonical, "MiB");
  EXPECT_EQ(parse_unit("\xC2\xB0" "C")->family, UnitFamily::temperature);
  EXPECT_EQ(canonical_unit(MetricKind::improvement), "%");
  EXPECT_EQ(canonical_unit(MetricKind::speedup), "x");
  EXPECT_EQ(canonical_unit(MetricKind::delta), "");
}

TEST(Units, RecogniseUnitsKeptAsWrittenAndCompounds) {
  for (const char* unit : {"ms", "%", "cycle", "inst", "x", "W", "MHz", "C", "tok/s per GB",
                           "Kbyte/second", "inst/cycle", "register/thread", "tokens/J"}) {
    EXPECT_TRUE(is_unit_text(unit)) << unit;
  }
  for (const char* text : {"", "baseline", "95% CI", "n=5", "p50", "Rank 1", "gemma3:latest"}) {
    EXPECT_FALSE(is_unit_text(text)) << text;
  }
}

}  // namespace
}  // namespace chimera::ingest
