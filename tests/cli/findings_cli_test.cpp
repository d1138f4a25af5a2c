#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process.hpp"

// The data problems planted in examples/reports, found by the real binary and reported with
// their evidence in the JSON report.

namespace chimera::test {
namespace {

using Json = nlohmann::json;

const std::string k_examples = std::string(CHIMERA_SOURCE_DIR) + "/examples/reports";

class FindingsCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto r = run_chimera({"analyze", k_examples, "--llm", "off", "--format", "json", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    s_report = Json::parse(r.out);
  }

  // The findings with this id.
  static std::vector<Json> findings(const std::string& id) {
    std::vector<Json> out;
    for (const auto& f : s_report["findings"]) {
      if (f["id"] == id) {
        out.push_back(f);
      }
    }
    return out;
  }

  static Json s_report;
};

Json FindingsCli::s_report;

TEST_F(FindingsCli, DuplicateFileNamesTheOriginalAndTheCopy) {
  const auto found = findings("duplicate-file");
  ASSERT_EQ(found.size(), 1u) << s_report["findings"].dump(1);
  EXPECT_EQ(found[0]["severity"], "warning");
  ASSERT_EQ(found[0]["evidence"].size(), 2u);
  EXPECT_EQ(found[0]["evidence"][0]["source"], "runs/run_002.json");
  EXPECT_EQ(found[0]["evidence"][1]["source"], "runs/run_002_copy.json");
  EXPECT_EQ(found[0]["evidence"][1]["text"], "runs/run_002_copy.json");
  EXPECT_NE(found[0]["message"].get<std::string>().find("runs/run_002_copy.json duplicates "
                                                        "runs/run_002.json"),
            std::string::npos);
}

TEST_F(FindingsCli, FailedRunNamesTheCsvLineAndTheErrorMessage) {
  const auto found = findings("failed-run");
  ASSERT_EQ(found.size(), 1u) << s_report["findings"].dump(1);
  // Row 36 of the sweep, after the header line.
  ASSERT_EQ(found[0]["evidence"].size(), 1u);
  EXPECT_EQ(found[0]["evidence"][0]["source"], "sweep/param_sweep.csv");
  EXPECT_EQ(found[0]["evidence"][0]["locator"], ":37");
  EXPECT_EQ(found[0]["evidence"][0]["text"], "sweep/param_sweep.csv:37");
  EXPECT_NE(found[0]["message"].get<std::string>().find("CUDA error: out of memory"),
            std::string::npos)
      << found[0]["message"];
  EXPECT_EQ(s_report["inventory"]["failed_rows"], 1);
}

TEST_F(FindingsCli, MalformedFileNamesLineAndColumnOfTheTruncation) {
  const auto found = findings("malformed-file");
  ASSERT_EQ(found.size(), 1u) << s_report["findings"].dump(1);
  EXPECT_EQ(found[0]["severity"], "error");
  ASSERT_EQ(found[0]["evidence"].size(), 1u);
  // The file stops inside a key on its 47th line ("      \"prompt_eval_"), 19 characters long.
  const std::string evidence = found[0]["evidence"][0]["text"];
  EXPECT_EQ(found[0]["evidence"][0]["locator"], ":47");
  EXPECT_EQ(evidence.rfind("runs/run_004_interrupted.json:47: invalid JSON at column 20: ", 0), 0u)
      << evidence;
  bool diagnosed = false;
  for (const auto& d : s_report["diagnostics"]) {
    diagnosed = diagnosed || (d["path"] == "runs/run_004_interrupted.json" && d["line"] == 47 &&
                              d["severity"] == "error");
  }
  EXPECT_TRUE(diagnosed) << s_report["diagnostics"].dump(1);
  for (const auto& t : s_report["tables"]) {
    EXPECT_NE(t["source"], "runs/run_004_interrupted.json") << "its data is not analysed";
  }
}

TEST_F(FindingsCli, EveryFindingHasEvidence) {
  ASSERT_FALSE(s_report["findings"].empty());
  for (const auto& f : s_report["findings"]) {
    EXPECT_FALSE(f["evidence"].empty()) << f.dump();
  }
}

TEST_F(FindingsCli, ColdStartEvidenceCarriesValueUnitAndTheMedianItIsComparedWith) {
  const auto found = findings("cold-start");
  ASSERT_EQ(found.size(), 1u) << s_report["findings"].dump(1);
  EXPECT_EQ(found[0]["count"], 6);
  EXPECT_EQ(found[0]["evidence_total"], 6);
  const auto& first = found[0]["evidence"][0];
  EXPECT_EQ(first["source"], "runs/run_001.json");
  EXPECT_EQ(first["locator"], "#/runs/0");
  EXPECT_EQ(first["column"], "load_duration_ms");
  EXPECT_EQ(first["unit"], "ms");
  ASSERT_TRUE(first["value"].is_number() && first["reference"].is_number()) << first.dump();
  EXPECT_GE(first["value"].get<double>() / first["reference"].get<double>(), 1.25);
}

}  // namespace
}  // namespace chimera::test
