#include "chimera/analyze/names.hpp"

#include <gtest/gtest.h>

namespace chimera::analyze {
namespace {

TEST(LeafName, TakesTheLastSegmentOfNestedNames) {
  EXPECT_EQ(leaf_name("config.num_gpu"), "num_gpu");
  EXPECT_EQ(leaf_name("Tokens/s"), "Tokens/s");
  EXPECT_EQ(leaf_name("Statistical Summary > TTFT (s)"), "TTFT (s)");
  EXPECT_EQ(leaf_name("model"), "model");
  EXPECT_EQ(directory_of("runs/a.json"), "runs");
  EXPECT_EQ(directory_of("a.json"), ".");
}

TEST(NormalizeName, LowersAndJoinsWords) {
  EXPECT_EQ(normalize_name("Throughput (tok/s)"), "throughput_tok_s");
  EXPECT_EQ(normalize_name("GPU Layers"), "gpu_layers");
  EXPECT_EQ(normalize_name("  ttft__ms "), "ttft_ms");
}

TEST(AggregateName, RecognisesSummaryWordsOnly) {
  EXPECT_TRUE(is_aggregate_name("average_ttft_ms"));
  EXPECT_TRUE(is_aggregate_name("aggregate_metrics.stddev_throughput"));
  EXPECT_TRUE(is_aggregate_name("Mean TTFT (ms)"));
  EXPECT_TRUE(is_aggregate_name("p95_latency"));
  EXPECT_FALSE(is_aggregate_name("ttft_ms"));
  EXPECT_FALSE(is_aggregate_name("maximum_tokens"));
  EXPECT_FALSE(is_aggregate_name("tokens_per_second"));
}

TEST(SpreadName, RecognisesSpreadAndExtremesButNotCentralValues) {
  EXPECT_TRUE(is_spread_name("stddev_throughput"));
  EXPECT_TRUE(is_spread_name("p95_latency_ms"));
  EXPECT_TRUE(is_spread_name("max ttft"));
  EXPECT_TRUE(is_spread_name("ttft_sd"));
  EXPECT_FALSE(is_spread_name("average_ttft_ms"));
  EXPECT_FALSE(is_spread_name("median_ttft"));
  EXPECT_FALSE(is_spread_name("ttft_ms"));
}

TEST(AggregateContainer, LooksAtEverySegmentButTheLeaf) {
  EXPECT_TRUE(in_aggregate_container("baseline.aggregate_metrics.total_duration_ms"));
  EXPECT_TRUE(in_aggregate_container("Summary.ttft_ms"));
  EXPECT_TRUE(in_aggregate_container("stats.throughput"));
  EXPECT_FALSE(in_aggregate_container("individual_runs.total_duration_ms"));
  EXPECT_FALSE(in_aggregate_container("summary"));
}

TEST(StatedNotMeasured, ExpectationsAndTargetsAreNotRuns) {
  EXPECT_TRUE(is_stated_not_measured("chimera_config.expected_throughput"));
  EXPECT_TRUE(is_stated_not_measured("Target TTFT (ms)"));
  EXPECT_TRUE(is_stated_not_measured("estimated_tokens_per_second"));
  EXPECT_FALSE(is_stated_not_measured("ttft_ms"));
}

TEST(SummaryFile, ReadsTheStemOnly) {
  EXPECT_TRUE(is_summary_file("reports/gemma3_param_tuning_summary.csv"));
  EXPECT_TRUE(is_summary_file("config_stats.csv"));
  EXPECT_TRUE(is_summary_file("Aggregated-Results.json"));
  EXPECT_FALSE(is_summary_file("summary_dir/runs.csv"));
  EXPECT_FALSE(is_summary_file("gemma3_param_tuning.csv"));
}

TEST(CanonicalSetting, MergesTheSpellingsOfOneSetting) {
  EXPECT_EQ(canonical_setting("temp"), "temperature");
  EXPECT_EQ(canonical_setting("TEMP"), "temperature");
  EXPECT_EQ(canonical_setting("options.temperature"), "temperature");
  EXPECT_EQ(canonical_setting("GPU Layers"), "num_gpu");
  EXPECT_EQ(canonical_setting("n_gpu_layers"), "num_gpu");
  EXPECT_EQ(canonical_setting("ctx_size"), "num_ctx");
  EXPECT_EQ(canonical_setting("config.model_name"), "model");
  EXPECT_EQ(canonical_setting("engine"), "backend");
  // A "gpu" column names the hardware, not a layer count.
  EXPECT_EQ(canonical_setting("system.gpu"), "gpu");
}

TEST(ShortData, RejectsSentences) {
  EXPECT_TRUE(is_short_data("gemma3:latest"));
  EXPECT_TRUE(is_short_data("RTX 4080 16GB"));
  EXPECT_TRUE(is_short_data("0.8"));
  EXPECT_FALSE(is_short_data("Sampling randomness. 0 = deterministic, 1+ = creative."));
  EXPECT_FALSE(is_short_data("60 (full offload - optimal for Gemma3)"));
  EXPECT_FALSE(is_short_data("Balanced creativity/coherence."));
  EXPECT_FALSE(is_short_data(""));
}

}  // namespace
}  // namespace chimera::analyze
