#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/process.hpp"

namespace chimera::test {
namespace {

// Two configurations of four runs; throughput means 101.5 and 96.5 tok/s.
const char* const k_runs =
    "num_gpu,run,throughput_tok_s\n"
    "80,1,100.0\n80,2,101.0\n80,3,102.0\n80,4,103.0\n"
    "40,1,95.0\n40,2,96.0\n40,3,97.0\n40,4,98.0\n";

void write_corpus(const TempDir& dir, const std::string& report) {
  dir.write("data/runs.csv", k_runs);
  dir.write("reports/report.md", report);
}

TEST(ClaimsCli, JsonListsEveryClaimWithItsVerdictAndData) {
  TempDir dir;
  write_corpus(dir,
               "# Report\n\n- Mean throughput at num_gpu=80: 101.5 tok/s\n"
               "- Mean throughput at num_gpu=40: 99.0 tok/s\n");
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto& claims = j.at("claims");
  EXPECT_EQ(claims.at("checked"), 2);
  EXPECT_EQ(claims.at("supported"), 1);
  EXPECT_EQ(claims.at("contradicted"), 1);
  EXPECT_EQ(claims.at("unmatched"), 0);
  ASSERT_EQ(claims.at("items").size(), 2U);
  const auto& wrong = claims.at("items")[1];
  EXPECT_EQ(wrong.at("source"), "reports/report.md");
  EXPECT_EQ(wrong.at("line"), 4);
  EXPECT_EQ(wrong.at("text"), "Mean throughput at num_gpu=40: 99.0 tok/s");
  EXPECT_EQ(wrong.at("value"), 99.0);
  EXPECT_EQ(wrong.at("unit"), "tok/s");
  EXPECT_EQ(wrong.at("metric"), "throughput");
  EXPECT_EQ(wrong.at("context").at("num_gpu"), "40");
  EXPECT_EQ(wrong.at("verdict"), "contradicted");
  EXPECT_EQ(wrong.at("data").at("statistic"), "mean");
  EXPECT_EQ(wrong.at("data").at("value"), 96.5);
  EXPECT_EQ(wrong.at("data").at("n"), 4);
  EXPECT_EQ(wrong.at("data").at("config").at("num_gpu"), "40");
  EXPECT_EQ(wrong.at("data").at("sources"), nlohmann::json::array({"data/runs.csv"}));
  EXPECT_NEAR(wrong.at("diff_pct").get<double>(), 2.59, 0.01);
  bool drift = false;
  for (const auto& f : j.at("findings")) {
    drift = drift || f.at("id") == "document-drift";
  }
  EXPECT_TRUE(drift);
}

TEST(ClaimsCli, MarkdownSectionListsTheContradictionWithItsPlace) {
  TempDir dir;
  write_corpus(dir, "# Report\n\n- Mean throughput at num_gpu=40: 99.0 tok/s\n");
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("## Documents vs data"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| `reports/report.md` | 0 | 1 | 0 |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| `reports/report.md:3` | Mean throughput at num_gpu=40: 99.0 … | "
                       "99 tok/s | 96.50 tok/s | mean (num_gpu=40) | 4 | +2.6% |"),
            std::string::npos)
      << r.out;
  EXPECT_NE(
      r.out.find("  - `reports/report.md:3: states 99 tok/s, the runs give mean 96.50 tok/s`"),
      std::string::npos)
      << r.out;
}

// A report copied into every run directory states its wrong number in each copy: the table has
// one row for it, naming the first place and counting the others; the JSON keeps every one.
TEST(ClaimsCli, OneRowPerClaimAsWrittenWhatEverHowManyDocumentsRepeatIt) {
  TempDir dir;
  dir.write("data/runs.csv", k_runs);
  for (const char* copy : {"a", "b", "c"}) {
    dir.write(std::string("reports/") + copy + ".md",
              "# Report\n\n- Mean throughput at num_gpu=40: 99.0 tok/s\n");
  }
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("| `reports/a.md:3` +2 | Mean throughput"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("| `reports/b.md:3`"), std::string::npos) << r.out;
  const auto j = run_chimera({"analyze", dir.path(), "--llm", "off", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(j.out).at("claims").at("contradicted"), 3);
}

// One document-drift finding per document in the JSON; Key Findings shows three and counts the
// rest.
TEST(ClaimsCli, KeyFindingsShowThreeDriftFindingsAndCountTheRest) {
  TempDir dir;
  dir.write("data/runs.csv", k_runs);
  for (const char* copy : {"a", "b", "c", "d", "e"}) {
    dir.write(std::string("reports/") + copy + ".md",
              "# Report\n\n- Mean throughput at num_gpu=40: 99.0 tok/s\n");
  }
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("- **warning** `document-drift`: reports/c.md"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("- **warning** `document-drift`: reports/d.md"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("- and 2 more `document-drift` findings like these"), std::string::npos)
      << r.out;
}

TEST(ClaimsCli, StrictExitsOneWhenADocumentContradictsTheData) {
  TempDir dir;
  write_corpus(dir, "# Report\n\n- Mean throughput at num_gpu=40: 99.0 tok/s\n");
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off", "--strict"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("--strict: 1 number in the corpus's documents contradicts the runs "
                       "(see Documents vs data)"),
            std::string::npos)
      << r.err;
}

TEST(ClaimsCli, StrictExitsZeroWhenTheDocumentsAgree) {
  TempDir dir;
  write_corpus(dir, "# Report\n\n- Mean throughput at num_gpu=40: 96.5 tok/s\n");
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off", "--strict"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace chimera::test
