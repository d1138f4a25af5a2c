#include <gtest/gtest.h>

#include <chrono>

#include "support/llm_server.hpp"
#include "support/llm_wire.hpp"
#include "support/process.hpp"

namespace chimera::test {
namespace {

using namespace std::chrono_literals;

// Ctrl-C while the model is streaming must cancel the transfer, not the report.
TEST(CancelCli, CtrlCDuringAPassStillWritesTheReportAndExitsOne) {
  LlmTestServer server;
  server.script_ollama_chat(std::vector<Step>{write(ollama_token_line("Thinking")), pause(20s)});
  const std::string examples = std::string(CHIMERA_SOURCE_DIR) + "/examples/reports";
  const std::string command = "'" + std::string(CHIMERA_BINARY) + "' analyze '" + examples +
                              "' --host " + server.url() +
                              " --timeout-idle 30 & pid=$!; sleep 1.5; kill -INT $pid; wait $pid";
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_process({"/bin/bash", "-c", command});
  EXPECT_LT(std::chrono::steady_clock::now() - start, 15s) << "the stall was not cut short";
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("## Data Ingestion Summary"), std::string::npos);
  EXPECT_NE(r.out.find("cancel"), std::string::npos) << r.out.substr(0, 1200);
}

}  // namespace
}  // namespace chimera::test
