#include "chimera/analyze/experiments.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "analyze/corpus_files.hpp"

// Small corpora in the layouts real harnesses write, each in several spellings, read from disk
// as `chimera analyze` reads them: which experiments, factors, replicates and winners come out.

namespace chimera::analyze {
namespace {

using testing::analyze_files;
using testing::every_setting_value;
using testing::experiment_named;
using testing::factor_names;
using testing::Files;
using testing::headline_n;
using testing::levels_of;

using Strings = std::vector<std::string>;

// A sweep CSV without a model column: the model is only in the file name. Throughput depends on
// the model (`base`) and on num_gpu; two runs per configuration.
std::string sweep_csv(
    double base,
    const std::string& header = "run,num_gpu,num_ctx,temperature,tokens_per_second,ttft_ms") {
  std::string out = header + "\n";
  int run = 0;
  for (const int gpu : {60, 120}) {
    for (const int ctx : {512, 1024}) {
      for (int rep = 0; rep < 2; ++rep) {
        out += fmt::format("{},{},{},0.8,{:.2f},{:.1f}\n", ++run, gpu, ctx,
                           base + gpu / 10.0 + rep * 0.5 - ctx / 1024.0, 300.0 + ctx / 8.0 + rep);
      }
    }
  }
  return out;
}

// The per-configuration means of sweep_csv, as a summary file beside it writes them.
std::string sweep_summary(double base) {
  std::string out = "num_gpu,num_ctx,temperature,tokens_per_second,ttft_ms\n";
  for (const int gpu : {60, 120}) {
    for (const int ctx : {512, 1024}) {
      out += fmt::format("{},{},0.8,{:.2f},{:.1f}\n", gpu, ctx,
                         base + gpu / 10.0 + 0.25 - ctx / 1024.0, 300.5 + ctx / 8.0);
    }
  }
  return out;
}

TEST(Experiments, ModelOnlyInTheFileNameIsAFactorAndModelsAreNeverPooled) {
  const auto a = analyze_files({{"sweeps/llama3-8b_param_tuning.csv", sweep_csv(100)},
                                {"sweeps/qwen2.5-7b_param_tuning.csv", sweep_csv(180)},
                                {"sweeps/gemma3_param_tuning.csv", sweep_csv(290)},
                                {"sweeps/llama3-8b_param_tuning_summary.csv", sweep_summary(100)},
                                {"sweeps/qwen2.5-7b_param_tuning_summary.csv", sweep_summary(180)},
                                {"sweeps/gemma3_param_tuning_summary.csv", sweep_summary(290)}});
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto* e = experiment_named(a, "sweeps/*_param_tuning.csv");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(factor_names(*e), (Strings{"model", "num_ctx", "num_gpu"}));
  EXPECT_EQ(levels_of(*e, "model"), (Strings{"gemma3", "llama3-8b", "qwen2.5-7b"}));
  EXPECT_EQ(e->configurations.size(), 12u);
  // Two runs each: the summaries beside the raw runs are not samples.
  EXPECT_EQ(headline_n(*e, {{"model", "llama3-8b"}, {"num_ctx", "512"}, {"num_gpu", "60"}}), 2u);
  EXPECT_EQ(e->runs, 24u);
  ASSERT_FALSE(e->ranking.empty());
  EXPECT_EQ(e->label(e->ranking.front().configuration), "model=gemma3, num_ctx=512, num_gpu=120");
  EXPECT_EQ(e->fixed, (model::GroupKey{{"temperature", "0.8"}}));
}

// A file name that names its study after a numeric setting ("ctx_sweep", "context-scan",
// "batch_size_study") does not give that setting a word for a value.
TEST(Experiments, AStudyNamedAfterANumericSettingGivesItNoWordValue) {
  for (const std::string suffix : {"_ctx_sweep", "-context-scan", "_batch_size_study"}) {
    const auto a = analyze_files({{"results/llama3-8b" + suffix + ".csv", sweep_csv(100)},
                                  {"results/qwen2.5-7b" + suffix + ".csv", sweep_csv(180)}});
    ASSERT_EQ(a.experiments.size(), 1u) << suffix;
    const auto& e = a.experiments.front();
    EXPECT_EQ(factor_names(e), (Strings{"model", "num_ctx", "num_gpu"})) << suffix;
    EXPECT_EQ(e.fixed, (model::GroupKey{{"temperature", "0.8"}})) << suffix;
  }
}

// A comparison with a row per metric ("metric,baseline,optimized,delta_pct") summarises runs;
// its rows are not runs of an experiment of their own.
TEST(Experiments, ATableWithARowPerMetricIsNotRuns) {
  for (const std::string comparison :
       {"metric,llama,mistral,delta_pct\nthroughput_tok_s,59.1,47.5,-19.6\nttft_ms,230,235,2.1\n",
        "Metric,Baseline,Optimized,Improvement (%)\nThroughput (tok/s),40.2,44.1,9.7\n"
        "TTFT p50 (ms),310,280,9.6\nLoad time (s),2.1,1.9,9.5\n",
        "name,before,after\ntokens_per_second,40,44\nlatency_ms,25,22.7\n"}) {
    const auto a = analyze_files({{"results/llama3-8b_sweep.csv", sweep_csv(100)},
                                  {"results/qwen2.5-7b_sweep.csv", sweep_csv(180)},
                                  {"results/comparison.csv", comparison}});
    ASSERT_EQ(a.experiments.size(), 1u) << comparison;
    EXPECT_EQ(a.experiments.front().runs, 16u) << comparison;
  }
}

TEST(Experiments, ModelNamedInTheDataAndThePathIsOneFactor) {
  auto with_model = [](const std::string& model, double base) {
    std::string csv = sweep_csv(base, "run,num_gpu,num_ctx,temperature,tokens_per_second,ttft_ms");
    std::string out;
    std::size_t start = 0;
    bool header = true;
    while (start < csv.size()) {
      const auto end = csv.find('\n', start);
      out += csv.substr(start, end - start) + (header ? ",model\n" : "," + model + "\n");
      header = false;
      start = end + 1;
    }
    return out;
  };
  const auto a = analyze_files({{"bench-llama3.1-8b.csv", with_model("llama3.1:8b", 100)},
                                {"bench-mistral-7b.csv", with_model("mistral:7b", 150)}});
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments.front();
  EXPECT_EQ(e.name, "bench-*.csv");
  EXPECT_EQ(factor_names(e), (Strings{"model", "num_ctx", "num_gpu"}));
  EXPECT_EQ(levels_of(e, "model"), (Strings{"llama3.1:8b", "mistral:7b"}));
}

TEST(Experiments, ADirectoryPerModelIsAModelFactor) {
  const auto a = analyze_files({{"models/mistral-7b/results.csv", sweep_csv(100)},
                                {"models/phi3-mini/results.csv", sweep_csv(120)}});
  ASSERT_EQ(a.experiments.size(), 1u);
  EXPECT_EQ(a.experiments[0].name, "models/*/results.csv");
  EXPECT_EQ(levels_of(a.experiments[0], "model"), (Strings{"mistral-7b", "phi3-mini"}));
}

std::string run_json(double tps, double ttft) {
  return fmt::format(R"({{"model": "llama3:8b", "tokens_per_second": {:.2f}, "ttft_ms": {:.1f}}})",
                     tps, ttft);
}

// A level's median pools every run at that level, across the configurations of the other
// factors: checked against the median of the pooled values, with ties and even counts.
TEST(Experiments, AFactorLevelsMedianIsTheMedianOfAllItsRuns) {
  std::string csv = "backend,num_gpu,tokens_per_second\n";
  std::map<std::string, std::vector<double>> by_backend;
  int i = 0;
  for (const std::string backend : {"vllm", "tgi"}) {
    for (const int gpu : {20, 40, 60}) {
      for (int rep = 0; rep < (gpu == 40 ? 7 : 6); ++rep) {
        const double v = 50 + (i * 37 % 23) / 2.0 + (backend == "vllm" ? 5 : 0);
        ++i;
        csv += fmt::format("{},{},{}\n", backend, gpu, v);
        by_backend[backend].push_back(v);
      }
    }
  }
  const auto a = analyze_files({{"sweep.csv", csv}});
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments[0];
  const auto effect = std::find_if(e.effects.begin(), e.effects.end(),
                                   [](const auto& f) { return f.factor == "backend"; });
  ASSERT_NE(effect, e.effects.end());
  for (const auto& level : effect->levels) {
    auto values = by_backend.at(level.level);
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    const double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    EXPECT_EQ(level.n, n) << level.level;
    EXPECT_DOUBLE_EQ(level.median, median) << level.level;
  }
}

// run_1.json, run_2.json ... each with its own num_gpu: numbered files, not replicates.
TEST(Experiments, NumberedFilesOfDifferentSettingsAreNotCalledReplicates) {
  Files files;
  for (int run = 1; run <= 3; ++run) {
    files.emplace_back(fmt::format("out/run_{}.json", run),
                       fmt::format(R"({{"num_gpu": {}, "runs": [{{"tokens_per_second": {}}}, )"
                                   R"({{"tokens_per_second": {}}}]}})",
                                   run * 20, 50 + run, 51 + run));
  }
  const auto a = analyze_files(files);
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments[0];
  EXPECT_EQ(factor_names(e), (Strings{"num_gpu"}));
  EXPECT_EQ(e.configurations.size(), 3u);
  EXPECT_TRUE(e.replicates.empty()) << e.replicates.front();
}

TEST(Experiments, DirectoryLevelsAreFactorsAndRunDirectoriesReplicates) {
  Files files;
  for (const std::string backend : {"vllm", "tgi"}) {
    for (const std::string precision : {"fp16", "int8"}) {
      for (int run = 1; run <= 5; ++run) {
        const double tps = (backend == "vllm" ? 120 : 90) + (precision == "int8" ? 15 : 0) + run;
        files.emplace_back(
            fmt::format("results/{}/{}/run_{}/metrics.json", backend, precision, run),
            run_json(tps, 200 + run));
      }
    }
  }
  const auto a = analyze_files(files);
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments[0];
  EXPECT_EQ(e.name, "results/*/*/run_*/metrics.json");
  EXPECT_EQ(factor_names(e), (Strings{"backend", "quantization"}));
  EXPECT_EQ(e.configurations.size(), 4u);
  EXPECT_EQ(headline_n(e, {{"backend", "vllm"}, {"quantization", "int8"}}), 5u);
  EXPECT_EQ(e.replicates, (Strings{"run_N in the path"}));
  EXPECT_EQ(e.label(e.ranking.front().configuration), "backend=vllm, quantization=int8");
  EXPECT_EQ(e.fixed, (model::GroupKey{{"model", "llama3:8b"}}));
}

TEST(Experiments, SettingsSpelledInDirectoryNamesAreFactors) {
  Files files;
  for (const int gpu : {60, 80}) {
    for (const char* ctx : {"512", "2048"}) {
      for (int rep = 1; rep <= 3; ++rep) {
        files.emplace_back(
            fmt::format("sweep/gpu{}_ctx{}_temp0p8/rep{}/result.json", gpu, ctx, rep),
            run_json(gpu + rep * 0.1, std::stod(ctx) / 4));
      }
    }
  }
  for (const int bs : {4, 8}) {
    for (int trial = 1; trial <= 3; ++trial) {
      files.emplace_back(fmt::format("grid/backend-vllm/bs_{}/trial{}/out.json", bs, trial),
                         run_json(bs * 10 + trial * 0.1, 250));
    }
  }
  const auto a = analyze_files(files);
  ASSERT_EQ(a.experiments.size(), 2u);
  const auto* sweep = experiment_named(a, "sweep/*_temp0p8/*/result.json");
  ASSERT_NE(sweep, nullptr) << a.experiments[0].name << " " << a.experiments[1].name;
  EXPECT_EQ(factor_names(*sweep), (Strings{"num_ctx", "num_gpu"}));
  EXPECT_EQ(sweep->fixed, (model::GroupKey{{"model", "llama3:8b"}, {"temperature", "0.8"}}));
  EXPECT_EQ(sweep->replicates, (Strings{"run_N in the path"}));
  EXPECT_EQ(levels_of(*sweep, "num_ctx"), (Strings{"512", "2048"}));
  EXPECT_EQ(headline_n(*sweep, {{"num_ctx", "512"}, {"num_gpu", "80"}}), 3u);
  const auto* grid = experiment_named(a, "grid/backend-vllm/bs_*/*/out.json");
  ASSERT_NE(grid, nullptr);
  EXPECT_EQ(factor_names(*grid), (Strings{"batch_size"}));
  EXPECT_EQ(grid->fixed, (model::GroupKey{{"backend", "vllm"}, {"model", "llama3:8b"}}));
  EXPECT_EQ(headline_n(*grid, {{"batch_size", "8"}}), 3u);
}

TEST(Experiments, ModelAndSettingDirectoriesWithIterations) {
  Files files;
  for (const std::string model : {"llama3-8b", "qwen2.5-7b"}) {
    for (const int users : {1, 4}) {
      for (int iter = 1; iter <= 4; ++iter) {
        files.emplace_back(
            fmt::format("out/{}/concurrency-{}/iter_{}/metrics.json", model, users, iter),
            fmt::format(R"({{"latency_ms": {}, "tokens_per_second": {}}})", 100 * users + iter,
                        (model == "llama3-8b" ? 50 : 40) / users + iter * 0.1));
      }
    }
  }
  const auto a = analyze_files(files);
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments[0];
  EXPECT_EQ(e.name, "out/*/concurrency-*/iter_*/metrics.json");
  EXPECT_EQ(factor_names(e), (Strings{"model", "concurrency"}));
  EXPECT_EQ(levels_of(e, "concurrency"), (Strings{"1", "4"}));
  EXPECT_EQ(e.replicates, (Strings{"run_N in the path"}));
  EXPECT_EQ(headline_n(e, {{"model", "qwen2.5-7b"}, {"concurrency", "4"}}), 4u);
  EXPECT_EQ(e.label(e.ranking.front().configuration), "model=llama3-8b, concurrency=1");
}

TEST(Experiments, AggregateColumnsBesideRawRunsAreNotSamples) {
  const auto a = analyze_files(
      {{"x/results.csv", "backend,tokens_per_second\nvllm,90\nvllm,92\ntgi,70\ntgi,71\n"},
       {"x/aggregated.csv",
        "backend,mean_tokens_per_second,std_tokens_per_second,n\nvllm,91,1.4,2\ntgi,70.5,0.7,"
        "2\n"}});
  ASSERT_EQ(a.experiments.size(), 1u);
  EXPECT_EQ(a.experiments[0].name, "x/results.csv");
  EXPECT_EQ(a.experiments[0].runs, 4u);
}

TEST(Experiments, TwoHarnessTreesWithTheSameMetricsAreTwoExperiments) {
  Files files;
  for (int i = 1; i <= 3; ++i) {
    files.emplace_back(fmt::format("lab/alpha/gpu{}/r.json", 20 * i), run_json(10 * i, 100));
    files.emplace_back(fmt::format("lab/beta/bs_{}/r.json", 4 * i), run_json(20 * i, 100));
    files.emplace_back(fmt::format("hosts/nodeA/run_{}/r.json", i), run_json(30 + i, 100));
    files.emplace_back(fmt::format("hosts/nodeB/run_{}/r.json", i), run_json(40 + i, 100));
  }
  const auto a = analyze_files(files);
  ASSERT_NE(experiment_named(a, "lab/alpha/*/r.json"), nullptr);
  ASSERT_NE(experiment_named(a, "lab/beta/bs_*/r.json"), nullptr);
  // Two machines with one layout below them: one experiment, the machine a factor.
  const auto* hosts = experiment_named(a, "hosts/*/run_*/r.json");
  ASSERT_NE(hosts, nullptr);
  EXPECT_EQ(factor_names(*hosts), (Strings{"variant"}));
  EXPECT_EQ(levels_of(*hosts, "variant"), (Strings{"nodeA", "nodeB"}));
}

// An agent benchmark: a baseline on the server's defaults and a candidate configured by the
// sweep, one directory per sweep point.
std::string agents_json(int gpu, int ctx, double baseline, double candidate) {
  return fmt::format(R"({{
  "benchmark_type": "agents",
  "baseline": {{"agent_type": "Baseline", "model": "gemma3:latest", "configuration": {{}},
    "aggregate_metrics": {{"average_tokens_per_second": {0}, "average_ttft_ms": 400}},
    "individual_runs": [{{"throughput_tokens_per_sec": {0}, "ttft_ms": 400}},
                        {{"throughput_tokens_per_sec": {0}, "ttft_ms": 410}}]}},
  "chimera": {{"agent_type": "Chimera", "model": "gemma3:latest",
    "configuration": {{"num_gpu": {2}, "num_ctx": {3}}},
    "aggregate_metrics": {{"average_tokens_per_second": {1}, "average_ttft_ms": 390}},
    "individual_runs": [{{"throughput_tokens_per_sec": {1}, "ttft_ms": 390}},
                        {{"throughput_tokens_per_sec": {1}, "ttft_ms": 395}}]}},
  "delta": {{"throughput_delta_absolute": {4}, "throughput_improvement_percent": 1.5}}
}})",
                     baseline, candidate, gpu, ctx, candidate - baseline);
}

