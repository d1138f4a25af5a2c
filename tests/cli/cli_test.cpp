#include <gtest/gtest.h>

#include <filesystem>

#include "support/process.hpp"

namespace chimera::test {
namespace {

const std::string k_examples = std::string(CHIMERA_SOURCE_DIR) + "/examples/reports";

TEST(Cli, VersionPrintsNameAndVersionOnStdout) {
  const auto r = run_chimera({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, std::string("chimera ") + CHIMERA_VERSION + "\n");
  EXPECT_EQ(r.err, "");
}

TEST(Cli, HelpListsTheAnalyzeCommandAndExitCodes) {
  const auto r = run_chimera({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("analyze"), std::string::npos);
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
}

TEST(Cli, AnalyzeHelpListsEveryOption) {
  const auto r = run_chimera({"analyze", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag :
       {"--output", "--format", "--llm", "--host", "--api", "--model", "--num-gpu", "--num-ctx",
        "--temperature", "--top-p", "--top-k", "--repeat-penalty", "--seed", "--num-predict",
        "--keep-alive", "--prompts", "--include", "--exclude", "--max-file-size",
        "--timeout-connect", "--timeout-idle", "--timeout-pass", "--quiet", "--verbose",
        "--color", "--strict"}) {
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
  }
}

TEST(Cli, MissingDirectoryExitsTwoNamingThePath) {
  const auto r = run_chimera({"analyze", "/nonexistent/chimera-dir"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("/nonexistent/chimera-dir"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("chimera: error:"), std::string::npos) << r.err;
}

TEST(Cli, FileInsteadOfDirectoryExitsTwo) {
  TempDir dir;
  dir.write("a.csv", "x\n1\n");
  const auto r = run_chimera({"analyze", dir.path() + "/a.csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not a directory"), std::string::npos) << r.err;
}

TEST(Cli, UnknownFlagExitsTwoNamingTheFlag) {
  const auto r = run_chimera({"analyze", k_examples, "--frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(Cli, BadValueExitsTwoNamingTheFlag) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--format", "pdf"}, {"--llm", "maybe"}, {"--num-ctx", "ten"},
           {"--max-file-size", "lots"}, {"--temperature", "9"}, {"--color", "purple"},
           {"--timeout-pass", "0"}}) {
    std::vector<std::string> argv{"analyze", k_examples};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = run_chimera(argv);
    EXPECT_EQ(r.exit_code, 2) << args[0];
    EXPECT_NE(r.err.find(args[0]), std::string::npos) << args[0] << ": " << r.err;
  }
}

TEST(Cli, NoSubcommandExitsTwo) {
  const auto r = run_chimera({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("chimera: error:"), std::string::npos);
}

TEST(Cli, EmptyDirectoryExitsFourAndWritesNothing) {
  TempDir dir;
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no CSV, JSON or Markdown file"), std::string::npos) << r.err;
}

TEST(Cli, DirectoryWithOnlyOtherFilesExitsFour) {
  TempDir dir;
  dir.write("notes.txt", "hello\n");
  dir.write(".hidden/data.csv", "a\n1\n");
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("1 other file"), std::string::npos) << r.err;
}

TEST(Cli, ExamplesWithLlmOffPrintsMarkdownReportAndExitsZero) {
  const auto r = run_chimera({"analyze", k_examples, "--llm", "off"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("# ", 0), 0u) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("## Data Ingestion Summary"), std::string::npos);
  EXPECT_NE(r.out.find("## Workflow Summary"), std::string::npos);
  EXPECT_NE(r.out.find("sweep/param_sweep.csv"), std::string::npos);
}

TEST(Cli, OutputFlagWritesTheFileAtomicallyAndNothingToStdout) {
  TempDir dir;
  const std::string out = dir.path() + "/report.md";
  const auto r = run_chimera({"analyze", k_examples, "--llm", "off", "-o", out});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  ASSERT_TRUE(std::filesystem::exists(out));
  EXPECT_GT(std::filesystem::file_size(out), 100u);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename(), "report.md") << "temporary left behind";
  }
}

TEST(Cli, OutputIntoMissingDirectoryExitsTwo) {
  const auto r = run_chimera({"analyze", k_examples, "--llm", "off", "-o", "/nonexistent/x/r.md"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/x/r.md"), std::string::npos) << r.err;
}

TEST(Cli, StrictWithSkippedFileExitsOne) {
  TempDir dir;
  dir.write("a.csv", "x\n1\n");
  dir.write("big.csv", std::string(2048, 'x'));
  const auto r =
      run_chimera({"analyze", dir.path(), "--llm", "off", "--strict", "--max-file-size", "1KiB"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("big.csv"), std::string::npos);
}

TEST(Cli, BadOllamaHostEnvironmentExitsTwoNamingIt) {
  const auto r = run_chimera({"analyze", k_examples}, {"OLLAMA_HOST=ftp://x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("OLLAMA_HOST"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace chimera::test

namespace chimera::test {
namespace {

TEST(Cli, LlmRequireWithUnreachableEndpointExitsThreeAndWritesNothing) {
  TempDir dir;
  const std::string out = dir.path() + "/report.md";
  const auto r = run_chimera({"analyze", k_examples, "--llm", "require", "--host",
                              "http://127.0.0.1:1", "--timeout-connect", "1", "-o", out});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_NE(r.err.find("127.0.0.1:1"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace chimera::test

namespace chimera::test {
namespace {

TEST(Cli, InputProblemsGoToStderrWithFileAndLineUnlessQuiet) {
  const auto r = run_chimera({"analyze", k_examples, "--llm", "off"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("chimera: error: runs/run_004_interrupted.json:47: invalid JSON"),
            std::string::npos)
      << r.err;
  const auto quiet = run_chimera({"analyze", k_examples, "--llm", "off", "-q"});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
}

}  // namespace
}  // namespace chimera::test

namespace chimera::test {
namespace {

TEST(Cli, JsonNumberTooLargeForADoubleIsAWarningAndTheFileIsRead) {
  TempDir dir;
  dir.write("reports/x.json", "{\"model\": \"a\",\n \"runs\": 3,\n \"ttft_ms\": 1e999}\n");
  dir.write("reports/log.jsonl", "{\"ttft_ms\": 1}\n{\"ttft_ms\": -1e400}\n{\"ttft_ms\": 3}\n");
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("chimera: warning: reports/x.json:3: number 1e999 at /ttft_ms is out of "
                       "range for a double; read as missing"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("chimera: warning: reports/log.jsonl:2: number -1e400 at /ttft_ms"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("error:"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace chimera::test
