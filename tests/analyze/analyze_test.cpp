#include "chimera/analyze/analyze.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "analyze/corpus_builder.hpp"

namespace chimera::analyze {
namespace {

using model::Direction;
using model::MetricKind;
using testing::file;
using testing::TableBuilder;

model::Table run_scalars(const std::string& path, double gpu, double timestamp) {
  model::Column ts;
  ts.set_name("timestamp");
  ts.set_type(model::ValueType::timestamp);
  ts.set_role(model::Role::timestamp);
  ts.numbers = {timestamp};
  return TableBuilder(path, "")
      .dimension("model", std::vector<std::string>{"gemma3:latest"})
      .dimension("config.num_gpu", std::vector<double>{gpu})
      .dimension("config.num_ctx", std::vector<double>{1024})
      .column(ts)
      .build();
}

model::Table run_table(const std::string& path, std::vector<double> ttft,
                       std::vector<double> rate) {
  const std::size_t n = ttft.size();
  std::vector<std::string> pointers;
  for (std::size_t i = 0; i < n; ++i) {
    pointers.push_back("/runs/" + std::to_string(i));
  }
  return TableBuilder(path, "/runs")
      .metric("ttft_ms", MetricKind::ttft, "ms", std::move(ttft), Direction::lower)
      .metric("tokens_per_second", MetricKind::throughput, "tok/s", std::move(rate),
              Direction::higher)
      .pointers(pointers)
      .build();
}

// The example corpus as ingest reads it: two JSON runs, a byte-for-byte copy of one, a sweep
// CSV with a failed run, and a truncated JSON file.
model::Corpus example_corpus() {
  model::Corpus corpus;
  corpus.files = {file("README.txt"),
                  file("runs/run_001.json", "h1", 1'762'740'000),
                  file("runs/run_002.json", "h2", 1'762'740'000),
                  file("runs/run_002_copy.json", "h2", 1'762'740'000),
                  file("runs/run_004_interrupted.json", "h4", 1'762'740'000),
                  file("sweep/param_sweep.csv", "h5", 1'762'740'000)};
  const std::vector<double> ttft1{3516.96, 423.13, 439.44, 446.61, 411.55, 414.27};
  const std::vector<double> rate1{65.08, 68.01, 69.17, 66.08, 64.68, 68.79};
  const std::vector<double> ttft2{3602.4, 480.2, 471.9, 466.3, 490.0, 475.5};
  const std::vector<double> rate2{74.1, 76.2, 75.9, 77.0, 76.4, 75.1};
  corpus.tables = {
      run_scalars("runs/run_001.json", 60, 1'762'737'300),
      run_table("runs/run_001.json", ttft1, rate1),
      run_scalars("runs/run_002.json", 80, 1'762'740'900),
      run_table("runs/run_002.json", ttft2, rate2),
      run_scalars("runs/run_002_copy.json", 80, 1'762'740'900),
      run_table("runs/run_002_copy.json", ttft2, rate2),
      TableBuilder("sweep/param_sweep.csv")
          .dimension("num_gpu", std::vector<double>{60, 60, 120, 120})
          .metric("ttft_s", MetricKind::ttft, "ms", {406, 370, 330, 0}, Direction::lower)
          .source_unit("s")
          .metric("tokens_s", MetricKind::throughput, "tok/s", {67.83, 66.88, 98.41, 0},
                  Direction::higher)
          .fail(3, "out of memory")
          .build(),
  };
  corpus.diagnostics = {
      {"runs/run_004_interrupted.json", 58, model::Severity::error, "unexpected end of input"}};
  return corpus;
}

bool has(const model::Analysis& a, const std::string& id) {
  return std::any_of(a.findings.begin(), a.findings.end(),
                     [&](const auto& f) { return f.id == id; });
}

TEST(Analyze, FindsTheExampleCorpusProblems) {
  const auto a = analyze(example_corpus());
  EXPECT_TRUE(has(a, "duplicate-file"));
  EXPECT_TRUE(has(a, "failed-run"));
  EXPECT_TRUE(has(a, "malformed-file"));
  EXPECT_TRUE(has(a, "cold-start"));
  EXPECT_TRUE(has(a, "mixed-units"));
  EXPECT_EQ(a.findings.front().id, "malformed-file");
}

TEST(Analyze, ComputesPerTableStatisticsIncludingTheCopy) {
  const auto a = analyze(example_corpus());
  EXPECT_EQ(a.metrics.size(), 8u);  // two metric columns in each of four tables
  EXPECT_EQ(a.metrics_total, 8u);
  const auto& sweep_ttft = a.metrics[6];
  EXPECT_EQ(sweep_ttft.source, "sweep/param_sweep.csv");
  EXPECT_EQ(sweep_ttft.summary.n, 3u);
  EXPECT_EQ(sweep_ttft.failed_excluded, 1u);
  EXPECT_DOUBLE_EQ(sweep_ttft.summary.median, 370.0);
}

const model::Experiment* named(const model::Analysis& a, const std::string& name) {
  for (const auto& e : a.experiments) {
    if (e.name == name) {
      return &e;
    }
  }
  return nullptr;
}

TEST(Analyze, MakesAnExperimentOfEachHarnessWithoutTheDuplicate) {
  const auto a = analyze(example_corpus());
  ASSERT_EQ(a.experiments.size(), 2u);
  const auto* runs = named(a, "runs/run_*.json#/runs");
  ASSERT_NE(runs, nullptr);
  ASSERT_EQ(runs->factors.size(), 1u);
  EXPECT_EQ(runs->factors[0].name, "num_gpu");
  EXPECT_EQ(runs->factors[0].levels, (std::vector<std::string>{"60", "80"}));
  EXPECT_EQ(runs->fixed, (model::GroupKey{{"model", "gemma3:latest"}, {"num_ctx", "1024"}}));
  EXPECT_EQ(runs->sources, (std::vector<std::string>{"runs/run_001.json", "runs/run_002.json"}));
  ASSERT_EQ(runs->configurations.size(), 2u);
  const auto& gpu80 = runs->configurations[1];
  EXPECT_EQ(gpu80.values, (std::vector<std::string>{"80"}));
  EXPECT_EQ(gpu80.sources, (std::vector<std::string>{"runs/run_002.json"}));
  ASSERT_TRUE(runs->headline);
  EXPECT_EQ(runs->metrics[*runs->headline].column, "tokens_per_second");
  const auto* s = gpu80.summary_of(*runs->headline);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->n, 6u);
  EXPECT_TRUE(s->median_ci);
}

TEST(Analyze, RanksByThroughputAndBuildsTheParetoFrontWithinAnExperiment) {
  const auto a = analyze(example_corpus());
  const auto* sweep = named(a, "sweep/param_sweep.csv");
  ASSERT_NE(sweep, nullptr);
  ASSERT_EQ(sweep->ranking.size(), 2u);
  EXPECT_EQ(sweep->label(sweep->ranking.front().configuration), "num_gpu=120");
  EXPECT_EQ(sweep->failed_runs, 1u);
  ASSERT_EQ(sweep->pareto.size(), 1u);
  EXPECT_EQ(sweep->pareto.front().throughput_tok_s, 98.41);
  const auto* runs = named(a, "runs/run_*.json#/runs");
  ASSERT_NE(runs, nullptr);
  EXPECT_FALSE(runs->comparisons.empty());
  ASSERT_EQ(runs->effects.size(), 2u);  // num_gpu on throughput and on ttft
  EXPECT_EQ(runs->effects[0].test, "mann-whitney");
  EXPECT_LT(runs->effects[0].p_value, 0.05);
}

TEST(Analyze, TakesTheTimeRangeFromTheData) {
  const auto a = analyze(example_corpus());
  EXPECT_EQ(a.inventory.data_first, 1'762'737'300);
  EXPECT_EQ(a.inventory.data_last, 1'762'740'900);
  EXPECT_EQ(a.inventory.time_range_source, "data timestamps");
}

TEST(Analyze, SameCorpusGivesTheSameNumbersInTheSameOrderWhateverTheThreads) {
  const auto a = analyze(example_corpus(), 1);
  const auto b = analyze(example_corpus(), 4);
  EXPECT_EQ(a.key_findings, b.key_findings);
  EXPECT_EQ(a.recommendations, b.recommendations);
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    EXPECT_EQ(a.findings[i].message, b.findings[i].message);
    EXPECT_EQ(a.findings[i].evidence, b.findings[i].evidence);
  }
  ASSERT_EQ(a.experiments.size(), b.experiments.size());
  for (std::size_t i = 0; i < a.experiments.size(); ++i) {
    const auto& x = a.experiments[i];
    const auto& y = b.experiments[i];
    EXPECT_EQ(x.id, y.id);
    ASSERT_EQ(x.configurations.size(), y.configurations.size());
    for (std::size_t c = 0; c < x.configurations.size(); ++c) {
      ASSERT_EQ(x.configurations[c].metrics.size(), y.configurations[c].metrics.size());
      for (std::size_t m = 0; m < x.configurations[c].metrics.size(); ++m) {
        EXPECT_EQ(x.configurations[c].metrics[m].summary.median,
                  y.configurations[c].metrics[m].summary.median);
        EXPECT_EQ(x.configurations[c].metrics[m].summary.mean,
                  y.configurations[c].metrics[m].summary.mean);
      }
    }
  }
  EXPECT_FALSE(a.key_findings.empty());
  EXPECT_FALSE(a.recommendations.empty());
}

}  // namespace
}  // namespace chimera::analyze
