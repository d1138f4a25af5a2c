// Analysis building blocks on one core, inputs generated in memory.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "chimera/util/sort.hpp"

namespace chimera::bench {
namespace {

// Throughputs as benchmark files write them: two decimals, a few thousand distinct values.
std::vector<double> decimals(std::size_t n) {
  std::mt19937_64 rng(42);
  std::normal_distribution<double> tok_s(78.0, 6.0);
  std::vector<double> out(n);
  for (auto& v : out) {
    v = std::round(tok_s(rng) * 100) / 100;
  }
  return out;
}

void BM_StdSort(benchmark::State& state) {
  const auto input = decimals(static_cast<std::size_t>(state.range(0)));
  std::vector<double> work;
  for (auto _ : state) {
    work = input;
    std::sort(work.begin(), work.end());
    benchmark::DoNotOptimize(work.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_SortDoubles(benchmark::State& state) {
  const auto input = decimals(static_cast<std::size_t>(state.range(0)));
  std::vector<double> work;
  for (auto _ : state) {
    work = input;
    util::sort_doubles(work);
    benchmark::DoNotOptimize(work.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_StdSort)->Arg(1000)->Arg(4000)->Arg(100000)->Arg(2000000);
BENCHMARK(BM_SortDoubles)->Arg(1000)->Arg(4000)->Arg(100000)->Arg(2000000);

}  // namespace
}  // namespace chimera::bench
