// The whole run against a misbehaving or demanding LLM server (the test server in this
// process): credentials in --host, a pass that fails mid-stream, implausible server metrics, a
// prompt larger than the server's window.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/llm_server.hpp"
#include "support/process.hpp"
#include "support/report_text.hpp"

namespace chimera::test {
namespace {

const std::string k_examples = std::string(CHIMERA_SOURCE_DIR) + "/examples/reports";

std::vector<std::string> analyze_args(const std::string& host,
                                      std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"analyze", k_examples,      "--host",         host,
                                "--model", "gemma3:latest", "--timeout-idle", "10"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// "http://user:pass@host:port" was misparsed (as an IPv6 address) and the password was printed
// in stderr and the report.
TEST(LlmReliabilityCli, CredentialsInTheHostAreSentAsBasicAuthAndNeverShown) {
  LlmTestServer server;
  const std::string host = "http://user:s3cret@127.0.0.1:" + std::to_string(server.port());
  const auto r = run_chimera(analyze_args(host));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto chats = server.requests("/api/chat");
  ASSERT_EQ(chats.size(), 2u) << r.err;
  EXPECT_EQ(chats[0].authorization, "Basic dXNlcjpzM2NyZXQ=");
  EXPECT_EQ(server.requests("/api/version").at(0).authorization, "Basic dXNlcjpzM2NyZXQ=");
  EXPECT_EQ(r.out.find("s3cret"), std::string::npos);
  EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("- Endpoint: " + server.url() + "\n"), std::string::npos);
}

TEST(LlmReliabilityCli, ABadHostWithCredentialsIsAUsageErrorThatHidesThem) {
  const auto r = run_chimera({"analyze", k_examples, "--host", "http://user:s3cret@[::1"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--host"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << r.err;
}

// Negative durations and counts were reported as they came.
TEST(LlmReliabilityCli, ImplausibleServerMetricsAreShownAsAbsentWithANote) {
  LlmTestServer server;
  FinalFields fields;
  fields.eval_duration_ns = -5'000'000;
  fields.eval_count = -3;
  server.script_ollama_chat(ollama_stream({"1. A finding."}, fields));
  server.script_ollama_chat(ollama_stream({"## Executive Summary\n\nFine."}));
  const auto r = run_chimera(analyze_args(server.url()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string out = unwrapped(r.out);
  const std::string metrics = out.substr(out.find("\n## Metrics\n"));
  EXPECT_NE(metrics.find("- The server reported values for the analysis pass that cannot be "
                         "right; they are shown as `-`: eval_duration -5 ms, eval_count -3.\n"),
            std::string::npos)
      << metrics;
  EXPECT_EQ(metrics.find("| -3 |"), std::string::npos) << metrics;
  EXPECT_EQ(metrics.find("-5"), metrics.find("-5 ms, eval_count")) << metrics;
}

// README said a failed pass keeps the text streamed so far; the report dropped it, and its TTFT.
TEST(LlmReliabilityCli, APassCutOffMidStreamKeepsItsTextMarkedAndItsTtft) {
  LlmTestServer server;
  server.script_ollama_chat({write(ollama_token_line("1. Throughput peaks at ")),
                             write(ollama_token_line("**101.7 tok/s** with num_gpu=120")), drop()});
  const auto r = run_chimera(analyze_args(server.url()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("### From the analysis pass\n\n1. Throughput peaks at **101.7 tok/s** "
                       "with num_gpu=120\n\n> Cut off: the analysis pass failed before it "
                       "finished: the stream ended before its final chunk"),
            std::string::npos)
      << r.out;
  const std::size_t row = r.out.find("\n| analysis | failed: ");
  ASSERT_NE(row, std::string::npos) << r.out;
  const std::string line = r.out.substr(row + 1, r.out.find('\n', row + 1) - row - 1);
  // Pass | Status | TTFT (ms) | ...: the TTFT cell holds a number, not "-".
  std::size_t cells = 0;
  std::size_t at = 0;
  for (std::size_t i = 0; i < line.size() && cells < 3; ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) {
      ++cells;
      at = i;
    }
  }
  const std::string ttft = line.substr(at + 2, line.find(" |", at + 1) - at - 2);
  EXPECT_NE(ttft, "-") << line;
  EXPECT_NE(ttft.find_first_of("0123456789"), std::string::npos) << line;
}

// The JSON report carries the same notes as the Markdown: implausible values and a cut-off pass.
TEST(LlmReliabilityCli, TheJsonReportSaysWhichValuesWereImplausibleAndWhereTextWasCutOff) {
  LlmTestServer server;
  FinalFields fields;
  fields.eval_count = -3;
  server.script_ollama_chat(ollama_stream({"1. A finding."}, fields));
  server.script_ollama_chat({write(ollama_token_line("## Executive Summary\n\nFine")), drop()});
  const auto r = run_chimera(analyze_args(server.url(), {"--format", "json"}));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["llm"]["passes"][0]["implausible"], "eval_count -3");
  EXPECT_TRUE(j["llm"]["passes"][1]["implausible"].is_null());
  const auto cut = j["llm"]["narrative"]["cut_off"];
  ASSERT_TRUE(cut.is_string()) << j["llm"].dump(2);
  EXPECT_NE(cut.get<std::string>().find("the report pass failed"), std::string::npos) << cut;
}

// On llama.cpp with its real tokenizer chimera sent a 10,909-token prompt with --num-ctx 8192:
// bytes / 3 undercounts numbers and table punctuation. The test server's tokenizer costs a token
// per 1.5 bytes; chimera must count with POST /tokenize and keep every prompt inside the window.
TEST(LlmReliabilityCli, PromptsFitTheWindowByTheServersOwnTokenizer) {
  LlmTestServer server;
  server.serve_as_llama_cpp("gemma-3-4b-it-Q4_K_M.gguf", "b6000-abc");
  server.set_tokenizer(1.5, 4096);
  const auto r = run_chimera(analyze_args(server.url(), {"--api", "openai", "--num-ctx", "4096"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(server.requests("/tokenize").empty());
  const auto chats = server.requests("/v1/chat/completions");
  ASSERT_EQ(chats.size(), 2u);
  for (const auto& chat : chats) {
    const std::int64_t messages = static_cast<std::int64_t>(chat.json()["messages"].size());
    EXPECT_LE(server.prompt_tokens(chat) + 8 * messages, 4096) << "the server would cut it";
  }
  EXPECT_EQ(r.out.find("| yes: "), std::string::npos) << "flagged truncated";
}

// Ollama offers no tokenizer, and its prompt_eval_count stops at the window when it cuts the
// prompt. A tokenizer of one token a byte costs more than chimera's estimate: the first analysis
// prompt overflows, the server counts num_ctx, and chimera must say so, refit and ask again.
TEST(LlmReliabilityCli, APromptCountedAtTheWindowIsRefittedAndSaid) {
  LlmTestServer server;
  server.set_tokenizer(1.0, 0);
  const auto r = run_chimera(analyze_args(server.url(), {"--num-ctx", "4096"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto chats = server.requests("/api/chat");
  ASSERT_EQ(chats.size(), 3u) << "analysis, analysis refitted, report";
  EXPECT_GE(server.prompt_tokens(chats[0]), 4096) << "the test needs a first prompt that overflows";
  for (std::size_t i = 1; i < chats.size(); ++i) {
    EXPECT_LT(server.prompt_tokens(chats[i]), 4096 - 4096 / 32) << "request " << i;
  }
  EXPECT_NE(unwrapped(r.out).find(
                "- The analysis pass was asked twice: the first try filled the server's "
                "window (4096 prompt tokens counted, num_ctx=4096), so the server cut the "
                "prompt; the evidence was refitted and the pass asked again.\n"),
            std::string::npos)
      << r.out.substr(r.out.find("## Metrics"));
}

}  // namespace
}  // namespace chimera::test
