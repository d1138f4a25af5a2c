#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chimera/llm/stream_parser.hpp"

namespace chimera::llm {
namespace {

struct Parsed {
  std::string text;
  std::optional<LlmError> error;
  bool complete = false;
  model::PassMetrics metrics;
};

Parsed parse(std::string_view body, std::size_t read_size = 0) {
  auto parser = make_sse_parser();
  Parsed out;
  const TokenCallback on_piece = [&](std::string_view piece) { out.text += piece; };
  const std::size_t size = read_size == 0 ? body.size() : read_size;
  for (std::size_t at = 0; at < body.size(); at += size) {
    out.error = parser->feed(body.substr(at, size), on_piece);
    if (out.error) {
      return out;
    }
  }
  out.error = parser->finish(on_piece);
  out.complete = parser->complete();
  out.metrics = parser->server_metrics();
  return out;
}

// What llama-server sends, trimmed: role chunk, tokens, finish chunk with timings, usage, DONE.
constexpr std::string_view k_llama_stream =
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n"
    ": keep-alive comment\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"}}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
    "\"timings\":{\"cache_n\":4,\"prompt_n\":22,\"prompt_ms\":130.5,\"predicted_n\":2,"
    "\"predicted_ms\":40.0,\"predicted_per_second\":50.0}}\n\n"
    "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":26,\"completion_tokens\":2,"
    "\"total_tokens\":28}}\n\n"
    "data: [DONE]\n\n";

TEST(SseParser, ReadsContentUsageAndLlamaCppTimings) {
  const auto out = parse(k_llama_stream);
  ASSERT_FALSE(out.error);
  EXPECT_EQ(out.text, "Hi there");
  EXPECT_TRUE(out.complete);
  EXPECT_EQ(out.metrics.done_reason, "stop");
  EXPECT_EQ(*out.metrics.prompt_eval_count, 26);
  EXPECT_EQ(*out.metrics.eval_count, 2);
  EXPECT_DOUBLE_EQ(*out.metrics.prompt_eval_ms, 130.5);
  EXPECT_DOUBLE_EQ(*out.metrics.eval_ms, 40.0);
  EXPECT_DOUBLE_EQ(*out.metrics.tokens_per_second, 50.0);
  EXPECT_FALSE(out.metrics.load_ms);
  EXPECT_FALSE(out.metrics.total_ms);
}

TEST(SseParser, GivesTheSameResultOneByteAtATime) {
  const auto out = parse(k_llama_stream, 1);
  ASSERT_FALSE(out.error);
  EXPECT_EQ(out.text, "Hi there");
  EXPECT_EQ(*out.metrics.eval_count, 2);
}

TEST(SseParser, CountsCachedPromptTokensFromTimingsWithoutUsage) {
  const auto out = parse(
      "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}],"
      "\"timings\":{\"cache_n\":4,\"prompt_n\":22,\"predicted_n\":7}}\n\n");
  ASSERT_FALSE(out.error);
  EXPECT_EQ(*out.metrics.prompt_eval_count, 26);
  EXPECT_EQ(*out.metrics.eval_count, 7);
  EXPECT_EQ(out.metrics.done_reason, "length");
  EXPECT_TRUE(out.complete);
}

TEST(SseParser, ReportsAnErrorPayloadMidStream) {
  const auto out = parse(
      "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n"
      "data: {\"error\":{\"message\":\"context shift is "
      "disabled\",\"type\":\"server_error\"}}\n\n");
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->kind, FailureKind::server_error);
  EXPECT_EQ(out.error->message,
            "the server reported an error mid-stream: context shift is disabled");
  EXPECT_EQ(out.text, "a");
}

TEST(SseParser, ReportsAnErrorEvent) {
  const auto out = parse("event: error\ndata: {\"message\":\"boom\"}\n\n");
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->kind, FailureKind::server_error);
  EXPECT_EQ(out.error->message, "the server reported an error mid-stream: boom");
}

TEST(SseParser, ReportsAnErrorSentAsBareJson) {
  const auto out = parse("{\"error\":{\"message\":\"model is loading\"}}\n");
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->kind, FailureKind::server_error);
  EXPECT_EQ(out.error->message, "the server reported an error mid-stream: model is loading");
}

TEST(SseParser, RejectsDataThatIsNotJson) {
  const auto out = parse("data: {\"choices\":[]}\n\ndata: {oops\n\n");
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->kind, FailureKind::malformed);
  EXPECT_EQ(out.error->message, "malformed stream: line 3 is not a JSON object: '{oops'");
}

TEST(SseParser, IsIncompleteWithoutFinishReasonOrDone) {
  const auto out = parse("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n");
  ASSERT_FALSE(out.error);
  EXPECT_FALSE(out.complete);
}

TEST(SseParser, AcceptsDataWithoutASpaceAfterTheColon) {
  const auto out = parse("data:{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata:[DONE]\n\n");
  ASSERT_FALSE(out.error);
  EXPECT_EQ(out.text, "a");
  EXPECT_TRUE(out.complete);
}

}  // namespace
}  // namespace chimera::llm
