// `chimera analyze DIR --baseline OLD`: a planted regression is found and only it, the exit code
// follows --fail-on-regression, and a baseline read back from `chimera export` gives the same
// verdicts as the directory it was exported from.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/baseline_corpus.hpp"
#include "support/process.hpp"

namespace chimera::test {
namespace {

using Json = nlohmann::json;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Two corpora in one temp dir: old/ and new/, the same sweep but for new/'s planted factor.
struct Pair {
  TempDir dir;
  std::string old_dir() const { return dir.path() + "/old"; }
  std::string new_dir() const { return dir.path() + "/new"; }
};

void write_pair(Pair& p, double planted) {
  p.dir.write("old/sweeps/sweep.csv", sweep_csv(standard_sweep()));
  p.dir.write("new/sweeps/sweep.csv", sweep_csv(standard_sweep(planted)));
}

Json analyze_json(const std::string& dir, const std::vector<std::string>& extra,
                  int expected_exit) {
  std::vector<std::string> args{"analyze", dir, "--llm", "off", "--format", "json", "-q"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_chimera(args);
  EXPECT_EQ(r.exit_code, expected_exit) << r.err;
  return Json::parse(r.out);
}

const Json* find_change(const Json& report, const std::string& column, const std::string& gpu,
                        const std::string& ctx) {
  for (const auto& c : report["changes"]) {
    if (c["column"] == column && c["config"].value("num_gpu", "") == gpu &&
        c["config"].value("num_ctx", "") == ctx) {
      return &c;
    }
  }
  return nullptr;
}

std::size_t count_verdict(const Json& report, const std::string& verdict) {
  std::size_t n = 0;
  for (const auto& c : report["changes"]) {
    n += c["verdict"] == verdict ? 1U : 0U;
  }
  return n;
}

TEST(BaselineCli, APlantedThroughputDropIsTheOneRegression) {
  Pair p;
  write_pair(p, 0.85);
  const Json report = analyze_json(p.new_dir(), {"--baseline", p.old_dir()}, 0);
  ASSERT_TRUE(report["baseline"].is_object());
  EXPECT_EQ(report["baseline"]["path"], p.old_dir());
  EXPECT_TRUE(report["baseline"]["generated_at"].is_string());
  // 4 configurations x 2 metrics, all matched.
  ASSERT_EQ(report["changes"].size(), 8u) << report["changes"].dump(1);
  const Json* planted = find_change(report, "throughput_tok_s", "80", "2048");
  ASSERT_NE(planted, nullptr);
  EXPECT_EQ((*planted)["verdict"], "regressed");
  EXPECT_NEAR((*planted)["change_pct"].get<double>(), -15.0, 0.01);
  EXPECT_LT((*planted)["p_value"].get<double>(), 0.05);
  EXPECT_EQ((*planted)["baseline"]["n"], 8);
  EXPECT_EQ((*planted)["current"]["n"], 8);
  EXPECT_EQ((*planted)["direction"], "higher");
  EXPECT_EQ((*planted)["kind"], "throughput");
  EXPECT_EQ(report["changes"][0], *planted) << "regressions come first";
  EXPECT_EQ(count_verdict(report, "regressed"), 1u);
  EXPECT_EQ(count_verdict(report, "unchanged"), 7u);
  EXPECT_EQ(report["baseline"]["counts"]["regressed"], 1);
}

TEST(BaselineCli, ARiseInThroughputIsAnImprovementWithAPositiveChange) {
  Pair p;
  write_pair(p, 1.10);
  const Json report = analyze_json(p.new_dir(), {"--baseline", p.old_dir()}, 0);
  const Json* planted = find_change(report, "throughput_tok_s", "80", "2048");
  ASSERT_NE(planted, nullptr);
  EXPECT_EQ((*planted)["verdict"], "improved");
  EXPECT_NEAR((*planted)["change_pct"].get<double>(), 10.0, 0.01);
}

TEST(BaselineCli, AChangeBelowTheThresholdIsUnchangedHoweverSignificant) {
  Pair p;
  write_pair(p, 0.85);
  const Json report =
      analyze_json(p.new_dir(), {"--baseline", p.old_dir(), "--threshold", "20"}, 0);
  EXPECT_EQ(count_verdict(report, "regressed"), 0u);
  EXPECT_EQ(report["baseline"]["threshold_pct"], 20.0);
}

TEST(BaselineCli, FailOnRegressionExits5AndStillWritesTheReport) {
  Pair p;
  write_pair(p, 0.85);
  const std::string out = p.dir.path() + "/report.md";
  const auto r = run_chimera({"analyze", p.new_dir(), "--llm", "off", "-q", "--baseline",
                              p.old_dir(), "--fail-on-regression", "-o", out});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find("chimera: error: --fail-on-regression: 1 metric regressed"),
            std::string::npos)
      << r.err;
  const std::string report = read_text(out);
  EXPECT_NE(report.find("## Changes since baseline"), std::string::npos);
}

TEST(BaselineCli, AnIdenticalBaselineHasNoVerdictsAndExits0) {
  Pair p;
  write_pair(p, 1.0);
  const Json report =
      analyze_json(p.new_dir(), {"--baseline", p.old_dir(), "--fail-on-regression"}, 0);
  EXPECT_EQ(report["changes"].size(), 8u);
  EXPECT_EQ(count_verdict(report, "unchanged"), 8u);
  for (const auto& c : report["changes"]) {
    EXPECT_EQ(c["change_pct"], 0.0);
  }
}

TEST(BaselineCli, TheMarkdownReportLeadsWithTheRegressionRightAfterTheSummaryHeading) {
  Pair p;
  write_pair(p, 0.85);
  const auto r =
      run_chimera({"analyze", p.new_dir(), "--llm", "off", "-q", "--baseline", p.old_dir()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto summary = r.out.find("## Executive Summary\n\n**1 regression since the baseline**");
  ASSERT_NE(summary, std::string::npos) << r.out.substr(0, 2000);
  const auto changes = r.out.find("## Changes since baseline");
  const auto next = r.out.find("\n## ", summary + 1);
  EXPECT_EQ(changes, next + 1) << "the section follows the Executive Summary";
  EXPECT_NE(r.out.find("### Regressions (1)"), std::string::npos);
  EXPECT_NE(r.out.find("| -15"), std::string::npos) << r.out.substr(changes, 2000);
  EXPECT_NE(r.out.find("Unchanged (`~`): 7."), std::string::npos);
}

TEST(BaselineCli, AddedAndRemovedConfigurationsAreListed) {
  TempDir dir;
  dir.write("old/sweeps/sweep.csv", sweep_csv({{40, 1024}, {40, 2048}, {80, 1024}}));
  dir.write("new/sweeps/sweep.csv", sweep_csv({{40, 1024}, {40, 2048}, {80, 2048}}));
  const Json report = analyze_json(dir.path() + "/new", {"--baseline", dir.path() + "/old"}, 0);
  const auto& added = report["baseline"]["added_configurations"];
  const auto& removed = report["baseline"]["removed_configurations"];
  ASSERT_EQ(added.size(), 1u) << report["baseline"].dump(1);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(added[0]["config"]["num_gpu"], "80");
  EXPECT_EQ(added[0]["config"]["num_ctx"], "2048");
  EXPECT_EQ(removed[0]["config"]["num_ctx"], "1024");
  EXPECT_EQ(report["changes"].size(), 4u);  // the two configurations on both sides
}

TEST(BaselineCli, FewerThanThreeRunsASideIsNotComparable) {
  TempDir dir;
  dir.write("old/sweeps/sweep.csv", sweep_csv({{40, 1024, 2}, {80, 1024, 8}}));
  dir.write("new/sweeps/sweep.csv", sweep_csv({{40, 1024, 2, 0.5}, {80, 1024, 8}}));
  const Json report = analyze_json(dir.path() + "/new", {"--baseline", dir.path() + "/old"}, 0);
  const Json* few = find_change(report, "throughput_tok_s", "40", "1024");
  ASSERT_NE(few, nullptr) << report["changes"].dump(1);
  EXPECT_EQ((*few)["verdict"], "not_comparable");
  EXPECT_TRUE((*few)["p_value"].is_null());
  EXPECT_NEAR((*few)["change_pct"].get<double>(), -50.0, 0.01);
}

TEST(BaselineCli, ExperimentsOnOneSideOnlyAreNamedAndNotCompared) {
  TempDir dir;
  dir.write("old/sweeps/sweep.csv", sweep_csv(standard_sweep()));
  dir.write("old/memory/usage.csv",
            "run,num_gpu,peak_memory_mib\n1,40,100\n2,40,101\n3,40,102\n"
            "4,80,200\n5,80,201\n6,80,202\n");
  dir.write("new/sweeps/sweep.csv", sweep_csv(standard_sweep()));
  dir.write("new/latency/probe.csv",
            "run,num_gpu,latency_ms\n1,40,10\n2,40,11\n3,40,12\n"
            "4,80,20\n5,80,21\n6,80,22\n");
  const Json report = analyze_json(dir.path() + "/new", {"--baseline", dir.path() + "/old"}, 0);
  const auto& b = report["baseline"];
  ASSERT_EQ(b["added_experiments"].size(), 1u) << b.dump(1);
  ASSERT_EQ(b["removed_experiments"].size(), 1u);
  EXPECT_NE(b["added_experiments"][0].get<std::string>().find("latency"), std::string::npos);
  EXPECT_NE(b["removed_experiments"][0].get<std::string>().find("memory"), std::string::npos);
  for (const auto& c : report["changes"]) {
    EXPECT_NE(c["experiment"].get<std::string>().find("sweep"), std::string::npos) << c.dump();
  }
}

TEST(BaselineCli, AnExportedBaselineGivesTheSameVerdictsAsItsDirectory) {
  Pair p;
  write_pair(p, 0.85);
  const Json from_dir = analyze_json(p.new_dir(), {"--baseline", p.old_dir()}, 0);
  for (const std::string format : {"jsonl", "csv"}) {
    const std::string file = p.dir.path() + "/old." + format;
    const auto exported = run_chimera({"export", p.old_dir(), "-o", file, "--format", format});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    const Json from_file = analyze_json(p.new_dir(), {"--baseline", file}, 0);
    EXPECT_EQ(from_file["changes"], from_dir["changes"]) << format;
    EXPECT_EQ(from_file["baseline"]["path"], file);
    EXPECT_EQ(from_file["baseline"]["counts"], from_dir["baseline"]["counts"]);
  }
}

TEST(BaselineCli, ABadRecordIsAnErrorNamingItsLine) {
  Pair p;
  write_pair(p, 1.0);
  const std::string file = p.dir.path() + "/old.jsonl";
  ASSERT_EQ(run_chimera({"export", p.old_dir(), "-o", file}).exit_code, 0);
  std::string text = read_text(file);
  const auto second = text.find('\n') + 1;
  const auto third = text.find('\n', second) + 1;
  text.replace(second, third - second, "{\"experiment\": \"x\", \"value\": \"fast\"}\n");
  p.dir.write("old.jsonl", text);
  const auto r = run_chimera({"analyze", p.new_dir(), "--llm", "off", "-q", "--baseline", file});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("chimera: error: " + file + ":2: field \"column\" is missing"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("chimera export"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(BaselineCli, ABaselineThatDoesNotExistOrFailOnRegressionAloneIsAUsageError) {
  TempDir dir;
  dir.write("new/a.csv", sweep_csv(standard_sweep()));
  auto r = run_chimera(
      {"analyze", dir.path() + "/new", "--llm", "off", "--baseline", dir.path() + "/nope"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--baseline " + dir.path() + "/nope: no such file or directory"),
            std::string::npos)
      << r.err;
  r = run_chimera({"analyze", dir.path() + "/new", "--llm", "off", "--fail-on-regression"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--fail-on-regression: needs --baseline"), std::string::npos) << r.err;
}

TEST(BaselineCli, WithoutABaselineTheJsonSaysSo) {
  TempDir dir;
  dir.write("a.csv", sweep_csv(standard_sweep()));
  const Json report = analyze_json(dir.path(), {}, 0);
  EXPECT_TRUE(report["baseline"].is_null());
  EXPECT_TRUE(report["changes"].is_array());
  EXPECT_TRUE(report["changes"].empty());
}

}  // namespace
}  // namespace chimera::test

namespace chimera::test {
namespace {

TEST(BaselineCli, AChangedFixedSettingStillMatchesAndIsListed) {
  TempDir dir;
  dir.write("old/sweeps/sweep.csv", sweep_csv(standard_sweep(), "gemma3:4b"));
  dir.write("new/sweeps/sweep.csv", sweep_csv(standard_sweep(0.85), "gemma3:12b"));
  const auto r = run_chimera({"analyze", dir.path() + "/new", "--llm", "off", "-q", "--format",
                              "json", "--baseline", dir.path() + "/old"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_TRUE(report["baseline"]["added_configurations"].empty());
  EXPECT_EQ(report["changes"].size(), 8u);
  const auto& changed = report["baseline"]["settings_changed"];
  ASSERT_EQ(changed.size(), 1u) << report["baseline"].dump(1);
  EXPECT_EQ(changed[0]["setting"], "model");
  EXPECT_EQ(changed[0]["baseline"], "gemma3:4b");
  EXPECT_EQ(changed[0]["current"], "gemma3:12b");
  EXPECT_EQ(report["changes"][0]["verdict"], "regressed");
}

}  // namespace
}  // namespace chimera::test
