#include "synthetic.hpp"

#include <fmt/format.h>

#include <random>

namespace chimera::bench {
namespace {

constexpr unsigned k_seed = 20251110;

}  // namespace

std::string sweep_csv(std::size_t bytes) {
  std::mt19937 rng(k_seed);
  std::uniform_real_distribution<double> ttft(0.3, 0.7);
  std::uniform_real_distribution<double> tps(55.0, 100.0);
  std::uniform_int_distribution<int> tokens(900, 1500);
  std::string out = "run_id,model,num_gpu,num_ctx,temperature,ttft_s,tokens_s,load_s,eval_count,error\n";
  const int gpus[] = {60, 80, 120};
  const int ctxs[] = {512, 1024, 2048};
  for (int run = 1; out.size() < bytes; ++run) {
    const bool failed = run % 97 == 0;
    out += fmt::format("{},gemma3:latest,{},{},{:.1f},{:.3f},{:.2f},{:.3f},{},{}\n", run,
                       gpus[run % 3], ctxs[(run / 3) % 3], 0.6 + 0.2 * (run % 2),
                       failed ? 0.0 : ttft(rng), failed ? 0.0 : tps(rng), ttft(rng) / 2,
                       failed ? 0 : tokens(rng), failed ? "\"CUDA error: out of memory\"" : "");
  }
  return out;
}

std::string metrics_json(std::size_t bytes) {
  std::mt19937 rng(k_seed);
  std::uniform_real_distribution<double> ms(200.0, 4000.0);
  std::uniform_real_distribution<double> tps(55.0, 100.0);
  std::string out = R"({
  "benchmark_type": "rust_vs_python_agent",
  "timestamp": "2025-11-10T05:12:57.296752700Z",
  "baseline": {
    "model": "gemma3:latest",
    "configuration": {"num_gpu": 80, "num_ctx": 1024, "temperature": 0.6},
    "aggregate_metrics": {"average_ttft_ms": 3759.7126, "average_tokens_per_second": NaN},
    "individual_runs": [
)";
  for (int run = 0; out.size() < bytes; ++run) {
    out += fmt::format(
        R"(      {}{{"ttft_ms": {:.4f}, "throughput_tokens_per_sec": {:.14f}, "tokens_generated": {},
        "load_duration_ms": {:.4f}, "prompt_eval_duration_ms": {:.4f}, "eval_duration_ms": {:.4f},
        "total_duration_ms": {:.4f}, "system": {{"os": "linux", "gpu": "RTX 4080"}}}})",
        run == 0 ? "" : ",", ms(rng), tps(rng), 1000 + run % 500, ms(rng), ms(rng) / 10,
        ms(rng) * 4, ms(rng) * 5);
    out += "\n";
  }
  out += "    ]\n  }\n}\n";
  return out;
}

std::string report_markdown(std::size_t bytes) {
  std::mt19937 rng(k_seed);
  std::uniform_real_distribution<double> ms(200.0, 4000.0);
  std::uniform_real_distribution<double> tps(55.0, 100.0);
  std::string out = "# Rust Agent Performance Comparison Report\n\n**Date:** 2025-11-10 05:12:57 UTC  \n"
                    "**Model:** gemma3:latest  \n**Runs:** 5\n\n";
  for (int section = 1; out.size() < bytes; ++section) {
    out += fmt::format("## Configuration {}\n\nThis section compares the baseline against the "
                       "optimised configuration with identical workloads.\n\n"
                       "- **Throughput improvement:** {:.1f}% ({:.2f} → {:.2f} tok/s)\n"
                       "- **TTFT reduction:** {:.1f}% ({:.2f} → {:.2f} ms)\n\n"
                       "| Run | TTFT (ms) | Throughput (tok/s) | Tokens | Duration (ms) |\n"
                       "|-----|-----------|-------------------|--------|---------------|\n",
                       section, tps(rng) / 50, tps(rng), tps(rng), ms(rng) / 100, ms(rng), ms(rng));
    for (int run = 1; run <= 10; ++run) {
      out += fmt::format("| {} | {:.2f} ± 0.00 | {:.2f} | {} | {:.2f} |\n", run, ms(rng), tps(rng),
                         1000 + run * 7, ms(rng) * 5);
    }
    out += "\n```\nollama run gemma3:latest --verbose\n```\n\n";
  }
  return out;
}

}  // namespace chimera::bench
