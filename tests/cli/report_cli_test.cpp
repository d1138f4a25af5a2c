#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/process.hpp"
#include "support/report_text.hpp"

namespace chimera::test {
namespace {

const std::string k_source = CHIMERA_SOURCE_DIR;
const std::string k_examples = k_source + "/examples/reports";
const std::string k_golden = k_source + "/tests/golden/examples_llm_off.md";

// Regenerate with: CHIMERA_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden
TEST(ReportCli, GoldenMarkdownReportOfTheExamplesWithLlmOff) {
  const auto r = run_chimera({"analyze", k_examples, "--llm", "off"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string actual = normalise_report(r.out);
  if (update_golden(k_golden, actual)) {
    GTEST_SKIP() << "golden file rewritten: " << k_golden;
  }
  ASSERT_TRUE(std::filesystem::exists(k_golden)) << "run with CHIMERA_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(actual, read_text(k_golden)) << "if the change is intended, regenerate with "
                                            "CHIMERA_UPDATE_GOLDEN=1";
}

TEST(ReportCli, TheNormaliserMasksTimesAndDurations) {
  EXPECT_EQ(normalise_report("at 2025-11-10T05:12:37Z took 51.52s (ingest 0.02s)"),
            "at <time> took <s> (ingest <s>)");
}

TEST(ReportCli, ReportIsDeterministicApartFromTimings) {
  const auto a = run_chimera({"analyze", k_examples, "--llm", "off", "--format", "json"});
  const auto b = run_chimera({"analyze", k_examples, "--llm", "off", "--format", "json"});
  EXPECT_EQ(normalise_report(std::regex_replace(a.out, std::regex(R"("\w+_s": [0-9.e-]+)"), "T")),
            normalise_report(std::regex_replace(b.out, std::regex(R"("\w+_s": [0-9.e-]+)"), "T")));
}

TEST(ReportCli, ClosedPipeIsNotAnError) {
  TempDir dir;
  // Enough files that the report outgrows the pipe buffer and the writer meets EPIPE.
  for (int i = 0; i < 1500; ++i) {
    dir.write("runs/run_with_a_rather_long_name_" + std::to_string(i) + ".csv", "a\n1\n");
  }
  const auto r = run_process({"/bin/bash", "-c",
                              "set -o pipefail; '" + std::string(CHIMERA_BINARY) + "' analyze '" +
                                  dir.path() + "' --llm off | head -n 2"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.rfind("# Benchmark Analysis Report\n\n", 0), 0u) << r.out;
}

TEST(ReportCli, OutputFileIsReplacedAtomicallyAndStdoutStaysEmpty) {
  TempDir dir;
  const std::string out = dir.path() + "/report.json";
  dir.write("report.json", "old content");
  const auto r =
      run_chimera({"analyze", k_examples, "--llm", "off", "--format", "json", "-o", out});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const auto j = nlohmann::json::parse(read_text(out));
  EXPECT_EQ(j["tool"]["name"], "chimera");
  EXPECT_EQ(j["llm"]["status"], "skipped");
  EXPECT_EQ(j["llm"]["reason"], "disabled by --llm off");
  EXPECT_EQ(j["inventory"]["files_total"], 8);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) {
    ++entries;
  }
  EXPECT_EQ(entries, 1u);
}

TEST(ReportCli, HtmlFormatWritesAStandalonePage) {
  const auto r = run_chimera({"analyze", k_examples, "--llm", "off", "--format", "html"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(r.out.find("<h2>Data Ingestion Summary</h2>"), std::string::npos);
  EXPECT_NE(r.out.find("<table>"), std::string::npos);
  EXPECT_NE(r.out.find("</html>\n"), std::string::npos);
}

TEST(ReportCli, AutoWithoutReachableLlmWritesACompleteReportAndSaysWhy) {
  const auto r = run_chimera(
      {"analyze", k_examples, "--host", "http://127.0.0.1:1", "--timeout-connect", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("> LLM narrative absent: "), std::string::npos);
  EXPECT_NE(r.out.find("## Grounding"), std::string::npos);
  EXPECT_NE(r.err.find("chimera: warning: http://127.0.0.1:1:"), std::string::npos) << r.err;
  const auto quiet = run_chimera(
      {"analyze", k_examples, "--host", "http://127.0.0.1:1", "--timeout-connect", "1", "-q"});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
}

TEST(ReportCli, UnknownPlaceholderInPromptOverrideExitsTwoNamingFileAndLine) {
  TempDir prompts;
  prompts.write("report.md", "Be brief.\nUse {{evidense}}.\n");
  const auto r = run_chimera({"analyze", k_examples, "--llm", "off", "--prompts", prompts.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("chimera: error: " + prompts.path() +
                       "/report.md:2: unknown placeholder "
                       "{{evidense}}"),
            std::string::npos)
      << r.err;
}

TEST(ReportCli, ValidPromptOverrideIsAccepted) {
  TempDir prompts;
  prompts.write("analysis.md", "List findings for {{corpus}}.\n");
  const auto r = run_chimera({"analyze", k_examples, "--llm", "off", "--prompts", prompts.path()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// A metric whose values are per-run statistics says which, from its name.
TEST(ReportCli, PerRunStatisticsSayWhichStatisticTheyAre) {
  TempDir dir;
  for (int run = 1; run <= 3; ++run) {
    for (const int batch : {1, 8}) {
      dir.write(
          "bench/batch" + std::to_string(batch) + "/run_" + std::to_string(run) + "/results.json",
          R"({"config": {"max_batch_size": )" + std::to_string(batch) +
              R"(}, "results": {"output_tok_s": )" + std::to_string(40 + batch * 6 + run) +
              R"(, "ttft_p50_ms": )" + std::to_string(120 + run) + R"(, "avg_itl_ms": )" +
              std::to_string(9 + run) + "}}");
    }
  }
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ttft_p50_ms (ms) (a median per run)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("avg_itl_ms (ms) (a mean per"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("mean or total"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace chimera::test
