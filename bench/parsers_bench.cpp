// Parser throughput on one core: bytes of input per second, input generated in memory.
#include <benchmark/benchmark.h>

#include "chimera/ingest/csv.hpp"
#include "chimera/ingest/encoding.hpp"
#include "chimera/ingest/ingest.hpp"
#include "chimera/ingest/json.hpp"
#include "chimera/ingest/markdown.hpp"
#include "synthetic.hpp"

namespace chimera::bench {
namespace {

constexpr std::size_t k_input_bytes = 8u << 20;

template <typename Parse>
void run(benchmark::State& state, const std::string& text, model::SourceRef where, Parse parse) {
  // The allocator set-up ingest() does for a run (see ingest.cpp), as `chimera analyze` has it.
  static const bool k_ready = (static_cast<void>(ingest::ingest(model::Config{}, {}, {})), true);
  benchmark::DoNotOptimize(k_ready);
  for (auto _ : state) {
    auto parsed = parse(text, where);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}

void BM_ParseCsv(benchmark::State& state) {
  static const std::string text = sweep_csv(k_input_bytes);
  run(state, text, {"sweep.csv", model::FileKind::csv}, ingest::parse_csv);
}

void BM_ParseJson(benchmark::State& state) {
  static const std::string text = metrics_json(k_input_bytes);
  run(state, text, {"metrics.json", model::FileKind::json}, ingest::parse_json);
}

void BM_ParseMarkdown(benchmark::State& state) {
  static const std::string text = report_markdown(k_input_bytes);
  run(state, text, {"report.md", model::FileKind::markdown}, ingest::parse_markdown);
}

void BM_DecodeUtf8(benchmark::State& state) {
  static const std::string text = report_markdown(k_input_bytes);
  for (auto _ : state) {
    auto decoded = ingest::decode(text, {"report.md", model::FileKind::markdown});
    benchmark::DoNotOptimize(decoded);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}

BENCHMARK(BM_ParseCsv)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseJson)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseMarkdown)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeUtf8)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chimera::bench
