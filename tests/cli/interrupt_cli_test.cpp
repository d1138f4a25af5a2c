#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <string>

#include "support/process.hpp"

namespace chimera::test {
namespace {

// Ctrl-C while no LLM transfer runs (here --llm off, between ingest and analysis) was ignored:
// the default action killed chimera, or it ran on. It must stop the run, write nothing and
// exit 130. The signal is sent at a point the test can wait for without timing anything:
// chimera prints its input diagnostics to a stderr pipe of one page, which the test fills
// with long-named malformed files, so chimera blocks in write() right after ingest.
TEST(InterruptCli, CtrlCAfterIngestStopsTheRunWritesNothingAndExits130) {
  TempDir dir;
  dir.write("runs.csv", "model,ttft_ms\ngemma,10\ngemma,12\n");
  for (int i = 0; i < 30; ++i) {
    dir.write("broken/" + std::string(180, 'x') + std::to_string(i) + ".json", "{\"a\": ");
  }
  const std::string report = dir.path() + "/report.md";
  BlockingChild chimera({CHIMERA_BINARY, "analyze", dir.path(), "--llm", "off", "-o", report},
                        4096);
  ASSERT_TRUE(chimera.wait_until_blocked_writing_stderr()) << "chimera ended before it blocked";
  ASSERT_EQ(::kill(chimera.pid(), SIGINT), 0);
  const auto r = chimera.finish();
  EXPECT_EQ(r.exit_code, 130) << "-1 means SIGINT killed it; stderr:\n" << r.err;
  EXPECT_NE(r.err.find("chimera: interrupted; no report written"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(report));
}

}  // namespace
}  // namespace chimera::test