TEST(Experiments, PerAgentConfigurationsReachOnlyTheirOwnRuns) {
  const auto a =
      analyze_files({{"sweep/gpu60_ctx512/data/metrics.json", agents_json(60, 512, 98, 97)},
                     {"sweep/gpu60_ctx1024/data/metrics.json", agents_json(60, 1024, 98.5, 96)},
                     {"sweep/gpu80_ctx512/data/metrics.json", agents_json(80, 512, 97.5, 99)},
                     {"sweep/gpu80_ctx1024/data/metrics.json", agents_json(80, 1024, 98, 99.5)}});
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments[0];
  EXPECT_EQ(e.name, "sweep/*/data/metrics.json#/*/individual_runs");
  EXPECT_EQ(factor_names(e), (Strings{"agent_type", "num_ctx", "num_gpu"}));
  // The baseline ran on defaults: its runs have no num_gpu and pool across the sweep points.
  EXPECT_EQ(headline_n(e, {{"agent_type", "Baseline"}}), 8u);
  EXPECT_EQ(headline_n(e, {{"agent_type", "Chimera"}, {"num_ctx", "1024"}, {"num_gpu", "80"}}), 2u);
  EXPECT_EQ(e.configurations.size(), 5u);
  EXPECT_EQ(e.label(e.ranking.front().configuration),
            "agent_type=Chimera, num_ctx=1024, num_gpu=80");
  // The aggregates beside the runs, and the deltas, are not samples.
  EXPECT_EQ(e.runs, 16u);
  EXPECT_EQ(e.metrics.size(), 2u);
}

