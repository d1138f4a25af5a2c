#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "chimera/render/report.hpp"
#include "support/report_sample.hpp"

namespace chimera::render {
namespace {

using json = nlohmann::ordered_json;

enum class T { str, num, uint, boolean, obj, arr, str_or_null, num_or_null, obj_or_null };

void expect_type(const json& j, const std::string& key, T t) {
  ASSERT_TRUE(j.contains(key)) << "missing key " << key << " in " << j.dump().substr(0, 200);
  const json& v = j.at(key);
  switch (t) {
    case T::str:
      EXPECT_TRUE(v.is_string()) << key;
      break;
    case T::num:
      EXPECT_TRUE(v.is_number()) << key;
      break;
    case T::uint:
      EXPECT_TRUE(v.is_number_unsigned()) << key;
      break;
    case T::boolean:
      EXPECT_TRUE(v.is_boolean()) << key;
      break;
    case T::obj:
      EXPECT_TRUE(v.is_object()) << key;
      break;
    case T::arr:
      EXPECT_TRUE(v.is_array()) << key;
      break;
    case T::str_or_null:
      EXPECT_TRUE(v.is_string() || v.is_null()) << key;
      break;
    case T::num_or_null:
      EXPECT_TRUE(v.is_number() || v.is_null()) << key;
      break;
    case T::obj_or_null:
      EXPECT_TRUE(v.is_object() || v.is_null()) << key;
      break;
  }
}

json render_sample(const model::LlmOutcome* llm_override) {
  const auto s = test::make_report_sample();
  const model::LlmOutcome& llm = llm_override != nullptr ? *llm_override : s.llm;
  const Narrative n = build_narrative(llm, "num_gpu=80 69.1 tok/s");
  const ReportInput in{
      s.config, s.corpus, s.analysis, llm, n, Timings{1, 2, 3}, "2025-11-10T05:12:37Z"};
  return json::parse(render_json(in));
}

TEST(JsonReport, HasEveryKeyOfTheContractWithItsType) {
  const auto llm = test::make_llm_ok("x", "## Executive Summary\nAt 99 tok/s.");
  const json j = render_sample(&llm);
  expect_type(j, "tool", T::obj);
  EXPECT_EQ(j["tool"]["name"], "chimera");
  expect_type(j["tool"], "version", T::str);
  expect_type(j, "root", T::str);
  expect_type(j, "inventory", T::obj);
  expect_type(j["inventory"], "files_total", T::uint);
  for (const char* kind : {"csv", "json"}) {
    const json& k = j["inventory"]["by_kind"][kind];
    expect_type(k, "files", T::uint);
    expect_type(k, "bytes", T::uint);
    expect_type(k, "latest_modified", T::str_or_null);
  }
  EXPECT_EQ(j["inventory"]["by_kind"]["csv"]["latest_modified"], "2025-11-13T02:13:20Z");
  ASSERT_EQ(j["diagnostics"].size(), 2u);
  for (const char* key : {"path", "severity", "message"}) {
    expect_type(j["diagnostics"][1], key, T::str);
  }
  EXPECT_EQ(j["diagnostics"][1]["line"], 7);
  EXPECT_TRUE(j["diagnostics"][0]["line"].is_null());
  ASSERT_EQ(j["tables"].size(), 1u);
  for (const char* key : {"source", "locator"}) {
    expect_type(j["tables"][0], key, T::str);
  }
  expect_type(j["tables"][0], "rows", T::uint);
  const json& col = j["tables"][0]["columns"][1];
  for (const char* key : {"name", "type", "role", "kind", "unit"}) {
    expect_type(col, key, T::str);
  }
  EXPECT_TRUE(j["tables"][0]["columns"][0]["kind"].is_null());
  ASSERT_EQ(j["metrics"].size(), 3u);
  for (const auto& m : j["metrics"]) {
    for (const char* key : {"source", "locator", "column", "kind"}) {
      expect_type(m, key, T::str);
    }
    expect_type(m, "unit", T::str_or_null);
    expect_type(m, "direction", T::str_or_null);
    expect_type(m, "n", T::uint);
    expect_type(m, "failed_excluded", T::uint);
    for (const char* key : {"mean", "median", "stddev", "cv", "min", "max", "p05", "p95"}) {
      expect_type(m, key, T::num_or_null);
    }
    expect_type(m, "median_ci", T::obj_or_null);
  }
  EXPECT_EQ(j["metrics"][0]["median_ci"]["low"], 67.0);
  EXPECT_TRUE(j["metrics"][1]["median_ci"].is_null());
  EXPECT_TRUE(j["metrics"][2]["median"].is_null()) << "an empty sample has no median, not 0";
  for (const auto& f : j["findings"]) {
    for (const char* key : {"id", "severity", "message"}) {
      expect_type(f, key, T::str);
    }
    expect_type(f, "evidence", T::arr);
  }
  for (const char* key : {"experiments", "documents", "key_findings", "recommendations", "files"}) {
    expect_type(j, key, T::arr);
    EXPECT_FALSE(j[key].empty()) << key;
  }
  expect_type(j, "agreements", T::arr);
  for (const char* key : {"groups", "ranking", "pareto", "comparisons", "shared_dimensions"}) {
    EXPECT_FALSE(j.contains(key)) << key << " is inside each experiment now";
  }
  expect_type(j, "tables_omitted", T::uint);
  expect_type(j, "metrics_omitted", T::uint);
  const json& e = j["experiments"][0];
  for (const char* key : {"id", "name", "origin"}) {
    expect_type(e, key, T::str);
  }
  for (const char* key : {"tables", "runs", "failed_runs"}) {
    expect_type(e, key, T::uint);
  }
  for (const char* key : {"sources", "replicates", "factors", "metrics", "configurations",
                          "ranking", "pareto", "comparisons", "effects"}) {
    expect_type(e, key, T::arr);
    EXPECT_FALSE(e[key].empty()) << key;
  }
  expect_type(e, "fixed", T::obj);
  EXPECT_EQ(e["fixed"]["model"], "gemma3:latest");
  EXPECT_EQ(e["factors"][0]["name"], "num_gpu");
  EXPECT_EQ(e["factors"][0]["levels"], json::array({"60", "80"}));
  EXPECT_EQ(e["headline"], "tokens_s");
  const json& config = e["configurations"][1];
  EXPECT_EQ(config["config"], json({{"num_gpu", "80"}}));
  EXPECT_EQ(config["sources"], json::array({"sweep.csv"}));
  EXPECT_EQ(config["n"], 6);
  const json& metric = config["metrics"][0];
  for (const char* key : {"column", "kind", "unit", "direction"}) {
    expect_type(metric, key, T::str);
  }
  for (const char* key : {"mean", "median", "stddev", "cv", "min", "max", "p05", "p95"}) {
    expect_type(metric, key, T::num_or_null);
  }
  EXPECT_EQ(metric["median_ci"]["low"], 67.0);
  const json& rank = e["ranking"][0];
  EXPECT_EQ(rank["rank"], 1);
  EXPECT_EQ(rank["tied_with_previous"], false);
  EXPECT_EQ(rank["config"], json({{"num_gpu", "80"}}));
  EXPECT_EQ(rank["column"], "tokens_s");
  EXPECT_EQ(rank["median"], 69.1);
  EXPECT_EQ(e["pareto"][0]["ttft_ms"], 398.0);
  EXPECT_EQ(e["comparisons"][0]["candidate"], json({{"num_gpu", "80"}}));
  EXPECT_EQ(e["comparisons"][0]["varies"], "num_gpu");
  const json& effect = e["effects"][0];
  EXPECT_EQ(effect["factor"], "num_gpu");
  EXPECT_EQ(effect["column"], "tokens_s");
  EXPECT_EQ(effect["test"], "mann-whitney");
  EXPECT_EQ(effect["levels"][1], json({{"level", "80"}, {"n", 6}, {"median", 69.1}}));
  EXPECT_EQ(j["documents"][0], json({{"source", "notes.md"},
                                     {"tables", 1},
                                     {"restates", 0},
                                     {"unverified", 1},
                                     {"measurement", 0},
                                     {"no_metrics", 0},
                                     {"values", 4},
                                     {"matched", 0}}));
  const json& llm_json = j["llm"];
  EXPECT_EQ(llm_json["status"], "ok");
  expect_type(llm_json, "reason", T::str_or_null);
  expect_type(llm_json, "model", T::str);
  expect_type(llm_json, "endpoint", T::str);
  expect_type(llm_json, "options", T::obj);
  EXPECT_EQ(llm_json["options"]["num_ctx"], 2048);
  EXPECT_EQ(llm_json["options"]["num_gpu"], 80);
  EXPECT_FALSE(llm_json["options"].contains("seed")) << "unset options are not sent";
  ASSERT_EQ(llm_json["passes"].size(), 2u);
  const json& pass = llm_json["passes"][1];
  expect_type(pass, "name", T::str);
  for (const char* key : {"ttft_ms", "tokens_per_second", "eval_count", "prompt_eval_count",
                          "prompt_eval_ms", "eval_ms", "load_ms", "total_ms"}) {
    expect_type(pass, key, T::num_or_null);
  }
  EXPECT_TRUE(pass["load_ms"].is_null()) << "not reported means null, not 0";
  expect_type(pass, "done_reason", T::str_or_null);
  expect_type(pass, "truncated", T::boolean);
  expect_type(pass, "implausible", T::str_or_null);
  expect_type(pass, "refit_note", T::str_or_null);
  expect_type(llm_json["narrative"], "cut_off", T::str_or_null);
  for (const char* key : {"ingest_s", "analysis_s", "report_s", "total_s"}) {
    expect_type(j["workflow"], key, T::num);
  }
  EXPECT_EQ(j["workflow"]["total_s"], 6.0);
  const json& g = j["grounding"];
  expect_type(g, "checked", T::uint);
  expect_type(g, "supported", T::uint);
  ASSERT_EQ(g["unsupported"].size(), 1u);
  EXPECT_EQ(g["unsupported"][0]["text"], "99 tok/s");
  EXPECT_EQ(g["unsupported"][0]["section"], "Executive Summary");
}

TEST(JsonReport, SkippedLlmHasStatusReasonAndNoPasses) {
  const json j = render_sample(nullptr);
  EXPECT_EQ(j["llm"]["status"], "skipped");
  EXPECT_EQ(j["llm"]["reason"], "disabled by --llm off");
  EXPECT_TRUE(j["llm"]["passes"].empty());
  EXPECT_EQ(j["grounding"]["checked"], 0);
}

TEST(JsonReport, KeysComeInADeterministicOrder) {
  const json j = render_sample(nullptr);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) {
    keys.push_back(it.key());
  }
  EXPECT_EQ(keys.front(), "tool");
  EXPECT_EQ(keys.back(), "grounding");
  const auto s = test::make_report_sample();
  const Narrative n;
  const ReportInput in{s.config, s.corpus, s.analysis, s.llm, n, Timings{}, "t"};
  EXPECT_EQ(render_json(in), render_json(in));
}

}  // namespace
}  // namespace chimera::render
