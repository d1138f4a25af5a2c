// The shared corpora of real benchmark artifacts (CHIMERA_SHARED_CORPORA): every file is ingested
// or named in a diagnostic, and real columns get the kind, unit and role a person would give them.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "chimera/discover/discover.hpp"
#include "chimera/ingest/ingest.hpp"
#include "support/shared_corpora.hpp"

namespace chimera::ingest {
namespace {


model::Corpus ingest_dir(const std::string& root) {
  model::Config config;
  config.root = root;
  std::vector<model::Diagnostic> diagnostics;
  auto files = discover::discover(config, diagnostics);
  return ingest(config, std::move(files), std::move(diagnostics));
}

const model::Table& table_at(const model::Corpus& corpus, std::string_view source,
                             std::string_view locator) {
  for (const auto& t : corpus.tables) {
    if (t.source == source && t.locator == locator) {
      return t;
    }
  }
  ADD_FAILURE() << "no table " << source << "#" << locator;
  static const model::Table k_empty;
  return k_empty;
}

// The column `name` of `table`; a failure, and a column with no values, when there is none, so
// that a missing table or column fails the test instead of crashing it.
const model::Column& column_of(const model::Table& table, std::string_view name) {
  if (const auto* column = table.find_column(name)) {
    return *column;
  }
  ADD_FAILURE() << table.source << "#" << table.locator << ": no column " << name;
  static const model::Column k_none;
  return k_none;
}

// The first value of a column, NaN (or "") when it has none.
double first_number(const model::Column& column) {
  return column.numbers.empty() ? std::nan("") : column.numbers[0];
}
std::string first_text(const model::Column& column) {
  return column.texts.empty() ? std::string() : std::string(column.texts[0]);
}

void expect_column(const model::Table& table, std::string_view name, model::Role role,
                   model::MetricKind kind, std::string_view unit, model::Direction direction) {
  const auto* column = table.find_column(name);
  ASSERT_NE(column, nullptr) << table.source << "#" << table.locator << ": " << name;
  EXPECT_EQ(column->role(), role) << name;
  EXPECT_EQ(column->kind(), kind) << name;
  EXPECT_EQ(column->unit(), unit) << name;
  EXPECT_EQ(column->direction(), direction) << name;
}

void expect_every_file_accounted_for(const model::Corpus& corpus) {
  ASSERT_FALSE(corpus.files.empty());
  for (const auto& file : corpus.files) {
    if (file.tables > 0) {
      continue;
    }
    bool named = false;
    for (const auto& d : corpus.diagnostics) {
      named = named || (d.path == file.path && !d.message.empty());
    }
    EXPECT_TRUE(named) << file.path << " gave no table and is named in no diagnostic";
  }
}

TEST(SharedCorpora, AgentSweepEveryFileIngestedOrExplained) {
  CHIMERA_SKIP_WITHOUT_SHARED_CORPUS("agent-sweep");
  const auto corpus = ingest_dir(test::shared_corpus("agent-sweep"));
  EXPECT_EQ(corpus.files.size(), 104u);
  expect_every_file_accounted_for(corpus);
}

TEST(SharedCorpora, PythonSweepEveryFileIngestedOrExplained) {
  CHIMERA_SKIP_WITHOUT_SHARED_CORPUS("python-sweep");
  const auto corpus = ingest_dir(test::shared_corpus("python-sweep"));
  EXPECT_EQ(corpus.files.size(), 72u);
  expect_every_file_accounted_for(corpus);
}

TEST(SharedCorpora, AgentSweepMetricsJsonColumns) {
  using model::Direction;
  using model::MetricKind;
  using model::Role;
  CHIMERA_SKIP_WITHOUT_SHARED_CORPUS("agent-sweep");
  const auto corpus = ingest_dir(test::shared_corpus("agent-sweep"));
  const std::string dir = "Demo_rust_agent_sweep/gpu80_ctx512_temp0p8";
  const auto& runs = table_at(corpus, dir + "/data/metrics.json", "/baseline/individual_runs");
  expect_column(runs, "ttft_ms", Role::metric, MetricKind::ttft, "ms", Direction::lower);
  expect_column(runs, "throughput_tokens_per_sec", Role::metric, MetricKind::throughput, "tok/s",
                Direction::higher);
  expect_column(runs, "tokens_generated", Role::metric, MetricKind::tokens, "tokens",
                Direction::none);
  expect_column(runs, "load_duration_ms", Role::metric, MetricKind::load, "ms", Direction::lower);
  EXPECT_EQ(runs.row_location(0), dir + "/data/metrics.json#/baseline/individual_runs/0");
  EXPECT_DOUBLE_EQ(first_number(column_of(runs, "ttft_ms")), 3759.7126);

  const auto& scalars = table_at(corpus, dir + "/data/metrics.json", "");
  expect_column(scalars, "chimera.configuration.num_gpu", Role::dimension, MetricKind::none, "",
                Direction::none);
  expect_column(scalars, "chimera.model", Role::dimension, MetricKind::none, "", Direction::none);
  // A reduction in percent compares two TTFTs: an improvement, never a raw percent.
  expect_column(scalars, "delta.ttft_reduction_percent", Role::metric, MetricKind::improvement,
                "%", Direction::higher);
  EXPECT_EQ(column_of(scalars, "delta.ttft_reduction_percent").base_kind(), MetricKind::ttft);
  expect_column(scalars, "delta.ttft_delta_absolute_ms", Role::metric, MetricKind::delta, "ms",
                Direction::none);
  EXPECT_EQ(column_of(scalars, "delta.ttft_delta_absolute_ms").base_kind(), MetricKind::ttft);
  // The "delta" object restates the baseline's TTFT: that is a TTFT, not a difference.
  expect_column(scalars, "delta.baseline_ttft_ms", Role::metric, MetricKind::ttft, "ms",
                Direction::lower);
  EXPECT_EQ(column_of(scalars, "chimera.timestamp").role(), Role::timestamp);
  EXPECT_EQ(first_number(column_of(scalars, "chimera.configuration.num_gpu")), 80.0);
  EXPECT_EQ(column_of(scalars, "chimera.configuration.num_gpu").pointer(),
            "/chimera/configuration/num_gpu");
}

TEST(SharedCorpora, AgentSweepMarkdownReportColumns) {
  using model::Direction;
  using model::MetricKind;
  using model::Role;
  CHIMERA_SKIP_WITHOUT_SHARED_CORPUS("agent-sweep");
  const auto corpus = ingest_dir(test::shared_corpus("agent-sweep"));
  const std::string report = "Demo_rust_agent_sweep/gpu80_ctx512_temp0p8/reports/comparison_report.md";
  const auto& aggregate = table_at(corpus, report, "table 1");
  EXPECT_EQ(aggregate.title, "Aggregate Performance");
  EXPECT_DOUBLE_EQ(first_number(column_of(aggregate, "Baseline")), 99.31);
  EXPECT_DOUBLE_EQ(first_number(column_of(aggregate, "Δ")), 0.2);
  const auto& runs = table_at(corpus, report, "table 3");
  EXPECT_EQ(runs.title, "Chimera Individual Runs");
  expect_column(runs, "TTFT (ms)", Role::metric, MetricKind::ttft, "ms", Direction::lower);
  expect_column(runs, "Throughput (tok/s)", Role::metric, MetricKind::throughput, "tok/s",
                Direction::higher);
  const auto& scalars = table_at(corpus, report, "scalars");
  expect_column(scalars, "Throughput improvement", Role::metric, MetricKind::improvement, "%",
                Direction::higher);
  EXPECT_EQ(column_of(scalars, "Throughput improvement").base_kind(), MetricKind::throughput);
  EXPECT_EQ(first_text(column_of(scalars, "Model")), "gemma3:latest");
}

TEST(SharedCorpora, PythonSweepNestedRunArrayAndSecondsInMarkdown) {
  using model::Direction;
  using model::MetricKind;
  using model::Role;
  CHIMERA_SKIP_WITHOUT_SHARED_CORPUS("python-sweep");
  const auto corpus = ingest_dir(test::shared_corpus("python-sweep"));
  const std::string dir = "chimera_sweep/run_gpu60_ctx1024_temp0p6";
  const auto& runs = table_at(corpus, dir + "/data/metrics.json", "");
  ASSERT_GT(runs.row_pointers.size(), 0u);
  EXPECT_EQ(runs.row_pointers[0], "/0");
  expect_column(runs, "baseline_results.metrics.aggregate_metrics.p95_ttft_ms", Role::metric,
                MetricKind::ttft, "ms", Direction::lower);
  expect_column(runs, "chimera_results.metrics.configuration.num_ctx", Role::dimension,
                MetricKind::none, "", Direction::none);
  // execution_time carries no unit; its record's start_time and end_time show it is seconds.
  const auto* execution = runs.find_column("baseline_results.execution_time");
  ASSERT_NE(execution, nullptr);
  EXPECT_EQ(execution->source_unit(), "s");
  ASSERT_GT(execution->numbers.size(), 0u);
  EXPECT_NEAR(execution->numbers[0], 26339.488, 1e-6);
  const auto& scalars = table_at(corpus, dir + "/reports/comparison_report.md", "scalars");
  const auto* demo = scalars.find_column("Demo Duration");
  ASSERT_NE(demo, nullptr);
  ASSERT_GT(demo->numbers.size(), 0u);
  EXPECT_DOUBLE_EQ(demo->numbers[0], 53000.0);
  EXPECT_EQ(demo->source_unit(), "seconds");
}

}  // namespace
}  // namespace chimera::ingest