TEST(Experiments, ArmsOfAWideRecordAreConfigurations) {
  Files files;
  for (const int gpu : {60, 80}) {
    files.emplace_back(fmt::format("chimera_sweep/run_gpu{}_ctx512/data/metrics.json", gpu),
                       fmt::format(R"([{{"run_number": 1,
  "baseline_results": {{"metrics": {{"agent_type": "baseline", "configuration": {{}},
      "aggregate_metrics": {{"average_tokens_per_second": 99.0, "average_ttft_ms": 1400}}}}}},
  "chimera_results": {{"metrics": {{"agent_type": "chimera_optimized",
      "configuration": {{"num_gpu": {0}, "num_ctx": 512}},
      "aggregate_metrics": {{"average_tokens_per_second": {1}, "average_ttft_ms": 1600}}}}}},
  "performance_delta": {{"throughput_improvement_percent": -0.1}}}}])",
                                   gpu, 90.0 + gpu / 10.0));
  }
  const auto a = analyze_files(files);
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments[0];
  EXPECT_EQ(e.origin, "summaries");
  EXPECT_EQ(factor_names(e), (Strings{"agent_type", "num_gpu"}));
  EXPECT_EQ(headline_n(e, {{"agent_type", "baseline"}}), 2u);
  EXPECT_EQ(headline_n(e, {{"agent_type", "chimera_optimized"}, {"num_gpu", "80"}}), 1u);
  ASSERT_TRUE(e.headline);
  EXPECT_EQ(e.metrics[*e.headline].column, "average_tokens_per_second");
}

