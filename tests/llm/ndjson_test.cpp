#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chimera/llm/stream_parser.hpp"

namespace chimera::llm {
namespace {

constexpr std::string_view k_stream =
    R"({"model":"m","created_at":"t","message":{"role":"assistant","content":"Hel"},"done":false}
{"model":"m","created_at":"t","message":{"role":"assistant","content":"lo"},"done":false}
{"model":"m","created_at":"t","message":{"role":"assistant","content":""},"done_reason":"stop","done":true,"total_duration":5589157167,"load_duration":3013701500,"prompt_eval_count":26,"prompt_eval_duration":130079000,"eval_count":259,"eval_duration":2435000000}
)";

struct Parsed {
  std::vector<std::string> pieces;
  std::optional<LlmError> error;
  bool complete = false;
  model::PassMetrics metrics;
};

Parsed parse(const std::vector<std::string_view>& reads, bool finish = true) {
  auto parser = make_ndjson_parser();
  Parsed out;
  const TokenCallback on_piece = [&](std::string_view piece) { out.pieces.emplace_back(piece); };
  for (auto read : reads) {
    out.error = parser->feed(read, on_piece);
    if (out.error) {
      return out;
    }
  }
  if (finish) {
    out.error = parser->finish(on_piece);
  }
  out.complete = parser->complete();
  out.metrics = parser->server_metrics();
  return out;
}

TEST(NdjsonParser, ReadsContentAndTheFinalChunksMetrics) {
  const auto out = parse({k_stream});
  ASSERT_FALSE(out.error);
  EXPECT_EQ(out.pieces, (std::vector<std::string>{"Hel", "lo"}));
  EXPECT_TRUE(out.complete);
  EXPECT_EQ(out.metrics.done_reason, "stop");
  EXPECT_DOUBLE_EQ(*out.metrics.total_ms, 5589.157167);
  EXPECT_DOUBLE_EQ(*out.metrics.load_ms, 3013.7015);
  EXPECT_DOUBLE_EQ(*out.metrics.prompt_eval_ms, 130.079);
  EXPECT_DOUBLE_EQ(*out.metrics.eval_ms, 2435.0);
  EXPECT_EQ(*out.metrics.prompt_eval_count, 26);
  EXPECT_EQ(*out.metrics.eval_count, 259);
  EXPECT_FALSE(out.metrics.ttft_ms);
}

TEST(NdjsonParser, GivesTheSameResultWhateverTheReadBoundaries) {
  const auto whole = parse({k_stream});
  for (std::size_t size : {1U, 2U, 3U, 7U, 64U}) {
    std::vector<std::string_view> reads;
    for (std::size_t at = 0; at < k_stream.size(); at += size) {
      reads.push_back(k_stream.substr(at, size));
    }
    const auto out = parse(reads);
    ASSERT_FALSE(out.error) << size;
    std::string text;
    for (const auto& p : out.pieces) {
      text += p;
    }
    EXPECT_EQ(text, "Hello") << size;
    EXPECT_EQ(out.metrics.eval_count, whole.metrics.eval_count) << size;
    EXPECT_TRUE(out.complete) << size;
  }
}

TEST(NdjsonParser, LeavesFieldsTheServerDidNotSendUnknown) {
  const auto out = parse({R"({"message":{"content":"x"},"done":true,"eval_count":3})"
                          "\n"});
  ASSERT_FALSE(out.error);
  EXPECT_EQ(*out.metrics.eval_count, 3);
  EXPECT_FALSE(out.metrics.eval_ms);
  EXPECT_FALSE(out.metrics.load_ms);
  EXPECT_FALSE(out.metrics.prompt_eval_count);
  EXPECT_EQ(out.metrics.done_reason, "");
}

TEST(NdjsonParser, ReportsAnErrorLineMidStream) {
  const auto out =
      parse({R"({"message":{"content":"a"},"done":false})"
             "\n"
             R"({"error":"an error was encountered while running the model: CUDA error"})"
             "\n"});
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->kind, FailureKind::server_error);
  EXPECT_EQ(out.error->message,
            "the server reported an error mid-stream: an error was encountered while running "
            "the model: CUDA error");
  EXPECT_EQ(out.pieces, (std::vector<std::string>{"a"}));
}

TEST(NdjsonParser, RejectsALineThatIsNotJson) {
  const auto out = parse({R"({"message":{"content":"a"},"done":false})"
                          "\nnot json at all\n"});
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->kind, FailureKind::malformed);
  EXPECT_EQ(out.error->message, "malformed stream: line 2 is not a JSON object: 'not json at all'");
}

TEST(NdjsonParser, RejectsALineOverTheBound) {
  auto parser = make_ndjson_parser(16);
  const auto error = parser->feed(R"({"message":{"content":"0123456789"}})", {});
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind, FailureKind::malformed);
  EXPECT_EQ(error->message, "malformed stream: line 1 is longer than 16 bytes");
}

TEST(NdjsonParser, ParsesAnUnterminatedLastLineAtTheEnd) {
  const auto out = parse({R"({"message":{"content":"a"},"done":true,"done_reason":"stop"})"});
  ASSERT_FALSE(out.error);
  EXPECT_TRUE(out.complete);
  EXPECT_EQ(out.pieces, (std::vector<std::string>{"a"}));
}

TEST(NdjsonParser, IsIncompleteWithoutTheDoneChunk) {
  const auto out = parse({R"({"message":{"content":"a"},"done":false})"
                          "\n"});
  ASSERT_FALSE(out.error);
  EXPECT_FALSE(out.complete);
}

TEST(NdjsonParser, SkipsBlankLines) {
  const auto out = parse({"\n\r\n", R"({"message":{"content":"a"},"done":true})", "\n\n"});
  ASSERT_FALSE(out.error);
  EXPECT_TRUE(out.complete);
}

// A server's error object nested a million levels deep would exhaust the stack when quoted.
TEST(NdjsonParser, ALineNestedTooDeeplyIsMalformedNotACrash) {
  const std::string deep =
      "{\"error\":" + std::string(1'000'000, '[') + std::string(1'000'000, ']') + "}\n";
  const auto out = parse({deep});
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->kind, FailureKind::malformed);
}

}  // namespace
}  // namespace chimera::llm
