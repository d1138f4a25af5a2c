#include "chimera/ingest/impossible_values.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "chimera/ingest/csv.hpp"
#include "chimera/ingest/json.hpp"
#include "chimera/ingest/markdown.hpp"

namespace chimera::ingest {
namespace {

model::Table only_table(const Parsed& parsed) {
  EXPECT_FALSE(parsed.failure) << parsed.failure->message;
  EXPECT_EQ(parsed.tables.size(), 1u);
  return parsed.tables.empty() ? model::Table{} : parsed.tables.front();
}

const model::Column& column(const model::Table& t, const std::string& name) {
  const auto* c = t.find_column(name);
  EXPECT_NE(c, nullptr) << name;
  return *c;
}

// The (column name, row, value) of each impossible value, as text for one comparison.
std::vector<std::string> listed(const model::Table& t) {
  std::vector<std::string> out;
  for (const auto& bad : t.impossible) {
    out.push_back(t.columns[bad.column].name().str() + "@" + std::to_string(bad.row) + "=" +
                  std::to_string(static_cast<int>(bad.value)));
  }
  return out;
}

TEST(ImpossibleValues, NegativeRawMeasurementsInACsvReadAsMissing) {
  const auto t =
      only_table(parse_csv("model,ttft_ms,tokens_per_second,eval_s_mean,peak_memory_mb,eval_count\n"
                           "a,412,61.2,1.41,2048,300\n"
                           "a,-1,60.8,-2,2050,-5\n"
                           "a,405,-61,1.39,-3,301\n",
                           {"r.csv", model::FileKind::csv}));
  EXPECT_TRUE(std::isnan(column(t, "ttft_ms").numbers[1]));
  EXPECT_EQ(column(t, "ttft_ms").numbers[0], 412);
  EXPECT_TRUE(std::isnan(column(t, "tokens_per_second").numbers[2]));
  EXPECT_TRUE(std::isnan(column(t, "eval_s_mean").numbers[1]));
  EXPECT_TRUE(std::isnan(column(t, "peak_memory_mb").numbers[2]));
  EXPECT_TRUE(std::isnan(column(t, "eval_count").numbers[1]));
  EXPECT_EQ(listed(t), (std::vector<std::string>{"ttft_ms@1=-1", "tokens_per_second@2=-61",
                                                 "eval_s_mean@1=-2000", "peak_memory_mb@2=-3",
                                                 "eval_count@1=-5"}));
}

TEST(ImpossibleValues, DifferencesImprovementsAndTemperaturesMayBeNegative) {
  const auto t = only_table(parse_csv(
      "backend,ttft_ms,ttft_delta_ms,Throughput Δ,tp_diff,improvement_pct,gpu_temperature_c\n"
      "vllm,400,-12.5,-3.1,-2,-4.5,-5\n"
      "tgi,420,8,2.2,1,3.0,40\n",
      {"d.csv", model::FileKind::csv}));
  EXPECT_TRUE(t.impossible.empty()) << listed(t).front();
  EXPECT_EQ(column(t, "ttft_delta_ms").numbers[0], -12.5);
  EXPECT_EQ(column(t, "Throughput Δ").numbers[0], -3.1);
  EXPECT_EQ(column(t, "improvement_pct").numbers[0], -4.5);
}

TEST(ImpossibleValues, AFailedRunsSentinelIsNotListed) {
  const auto t =
      only_table(parse_csv("run,latency_ms,error\n1,120,\n2,-1,CUDA error: out of memory\n3,118,\n",
                           {"f.csv", model::FileKind::csv}));
  EXPECT_TRUE(t.impossible.empty());
  EXPECT_TRUE(std::isnan(column(t, "latency_ms").numbers[1]));
  EXPECT_TRUE(t.failed[1]);
}

TEST(ImpossibleValues, JsonRecordsAndMarkdownTablesToo) {
  const auto j = only_table(parse_json(
      R"({"runs": [{"ttft_s_p50": 0.41, "throughput_tok_s": 60},
                   {"ttft_s_p50": -0.2, "throughput_tok_s": 61}]})",
      {"r.json", model::FileKind::json}));
  ASSERT_EQ(j.impossible.size(), 1u);
  EXPECT_EQ(j.columns[j.impossible[0].column].name(), "ttft_s_p50");
  EXPECT_EQ(j.impossible[0].row, 1u);
  EXPECT_EQ(j.impossible[0].value, -200);  // in the column's unit, ms
  EXPECT_EQ(j.row_location(j.impossible[0].row), "r.json#/runs/1");

  const auto md = only_table(
      parse_markdown("| Backend | TTFT (ms) | Tokens/s |\n|---|---:|---:|\n| vllm | 410 | 61 |\n"
                     "| tgi | 395 | -60 |\n",
                     {"r.md", model::FileKind::markdown}));
  ASSERT_EQ(md.impossible.size(), 1u);
  EXPECT_EQ(md.columns[md.impossible[0].column].name(), "Tokens/s");
  EXPECT_EQ(md.row_location(md.impossible[0].row), "r.md:4");
}

TEST(ImpossibleValues, NeverNegativeKinds) {
  EXPECT_TRUE(never_negative(model::MetricKind::ttft));
  EXPECT_TRUE(never_negative(model::MetricKind::throughput));
  EXPECT_TRUE(never_negative(model::MetricKind::count));
  EXPECT_FALSE(never_negative(model::MetricKind::delta));
  EXPECT_FALSE(never_negative(model::MetricKind::temperature));
  EXPECT_FALSE(never_negative(model::MetricKind::other));
}

}  // namespace
}  // namespace chimera::ingest