const char* k_glossary_report = R"(# Sweep report

**Model:** llama3:8b
**Alternative configurations:** num_gpu=60 and num_ctx=4096 were also tried, with worse results.

## Glossary

- Temperature: Sampling randomness. 0 = deterministic, 1+ = creative.
- GPU Layers: How many layers are offloaded to the GPU.

## Results

| num_gpu | num_ctx | Throughput (tok/s) | TTFT (ms) |
|---|---|---|---|
| 60 | 512 | 100 | 300 |
| 60 | 512 | 101 | 310 |
| 120 | 512 | 140 | 280 |
| 120 | 512 | 142 | 285 |
)";

TEST(Experiments, BulletsOfProseAreNeverSettings) {
  const auto a = analyze_files({{"report.md", k_glossary_report}});
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments[0];
  EXPECT_EQ(e.origin, "documents");
  EXPECT_EQ(factor_names(e), (Strings{"num_gpu"}));
  EXPECT_EQ(e.fixed, (model::GroupKey{{"num_ctx", "512"}}));
  EXPECT_EQ(headline_n(e, {{"num_gpu", "120"}}), 2u);
  for (const auto& value : every_setting_value(a)) {
    EXPECT_LT(value.size(), 20u) << value;
  }
}

TEST(Experiments, AMarkdownTableRestatingACsvIsNotMoreRuns) {
  std::string csv = "num_gpu,tokens_per_second,ttft_ms\n";
  std::string md = "# Report\n\n| GPU layers | Throughput (tok/s) | TTFT (ms) |\n|---|---|---|\n";
  for (int i = 0; i < 6; ++i) {
    const double tps = 80.1234 + i * 3.3;
    const double ttft = 410.3 + i * 7;
    csv += fmt::format("{},{},{}\n", i < 3 ? 60 : 120, tps, ttft);
    md += fmt::format("| {} | {:.2f} | {:.1f} |\n", i < 3 ? 60 : 120, tps, ttft);
  }
  const auto a = analyze_files({{"data/sweep.csv", csv}, {"reports/summary.md", md}});
  ASSERT_EQ(a.experiments.size(), 1u);
  EXPECT_EQ(a.experiments[0].name, "data/sweep.csv");
  EXPECT_EQ(a.experiments[0].runs, 6u);
  ASSERT_EQ(a.documents.size(), 1u);
  EXPECT_EQ(a.documents[0].use, model::DocumentUse::restates);
}

