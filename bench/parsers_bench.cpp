// Parser throughput on one core: bytes of input per second, input generated in memory.
#include <benchmark/benchmark.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "chimera/ingest/csv.hpp"
#include "chimera/ingest/encoding.hpp"
#include "chimera/ingest/ingest.hpp"
#include "chimera/ingest/json.hpp"
#include "chimera/ingest/markdown.hpp"
#include "chimera/model/numbers.hpp"
#include "chimera/model/texts.hpp"
#include "synthetic.hpp"

namespace chimera::bench {
namespace {

constexpr std::size_t k_input_bytes = 8u << 20;

template <typename Parse>
void run(benchmark::State& state, const std::string& text, model::SourceRef where, Parse parse) {
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

// A column's values as `chimera analyze` reads them (statistics over every row) and as ingest
// builds them: latencies with three decimals, a few percent missing; a handful of model names.
constexpr std::size_t k_column_rows = 1u << 20;

std::vector<double> latency_values() {
  std::mt19937_64 rng(1);
  std::uniform_int_distribution<int> millis(300, 2700);
  std::vector<double> values(k_column_rows);
  for (auto& v : values) {
    v = rng() % 32 == 0 ? std::numeric_limits<double>::quiet_NaN() : millis(rng) / 1000.0;
  }
  return values;
}

std::vector<std::string> model_names() {
  const char* names[] = {"llama-3.1-8b", "qwen2.5-7b", "mistral-7b", "phi-3-mini", "gemma-2-9b"};
  std::mt19937_64 rng(2);
  std::vector<std::string> values(k_column_rows);
  for (auto& v : values) {
    v = names[rng() % 5];
  }
  return values;
}

void BM_BuildNumbers(benchmark::State& state) {
  static const std::vector<double> values = latency_values();
  for (auto _ : state) {
    model::Numbers numbers(values);
    benchmark::DoNotOptimize(numbers);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(k_column_rows));
}

void BM_ReadNumbers(benchmark::State& state) {
  static const model::Numbers numbers(latency_values());
  for (auto _ : state) {
    double sum = 0;
    for (const double v : numbers) {
      sum += std::isnan(v) ? 0.0 : v;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(k_column_rows));
}

void BM_BuildTexts(benchmark::State& state) {
  static const std::vector<std::string> values = model_names();
  for (auto _ : state) {
    model::Texts::Builder builder;
    builder.reserve(values.size());
    for (const auto& value : values) {
      builder.push_back(value);
    }
    model::Texts texts = builder.finish();
    benchmark::DoNotOptimize(texts);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(k_column_rows));
}

void BM_ReadTexts(benchmark::State& state) {
  static const model::Texts texts(model_names());
  for (auto _ : state) {
    std::size_t length = 0;
    for (const std::string_view text : texts) {
      length += text.size();
    }
    benchmark::DoNotOptimize(length);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(k_column_rows));
}

BENCHMARK(BM_ParseCsv)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseJson)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseMarkdown)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeUtf8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildNumbers)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadNumbers)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildTexts)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadTexts)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chimera::bench
