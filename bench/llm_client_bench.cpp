// The LLM client's own cost per pass: a full chat() against a local server that spends no time
// generating. client_ms is the wall time per pass less the server's request handling (reading
// the prompt's JSON), so it is what the client and loopback HTTP add to a pass; it still holds
// the server's writes of the streamed body, so it is an upper bound.
// Run: build-bench/bench/chimera_llm_bench --benchmark_repetitions=10
//        --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <chrono>
#include <string>
#include <vector>

#include "chimera/llm/client.hpp"
#include "chimera/llm/stream_parser.hpp"
#include "support/llm_server.hpp"

namespace {

using chimera::llm::ChatRequest;
using chimera::llm::ClientOptions;
using chimera::model::ApiKind;

std::vector<std::string> tokens(std::int64_t count) {
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) {
    out.push_back(i % 7 == 0 ? " the" : " token");
  }
  return out;
}

// prompt_kib: the analysis pass sends tens of kilobytes of tables.
ChatRequest request(std::int64_t prompt_kib) {
  ChatRequest r;
  r.model = "gemma3:latest";
  r.messages = {{"system", "You are a benchmark analyst."},
                {"user", std::string(static_cast<std::size_t>(prompt_kib) * 1024, 'x')}};
  return r;
}

void run_chat(benchmark::State& state, ApiKind api) {
  chimera::test::LlmTestServer server;
  const auto count = state.range(0);
  if (api == ApiKind::ollama) {
    server.set_default_ollama_chat(chimera::test::ollama_stream(tokens(count)));
  } else {
    server.set_default_openai_chat(chimera::test::openai_stream(tokens(count)));
  }
  ClientOptions options;
  options.api = api;
  options.host = server.url();
  const auto client = chimera::llm::make_client(options);
  const auto req = request(state.range(1));
  const auto start = std::chrono::steady_clock::now();
  const auto server_start = server.handler_time();
  for (auto _ : state) {
    auto result = client->chat(req, [](std::string_view) {});
    if (!result) {
      state.SkipWithError(result.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(result->text.data());
  }
  // The pass's wall time less the server's request handling: what the client costs.
  const auto wall = std::chrono::steady_clock::now() - start;
  const auto server_time = server.handler_time() - server_start;
  state.counters["server_ms"] =
      benchmark::Counter(std::chrono::duration<double, std::milli>(server_time).count(),
                         benchmark::Counter::kAvgIterations);
  state.counters["client_ms"] =
      benchmark::Counter(std::chrono::duration<double, std::milli>(wall - server_time).count(),
                         benchmark::Counter::kAvgIterations);
  state.SetItemsProcessed(state.iterations() * count);
}

void BM_OllamaChatPass(benchmark::State& state) {
  run_chat(state, ApiKind::ollama);
}
void BM_OpenAiChatPass(benchmark::State& state) {
  run_chat(state, ApiKind::openai);
}

// The parser alone, for the share of the overhead that is CPU rather than HTTP.
void BM_NdjsonParse(benchmark::State& state) {
  const std::string body =
      chimera::test::joined(chimera::test::ollama_stream(tokens(state.range(0))));
  for (auto _ : state) {
    auto parser = chimera::llm::make_ndjson_parser();
    std::size_t bytes = 0;
    auto error = parser->feed(body, [&](std::string_view piece) { bytes += piece.size(); });
    benchmark::DoNotOptimize(error);
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(body.size()));
}

// Arguments: generated tokens, prompt size in KiB.
BENCHMARK(BM_OllamaChatPass)
    ->Args({1, 0})
    ->Args({1, 48})
    ->Args({500, 48})
    ->Args({2000, 48})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_OpenAiChatPass)
    ->Args({1, 48})
    ->Args({500, 48})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_NdjsonParse)->Arg(500)->Arg(2000)->Unit(benchmark::kMicrosecond);

}  // namespace