TEST(Experiments, AMarkdownTableOfMeansRestatesTheRunsStatistics) {
  std::string csv = "model,tokens_per_second,ttft_ms\n";
  for (int i = 0; i < 4; ++i) {
    csv += fmt::format("a,{},{}\n", 50 + i, 300 + 2 * i);
    csv += fmt::format("b,{},{}\n", 70 + i, 280 + 2 * i);
  }
  const std::string md =
      "| Model | Mean throughput (tok/s) | Mean TTFT (ms) |\n|---|---|---|\n| a | 51.5 | 303 |\n"
      "| b | 71.5 | 283 |\n";
  const auto a = analyze_files({{"runs.csv", csv}, {"summary.md", md}});
  ASSERT_EQ(a.documents.size(), 1u);
  EXPECT_EQ(a.documents[0].use, model::DocumentUse::restates);
  ASSERT_EQ(a.experiments.size(), 1u);
  EXPECT_EQ(a.experiments[0].runs, 8u);
}

TEST(Experiments, AMarkdownTableWithOtherNumbersIsUnverifiedNotRuns) {
  const auto a = analyze_files(
      {{"runs.csv", "model,tokens_per_second\na,50\na,51\nb,70\nb,71\n"},
       {"notes.md", "| Model | Throughput (tok/s) |\n|---|---|\n| a | 92.3 |\n| b | 97.1 |\n"}});
  ASSERT_EQ(a.documents.size(), 1u);
  EXPECT_EQ(a.documents[0].use, model::DocumentUse::unverified);
  ASSERT_EQ(a.experiments.size(), 1u);
  EXPECT_EQ(a.experiments[0].runs, 4u);
}

