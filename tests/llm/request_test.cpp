#include "chimera/llm/request.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace chimera::llm {
namespace {

ChatRequest request_with_all_options() {
  ChatRequest r;
  r.model = "gemma3:latest";
  r.messages = {{"system", "You are terse."}, {"user", "Summarise."}};
  r.options.num_ctx = 16384;
  r.options.num_gpu = 80;
  r.options.temperature = 0.25;
  r.options.top_p = 0.9;
  r.options.top_k = 40;
  r.options.repeat_penalty = 1.1;
  r.options.seed = 7;
  r.options.num_predict = 512;
  r.options.keep_alive = "5m";
  return r;
}

TEST(OllamaChatBody, PutsOptionsInOptionsAndKeepAliveAtTheTop) {
  const auto body = nlohmann::json::parse(ollama_chat_body(request_with_all_options()));
  EXPECT_EQ(body["model"], "gemma3:latest");
  EXPECT_EQ(body["stream"], true);
  EXPECT_EQ(body["keep_alive"], "5m");
  EXPECT_FALSE(body.contains("system"));
  EXPECT_EQ(body["messages"][0],
            (nlohmann::json{{"role", "system"}, {"content", "You are terse."}}));
  EXPECT_EQ(body["messages"][1]["role"], "user");
  const auto& o = body["options"];
  EXPECT_EQ(o, (nlohmann::json{{"num_ctx", 16384},
                               {"num_gpu", 80},
                               {"temperature", 0.25},
                               {"top_p", 0.9},
                               {"top_k", 40},
                               {"repeat_penalty", 1.1},
                               {"seed", 7},
                               {"num_predict", 512}}));
}

TEST(OllamaChatBody, AlwaysSendsNumCtxAndNothingUnset) {
  ChatRequest r;
  r.model = "m";
  const auto body = nlohmann::json::parse(ollama_chat_body(r));
  EXPECT_EQ(body["options"], (nlohmann::json{{"num_ctx", 8192}}));
  EXPECT_FALSE(body.contains("keep_alive"));
}

TEST(OpenAiChatBody, MapsOptionsToOpenAiFields) {
  const auto body = nlohmann::json::parse(openai_chat_body(request_with_all_options()));
  EXPECT_EQ(body["stream"], true);
  EXPECT_EQ(body["stream_options"], (nlohmann::json{{"include_usage", true}}));
  EXPECT_EQ(body["max_tokens"], 512);
  EXPECT_EQ(body["temperature"], 0.25);
  EXPECT_EQ(body["top_p"], 0.9);
  EXPECT_EQ(body["seed"], 7);
  EXPECT_EQ(body["top_k"], 40);
  EXPECT_EQ(body["repeat_penalty"], 1.1);
  EXPECT_FALSE(body.contains("options"));
  EXPECT_FALSE(body.contains("keep_alive"));
  EXPECT_FALSE(body.contains("num_ctx"));
  EXPECT_EQ(body["messages"][0]["role"], "system");
}

TEST(ChatBody, ReplacesInvalidUtf8InsteadOfThrowing) {
  ChatRequest r;
  r.model = "m";
  r.messages = {{"user", "bad \xC3 byte"}};
  const auto body = nlohmann::json::parse(ollama_chat_body(r));
  EXPECT_EQ(body["messages"][0]["content"], "bad \xEF\xBF\xBD byte");
}

TEST(DescribeOptions, ListsWhatWasSent) {
  EXPECT_EQ(describe_options(request_with_all_options().options),
            "num_ctx=16384, num_gpu=80, temperature=0.25, top_p=0.9, top_k=40, "
            "repeat_penalty=1.1, seed=7, num_predict=512, keep_alive=5m");
  EXPECT_EQ(describe_options({}), "num_ctx=8192");
}

}  // namespace
}  // namespace chimera::llm
