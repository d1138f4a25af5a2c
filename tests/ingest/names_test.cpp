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
      {"throughput_improvement_percent", MetricKind::percent, Direction::higher, "percent"},
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

TEST(Units, ParseSpellingsToCanonicalFactors) {
  EXPECT_EQ(parse_unit("seconds")->to_canonical, 1000.0);
  EXPECT_EQ(parse_unit("MS")->to_canonical, 1.0);
  EXPECT_EQ(parse_unit("GiB")->to_canonical, 1024.0);
  EXPECT_EQ(parse_unit("tok/s")->canonical, "tok/s");
  EXPECT_FALSE(parse_unit("parsecs").has_value());
  EXPECT_EQ(canonical_unit(MetricKind::load), "ms");
}

}  // namespace
}  // namespace chimera::ingest