TEST(Experiments, HeadingsThatVaryAcrossTablesAreAFactor) {
  std::string md = "# Runs\n\n";
  for (int config = 1; config <= 3; ++config) {
    md += fmt::format(
        "## Configuration {}\n\n| Run | TTFT (ms) | Throughput (tok/s) |\n|---|---|---|\n", config);
    for (int run = 1; run <= 4; ++run) {
      md +=
          fmt::format("| {} | {} | {} |\n", run, 300 + config * 10 + run, 90 + config + run * 0.1);
    }
    md += "\n";
  }
  std::string other = md;
  other.replace(other.find("| 1 | 311"), 9, "| 1 | 312");
  const auto a = analyze_files({{"reports/r1.md", md}, {"reports/r2.md", other}});
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments[0];
  EXPECT_EQ(e.name, "reports/*.md#Configuration *");
  EXPECT_EQ(factor_names(e), (Strings{"configuration"}));
  EXPECT_EQ(headline_n(e, {{"configuration", "3"}}), 8u);
}

TEST(Experiments, UnrelatedHarnessesAreSeparateExperimentsAndNeverRankedTogether) {
  const auto a =
      analyze_files({{"llm/sweep.csv", "model,tokens_per_second\na,50\na,52\nb,70\nb,72\n"},
                     {"embed/bench.csv", "model,latency_ms\nx,5\nx,6\ny,9\ny,8\n"}});
  ASSERT_EQ(a.experiments.size(), 2u);
  for (const auto& e : a.experiments) {
    EXPECT_EQ(e.ranking.size(), 2u) << e.name;
  }
}

