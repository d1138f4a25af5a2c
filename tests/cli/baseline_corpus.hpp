#pragma once

// Generated sweep corpora for the --baseline and export tests: one CSV of runs per file, factors
// num_gpu and num_ctx, metrics throughput_tok_s (higher is better) and ttft_ms (lower is better),
// values spread 0.2% apart so that no two runs tie.

#include <fmt/format.h>

#include <cstddef>
#include <functional>
#include <string>

#include "support/process.hpp"

namespace chimera::test {

struct SweepConfig {
  int num_gpu = 0;
  int num_ctx = 0;
  std::size_t runs = 8;
  double throughput_factor = 1.0;  // planted change of this configuration's throughput
};

// The CSV text of a sweep: a header and one row per run of each configuration.
inline std::string sweep_csv(const std::vector<SweepConfig>& configs,
                             const std::string& model = "gemma3:latest") {
  std::string out = "run,model,num_gpu,num_ctx,throughput_tok_s,ttft_ms\n";
  std::size_t id = 0;
  for (const auto& c : configs) {
    const double throughput = 40.0 + c.num_gpu / 4.0 + c.num_ctx / 256.0;
    const double ttft = 900.0 - c.num_gpu * 2.0 + c.num_ctx / 16.0;
    for (std::size_t r = 0; r < c.runs; ++r) {
      const double spread = 1.0 + 0.002 * (static_cast<double>(r) - 3.5);
      out += fmt::format("{},{},{},{},{:.4f},{:.3f}\n", id++, model, c.num_gpu, c.num_ctx,
                         throughput * spread * c.throughput_factor, ttft * spread);
    }
  }
  return out;
}

// The four configurations of the standard sweep; `planted` scales the throughput of
// num_gpu=80, num_ctx=2048.
inline std::vector<SweepConfig> standard_sweep(double planted = 1.0) {
  return {{40, 1024}, {40, 2048}, {80, 1024}, {80, 2048, 8, planted}};
}

}  // namespace chimera::test
