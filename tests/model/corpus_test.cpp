#include "chimera/model/corpus.hpp"

#include <gtest/gtest.h>

namespace chimera::model {
namespace {

TEST(ColumnLeaf, TakesTheLastPartOfAPathOrAQualifiedKey) {
  EXPECT_EQ(column_leaf("baseline.aggregate_metrics.average_ttft_ms"), "average_ttft_ms");
  EXPECT_EQ(column_leaf("TTFT > Baseline"), "Baseline");
  EXPECT_EQ(column_leaf("ttft_ms"), "ttft_ms");
}

TEST(ColumnLeaf, KeepsHeadersWithSlashesDotsAndBracketsWhole) {
  EXPECT_EQ(column_leaf("Tokens/s"), "Tokens/s");
  EXPECT_EQ(column_leaf("Throughput (tok/s)"), "Throughput (tok/s)");
  EXPECT_EQ(column_leaf("TTFT (s)"), "TTFT (s)");
  EXPECT_EQ(column_leaf("Avg. TTFT (ms)"), "Avg. TTFT (ms)");
  EXPECT_EQ(column_leaf("Qwen2.5 TTFT (s)"), "Qwen2.5 TTFT (s)");
  EXPECT_EQ(column_leaf("Latency (p99.9, ms)"), "Latency (p99.9, ms)");
  EXPECT_EQ(column_leaf("Run-by-Run > Tokens/s"), "Tokens/s");
}

TEST(MetricKinds, OnlyRawMeasurementsAreRaw) {
  for (const MetricKind kind :
       {MetricKind::throughput, MetricKind::ttft, MetricKind::latency, MetricKind::load,
        MetricKind::prompt_eval, MetricKind::eval, MetricKind::total, MetricKind::compile,
        MetricKind::duration, MetricKind::memory, MetricKind::tokens}) {
    EXPECT_TRUE(is_raw_measurement(kind)) << to_string(kind);
  }
  for (const MetricKind kind :
       {MetricKind::none, MetricKind::ratio, MetricKind::percent, MetricKind::count,
        MetricKind::other, MetricKind::delta, MetricKind::improvement, MetricKind::speedup,
        MetricKind::efficiency, MetricKind::temperature}) {
    EXPECT_FALSE(is_raw_measurement(kind)) << to_string(kind);
  }
}

TEST(MetricKinds, NewKindsAndUnitSourcesHaveTheirNames) {
  EXPECT_EQ(to_string(MetricKind::delta), "delta");
  EXPECT_EQ(to_string(MetricKind::improvement), "improvement");
  EXPECT_EQ(to_string(MetricKind::speedup), "speedup");
  EXPECT_EQ(to_string(MetricKind::efficiency), "efficiency");
  EXPECT_EQ(to_string(MetricKind::temperature), "temperature");
  EXPECT_EQ(to_string(MetricKind::ttft), "ttft");
  EXPECT_EQ(to_string(UnitSource::header_row), "header_row");
  EXPECT_EQ(to_string(UnitSource::siblings), "siblings");
  EXPECT_EQ(to_string(UnitSource::ollama_ns), "ollama_ns");
}

TEST(ColumnHead, BaseKindAndUnitSourceTellHeadsApart) {
  ColumnHead delta;
  delta.name = "x_delta";
  delta.kind = MetricKind::delta;
  ColumnHead of_ttft = delta;
  of_ttft.base_kind = MetricKind::ttft;
  ColumnHead assumed = delta;
  assumed.unit_source = UnitSource::assumed;
  Column a;
  a.set_head(delta);
  Column b;
  b.set_head(of_ttft);
  Column c;
  c.set_head(assumed);
  EXPECT_EQ(a.base_kind(), MetricKind::none);
  EXPECT_EQ(b.base_kind(), MetricKind::ttft);
  EXPECT_EQ(c.unit_source(), UnitSource::assumed);
  EXPECT_FALSE(a.head() == b.head());
  EXPECT_FALSE(a.head() == c.head());
}

}  // namespace
}  // namespace chimera::model
