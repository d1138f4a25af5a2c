#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>

#include "support/process.hpp"

namespace chimera::test {
namespace {

// A FIFO among the inputs vanished from the run without a word; reading one would block.
TEST(SpecialFilesCli, AFifoInTheInputsIsNamedAndSkippedAndTheRunGoesOn) {
  TempDir dir;
  dir.write("runs.csv", "model,ttft_ms\ngemma,10\ngemma,12\n");
  ASSERT_EQ(::mkfifo((dir.path() + "/pipe.csv").c_str(), 0600), 0);
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("pipe.csv: skipped: not a regular file (a FIFO); not read"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("- `pipe.csv`: not a regular file (a FIFO); not read"), std::string::npos)
      << r.out;
  // runs.csv is still analysed: its runs are an experiment.
  EXPECT_NE(r.out.find("| 1 | `runs.csv` | 1 |"), std::string::npos) << r.out;
}

TEST(SpecialFilesCli, StrictCountsAFifoAsASkippedFile) {
  TempDir dir;
  dir.write("runs.csv", "model,ttft_ms\ngemma,10\n");
  ASSERT_EQ(::mkfifo((dir.path() + "/pipe.json").c_str(), 0600), 0);
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off", "--strict"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("1 file was skipped"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace chimera::test
