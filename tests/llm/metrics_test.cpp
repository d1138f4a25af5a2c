#include "chimera/llm/metrics.hpp"

#include <gtest/gtest.h>

namespace chimera::llm {
namespace {

TEST(FinishMetrics, ComputesDecodeAndEndToEndThroughput) {
  model::PassMetrics m;
  m.eval_count = 259;
  m.eval_ms = 2435.0;
  m.wall_ms = 5000.0;
  finish_metrics(m, ChatRequest{});
  EXPECT_DOUBLE_EQ(*m.tokens_per_second, 259 / 2.435);
  EXPECT_DOUBLE_EQ(*m.end_to_end_tokens_per_second, 259 / 5.0);
  EXPECT_FALSE(m.truncated);
}

TEST(FinishMetrics, KeepsTheServersOwnThroughput) {
  model::PassMetrics m;
  m.eval_count = 10;
  m.eval_ms = 1000.0;
  m.tokens_per_second = 12.5;
  finish_metrics(m, ChatRequest{});
  EXPECT_DOUBLE_EQ(*m.tokens_per_second, 12.5);
}

TEST(FinishMetrics, LeavesThroughputUnknownWithoutCounts) {
  model::PassMetrics m;
  m.eval_ms = 1000.0;
  m.wall_ms = 2000.0;
  finish_metrics(m, ChatRequest{});
  EXPECT_FALSE(m.tokens_per_second);
  EXPECT_FALSE(m.end_to_end_tokens_per_second);
}

// llama.cpp keeps about the tail half of a prompt that overflows its window.
TEST(FinishMetrics, FlagsAPromptTheServerCountedFarShorter) {
  ChatRequest r;
  r.estimated_prompt_tokens = 10909;
  r.options.num_ctx = 8192;
  model::PassMetrics m;
  m.prompt_eval_count = 6625;
  finish_metrics(m, r);
  EXPECT_TRUE(m.truncated);
  EXPECT_EQ(m.truncation_note,
            "the server evaluated 6625 prompt tokens but the prompt is about 10909 tokens "
            "(num_ctx=8192): it was probably truncated; raise --num-ctx");
}

// The estimate (bytes / 3) matched the count of a prompt the server had already cut to its
// window: chimera said "not truncated".
TEST(FinishMetrics, FlagsAPromptCountedAtTheWindowSizeWhateverTheEstimate) {
  ChatRequest r;
  r.estimated_prompt_tokens = 8000;
  r.options.num_ctx = 8192;
  model::PassMetrics m;
  m.prompt_eval_count = 8192;
  finish_metrics(m, r);
  EXPECT_TRUE(m.truncated);
  EXPECT_EQ(m.truncation_note,
            "the server evaluated 8192 prompt tokens, at the window size (num_ctx=8192): the "
            "prompt was probably cut to fit; raise --num-ctx");
  model::PassMetrics near;
  near.prompt_eval_count = 8192 - 8192 / 32;
  finish_metrics(near, r);
  EXPECT_TRUE(near.truncated);
  model::PassMetrics below;
  below.prompt_eval_count = 8192 - 8192 / 32 - 1;
  finish_metrics(below, r);
  EXPECT_FALSE(below.truncated);
}

TEST(FinishMetrics, ToleratesAnEstimateWithinTheTolerance) {
  ChatRequest r;
  r.estimated_prompt_tokens = 1000;
  model::PassMetrics m;
  m.prompt_eval_count = 751;  // 25 % tolerance: 750 is the limit
  finish_metrics(m, r);
  EXPECT_FALSE(m.truncated);
  m.prompt_eval_count = 749;
  finish_metrics(m, r);
  EXPECT_TRUE(m.truncated);
}

TEST(FinishMetrics, SaysNothingWhenThePromptCountIsUnknown) {
  ChatRequest r;
  r.estimated_prompt_tokens = 1000;
  model::PassMetrics m;
  finish_metrics(m, r);
  EXPECT_FALSE(m.truncated);
}

TEST(FinishMetrics, FlagsLengthBeforeNumPredict) {
  ChatRequest r;
  r.options.num_predict = 1000;
  model::PassMetrics m;
  m.done_reason = "length";
  m.eval_count = 300;
  finish_metrics(m, r);
  EXPECT_TRUE(m.truncated);
  EXPECT_EQ(m.truncation_note,
            "generation stopped at the context limit (done reason 'length') after 300 tokens, "
            "before num_predict=1000; raise --num-ctx");
}

TEST(FinishMetrics, AcceptsLengthAtNumPredict) {
  ChatRequest r;
  r.options.num_predict = 300;
  model::PassMetrics m;
  m.done_reason = "length";
  m.eval_count = 300;
  finish_metrics(m, r);
  EXPECT_FALSE(m.truncated);
}

TEST(FinishMetrics, FlagsLengthWithoutNumPredict) {
  model::PassMetrics m;
  m.done_reason = "length";
  finish_metrics(m, ChatRequest{});
  EXPECT_TRUE(m.truncated);
  EXPECT_EQ(m.truncation_note,
            "generation stopped at the context limit (done reason 'length') after an unknown "
            "number of tokens; raise --num-ctx");
}

// Negative durations and counts and 1e308 tok/s were reported as they came.
TEST(FinishMetrics, LeavesOutWhatTheServerReportedThatCannotBeRight) {
  model::PassMetrics m;
  m.wall_ms = 3000.0;
  m.load_ms = -5.0;
  m.prompt_eval_ms = 1e300;
  m.eval_ms = 2000.0;
  m.total_ms = 2900.0;
  m.prompt_eval_count = -3;
  m.eval_count = 120;
  m.tokens_per_second = 1e308;
  finish_metrics(m, ChatRequest{});
  EXPECT_FALSE(m.load_ms);
  EXPECT_FALSE(m.prompt_eval_ms);
  EXPECT_FALSE(m.prompt_eval_count);
  EXPECT_DOUBLE_EQ(*m.eval_ms, 2000.0);
  EXPECT_DOUBLE_EQ(*m.total_ms, 2900.0);
  EXPECT_EQ(*m.eval_count, 120);
  EXPECT_DOUBLE_EQ(*m.tokens_per_second, 60.0);  // recomputed from the plausible counts
  EXPECT_EQ(m.implausible,
            "load_duration -5 ms, prompt_eval_duration 1e+300 ms, prompt_eval_count -3, tokens "
            "per second 1e+308");
}

TEST(FinishMetrics, ADurationLongerThanThePassOrAnAbsurdRateIsLeftOut) {
  model::PassMetrics m;
  m.wall_ms = 2000.0;
  m.total_ms = 3'600'000.0;  // an hour, in a pass of two seconds
  m.eval_count = 100;
  m.eval_ms = 1e-6;  // 10^11 tok/s
  finish_metrics(m, ChatRequest{});
  EXPECT_FALSE(m.total_ms);
  EXPECT_FALSE(m.tokens_per_second);
  EXPECT_EQ(m.implausible, "total_duration 3.6e+06 ms, tokens per second 1e+11");
}

TEST(FinishMetrics, PlausibleMetricsHaveNoNote) {
  model::PassMetrics m;
  m.wall_ms = 5000.0;
  m.load_ms = 0.0;
  m.eval_count = 259;
  m.eval_ms = 2435.0;
  finish_metrics(m, ChatRequest{});
  EXPECT_EQ(m.implausible, "");
}

}  // namespace
}  // namespace chimera::llm