TEST(Experiments, DifferencesAreNeverRankedAsTheMetricTheyDifferIn) {
  const auto a = analyze_files(
      {{"ab.csv",
        "model,tokens_per_second,TP \xce\x94 (tok/s),throughput_delta,ttft_ms,ttft_delta_ms,"
        "improvement_pct\n"
        "a,50,-1.15,-1.2,300,-20,-2.3\na,52,-0.5,-0.4,310,-15,-1\n"
        "b,70,1.1,1.3,280,10,1.5\nb,72,0.9,1.0,290,12,1.2\n"},
       {"deltas/only.json", R"({"delta": {"throughput_delta_absolute": -1.15,
                                           "ttft_delta_ms": 80.5}})"}});
  const auto* ab = experiment_named(a, "ab.csv");
  ASSERT_NE(ab, nullptr);
  ASSERT_TRUE(ab->headline);
  EXPECT_EQ(ab->metrics[*ab->headline].column, "tokens_per_second");
  ASSERT_TRUE(ab->secondary);
  EXPECT_EQ(ab->metrics[*ab->secondary].column, "ttft_ms");
  for (const auto& r : ab->ranking) {
    EXPECT_GT(ab->configurations[r.configuration].summary_of(*ab->headline)->median, 0);
  }
  for (const auto& p : ab->pareto) {
    EXPECT_GT(p.throughput_tok_s, 0);
    EXPECT_GT(p.ttft_ms, 0);
  }
  for (const auto& m : ab->metrics) {
    if (m.column != "tokens_per_second" && m.column != "ttft_ms") {
      EXPECT_FALSE(model::is_raw_measurement(m.kind)) << m.column;
    }
  }
  // A file of differences alone has nothing to rank.
  for (const auto& e : a.experiments) {
    if (e.name != "ab.csv") {
      EXPECT_FALSE(e.headline) << e.name;
      EXPECT_TRUE(e.ranking.empty()) << e.name;
    }
  }
}

TEST(Experiments, IdsAreStableAndNamesUnique) {
  const Files files{{"a/x.csv", "model,tokens_per_second\na,1\nb,2\n"},
                    {"a/y.csv", "model,ttft_ms\na,1\nb,2\n"}};
  const auto first = analyze_files(files);
  const auto second = analyze_files(files);
  ASSERT_EQ(first.experiments.size(), 2u);
  EXPECT_EQ(first.experiments[0].id, second.experiments[0].id);
  EXPECT_NE(first.experiments[0].id, first.experiments[1].id);
  EXPECT_EQ(first.experiments[0].id.size(), 9u);
}

TEST(ValueLess, OrdersNumbersNumericallyThenTextThenUnset) {
  EXPECT_TRUE(value_less("512", "1024"));
  EXPECT_TRUE(value_less("0.6", "0.8"));
  EXPECT_TRUE(value_less("99", "abc"));
  EXPECT_TRUE(value_less("abc", "abd"));
  EXPECT_TRUE(value_less("abc", ""));
  EXPECT_FALSE(value_less("", "abc"));
}

}  // namespace
}  // namespace chimera::analyze
