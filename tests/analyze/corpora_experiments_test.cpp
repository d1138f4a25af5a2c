// The shared corpora of real benchmark artifacts (CHIMERA_SHARED_CORPORA) read as experiments:
// what a benchmark engineer would name in them. Skipped in a clone without ../shared.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "analyze/corpus_files.hpp"
#include "chimera/analyze/analyze.hpp"
#include "chimera/discover/discover.hpp"
#include "chimera/ingest/ingest.hpp"

namespace chimera::analyze {
namespace {

using testing::experiment_named;
using testing::factor_names;
using testing::levels_of;
using Strings = std::vector<std::string>;

const std::string k_corpora = CHIMERA_SHARED_CORPORA;

model::Analysis analyze_dir(const std::string& root) {
  model::Config config;
  config.root = root;
  std::vector<model::Diagnostic> diagnostics;
  auto files = discover::discover(config, diagnostics);
  const auto corpus = ingest::ingest(config, std::move(files), std::move(diagnostics));
  return analyze(corpus);
}

class SharedCorporaExperiments : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(k_corpora)) {
      GTEST_SKIP() << "no shared corpora beside the repository (" << k_corpora << ")";
    }
  }
};

TEST_F(SharedCorporaExperiments, AgentSweepDirectoriesAreFactorsWithReplicates) {
  const auto a = analyze_dir(k_corpora + "/agent-sweep");
  const auto* sweep =
      experiment_named(a, "Demo_rust_agent_sweep/*/data/metrics.json#/*/individual_runs");
  ASSERT_NE(sweep, nullptr);
  EXPECT_EQ(factor_names(*sweep), (Strings{"agent_type", "num_ctx", "num_gpu", "temperature"}));
  EXPECT_EQ(levels_of(*sweep, "num_gpu"), (Strings{"60", "80", "120"}));
  EXPECT_EQ(levels_of(*sweep, "num_ctx"), (Strings{"256", "512", "1024"}));
  EXPECT_EQ(levels_of(*sweep, "temperature"), (Strings{"0.6", "0.8"}));
  // The baseline runs on the server's defaults in every sweep directory: its replicates pool.
  EXPECT_EQ(testing::headline_n(*sweep, {{"agent_type", "Baseline"}}), 19u);
  // The five tr109 runs and the rerun are replicates of one configuration.
  const auto* tr109 =
      experiment_named(a, "Demo_rust_agent_tr109_*/data/metrics.json#/*/individual_runs");
  ASSERT_NE(tr109, nullptr);
  EXPECT_EQ(tr109->replicates, (Strings{"run_N in the path"}));
  EXPECT_EQ(tr109->failed_runs, 10u);  // throughput 0, no tokens: the runs generated nothing
  // Every report restates data/metrics.json: none of them is a run.
  for (const auto& e : a.experiments) {
    EXPECT_NE(e.origin, "documents") << e.name;
  }
}

TEST_F(SharedCorporaExperiments, PythonSweepArmsAreConfigurationsAndProseIsNeverASetting) {
  const auto a = analyze_dir(k_corpora + "/python-sweep");
  ASSERT_EQ(a.experiments.size(), 1u);
  const auto& e = a.experiments[0];
  EXPECT_EQ(e.name, "chimera_sweep/run_*/data/metrics.json#/*_results");
  EXPECT_EQ(factor_names(e), (Strings{"agent_type", "num_ctx", "num_gpu", "temperature"}));
  EXPECT_EQ(testing::headline_n(e, {{"agent_type", "baseline"}}), 18u);
  for (const auto& value : testing::every_setting_value(a)) {
    EXPECT_LE(value.size(), 48u) << value;
    EXPECT_EQ(value.find(". "), std::string::npos) << value;
  }
}

TEST_F(SharedCorporaExperiments, TheTwoHarnessesAreNeverPooled) {
  const auto a = analyze_dir(k_corpora);
  ASSERT_GE(a.experiments.size(), 4u);
  for (const auto& e : a.experiments) {
    const auto from = [&](const std::string& prefix) {
      return std::any_of(e.sources.begin(), e.sources.end(),
                         [&](const std::string& s) { return s.rfind(prefix, 0) == 0; });
    };
    EXPECT_FALSE(from("agent-sweep/") && from("python-sweep/")) << e.name;
  }
}

}  // namespace
}  // namespace chimera::analyze
