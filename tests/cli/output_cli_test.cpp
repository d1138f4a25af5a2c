// Where the report goes: stdout and -o FILE never lose it silently, never replace what they must
// not, and an output failure is exit 74, not 70 ("a bug").
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/process.hpp"

namespace chimera::test {
namespace {

namespace fs = std::filesystem;

const std::string k_examples = std::string(CHIMERA_SOURCE_DIR) + "/examples/reports";

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

unsigned mode_of(const std::string& path) {
  struct stat info {};
  ::stat(path.c_str(), &info);
  return info.st_mode & 07777U;
}

TEST(OutputCli, AFullDiskOnStdoutIsExit74NotASilentTruncatedReport) {
  const auto r = run_process({"/bin/bash", "-c",
                              "exec " + quoted(CHIMERA_BINARY) + " analyze " + quoted(k_examples) +
                                  " --llm off > /dev/full"});
  EXPECT_EQ(r.exit_code, 74) << r.err;
  EXPECT_NE(r.err.find("chimera: error: stdout: cannot write the report: No space left on device"),
            std::string::npos)
      << r.err;
}

TEST(OutputCli, AFullDiskOnHelpIsAnErrorToo) {
  const auto r =
      run_process({"/bin/bash", "-c", "exec " + quoted(CHIMERA_BINARY) + " --help > /dev/full"});
  EXPECT_EQ(r.exit_code, 74) << r.err;
}

TEST(OutputCli, OutputOntoAnInputFileIsRefusedAndTheInputIsKept) {
  TempDir dir;
  const std::string input = "model,ttft_ms\ngemma,10\ngemma,12\n";
  dir.write("runs/a.csv", input);
  const auto r =
      run_chimera({"analyze", dir.path(), "--llm", "off", "-o", dir.path() + "/runs/a.csv"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("a.csv: is the input file runs/a.csv under the analysed directory"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read_text(dir.path() + "/runs/a.csv"), input);
}

TEST(OutputCli, OutputOntoAHardLinkToAnInputIsRefusedToo) {
  TempDir dir;
  TempDir elsewhere;
  dir.write("a.csv", "model,ttft_ms\ngemma,10\n");
  fs::create_hard_link(dir.path() + "/a.csv", elsewhere.path() + "/report.md");
  const auto r =
      run_chimera({"analyze", dir.path(), "--llm", "off", "-o", elsewhere.path() + "/report.md"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(read_text(dir.path() + "/a.csv"), "model,ttft_ms\ngemma,10\n");
}

TEST(OutputCli, OutputKeepsTheModeOfTheFileItReplaces) {
  TempDir dir;
  dir.write("report.md", "old\n");
  fs::permissions(dir.path() + "/report.md",
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const auto r =
      run_process({"/bin/bash", "-c",
                   "umask 022; exec " + quoted(CHIMERA_BINARY) + " analyze " + quoted(k_examples) +
                       " --llm off -o " + quoted(dir.path() + "/report.md")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(mode_of(dir.path() + "/report.md"), 0640U);
  EXPECT_EQ(read_text(dir.path() + "/report.md").rfind("# Benchmark Analysis Report", 0), 0U);
}

TEST(OutputCli, OutputWritesThroughASymbolicLinkAndKeepsTheLink) {
  TempDir dir;
  dir.write("reports/real.md", "old\n");
  fs::create_symlink("reports/real.md", dir.path() + "/link.md");
  const auto r =
      run_chimera({"analyze", k_examples, "--llm", "off", "-o", dir.path() + "/link.md"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir.path() + "/link.md"));
  EXPECT_EQ(read_text(dir.path() + "/reports/real.md").rfind("# Benchmark Analysis Report", 0), 0U);
  for (const auto& entry : fs::directory_iterator(dir.path() + "/reports")) {
    EXPECT_EQ(entry.path().filename(), "real.md") << "temporary left behind";
  }
}

TEST(OutputCli, ADanglingLinkGetsItsTargetCreated) {
  TempDir dir;
  fs::create_symlink("new.md", dir.path() + "/link.md");
  const auto r =
      run_chimera({"analyze", k_examples, "--llm", "off", "-o", dir.path() + "/link.md"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir.path() + "/link.md"));
  EXPECT_TRUE(fs::is_regular_file(dir.path() + "/new.md"));
}

TEST(OutputCli, OutputOntoADirectoryIsAnOutputErrorBeforeAnythingRuns) {
  TempDir dir;
  const auto r = run_chimera({"analyze", k_examples, "--llm", "off", "-o", dir.path()});
  EXPECT_EQ(r.exit_code, 74) << r.err;
  EXPECT_NE(r.err.find("is a directory; give -o a file name"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("invalid JSON"), std::string::npos) << "ingest ran: " << r.err;
}

TEST(OutputCli, AReadOnlyFileIsRefusedAndKept) {
  TempDir dir;
  dir.open_to_all();
  dir.write("report.md", "keep me\n");
  fs::permissions(dir.path() + "/report.md",
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const auto argv = as_user(
      {CHIMERA_BINARY, "analyze", k_examples, "--llm", "off", "-o", dir.path() + "/report.md"});
  if (argv.empty()) {
    GTEST_SKIP() << "running as root without setpriv: a read-only file is writable";
  }
  const auto r = run_process(argv);
  EXPECT_EQ(r.exit_code, 74) << r.err;
  EXPECT_NE(r.err.find("report.md: cannot write the file (Permission denied); make it writable "
                       "or choose another -o"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read_text(dir.path() + "/report.md"), "keep me\n");
  EXPECT_EQ(mode_of(dir.path() + "/report.md"), 0444U);
}

TEST(OutputCli, AReadOnlyDirectoryIsAnOutputErrorNotABug) {
  TempDir dir;
  dir.open_to_all();
  fs::create_directory(dir.path() + "/locked");
  fs::permissions(dir.path() + "/locked", fs::perms::owner_read | fs::perms::owner_exec |
                                              fs::perms::others_read | fs::perms::others_exec);
  const auto argv = as_user({CHIMERA_BINARY, "analyze", k_examples, "--llm", "off", "-o",
                             dir.path() + "/locked/report.md"});
  if (argv.empty()) {
    GTEST_SKIP() << "running as root without setpriv: every directory is writable";
  }
  const auto r = run_process(argv);
  EXPECT_EQ(r.exit_code, 74) << r.err;
  EXPECT_NE(r.err.find("cannot create files in " + dir.path() + "/locked (Permission denied)"),
            std::string::npos)
      << r.err;
}

// The disk fills while the report is written: RLIMIT_FSIZE makes the write fail (EFBIG) at a
// fixed size, as ENOSPC would. The file it was to replace must be untouched.
TEST(OutputCli, AWriteThatFailsHalfwayIsExit74AndKeepsTheOldFile) {
  TempDir dir;
  dir.write("report.md", "old report\n");
  const auto r =
      run_process({"/bin/bash", "-c",
                   "ulimit -f 1; trap '' XFSZ; exec " + quoted(CHIMERA_BINARY) + " analyze " +
                       quoted(k_examples) + " --llm off -o " + quoted(dir.path() + "/report.md")});
  EXPECT_EQ(r.exit_code, 74) << r.err;
  EXPECT_NE(r.err.find("report.md: write failed: File too large"), std::string::npos) << r.err;
  EXPECT_EQ(read_text(dir.path() + "/report.md"), "old report\n");
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename(), "report.md") << "temporary left behind";
  }
}

}  // namespace
}  // namespace chimera::test
