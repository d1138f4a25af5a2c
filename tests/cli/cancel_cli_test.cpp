#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stop_token>
#include <string>
#include <thread>

#include "support/llm_server.hpp"
#include "support/llm_wire.hpp"
#include "support/process.hpp"

namespace chimera::test {
namespace {

using namespace std::chrono_literals;

// Ctrl-C while the model is streaming must cancel the transfer, not the report. The signal is
// sent once the server has the chat request, not after a fixed delay: under a sanitizer on a
// loaded machine, ingest alone can take longer than any delay that keeps the test quick.
TEST(CancelCli, CtrlCDuringAPassStillWritesTheReportAndExitsOne) {
  LlmTestServer server;
  server.script_ollama_chat(std::vector<Step>{write(ollama_token_line("Thinking")), pause(20s)});
  const auto flag = std::filesystem::temp_directory_path() /
                    ("chimera-cancel-" + std::to_string(::getpid()));
  std::filesystem::remove(flag);
  std::jthread watcher([&server, &flag](const std::stop_token& stop) {
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (!stop.stop_requested() && std::chrono::steady_clock::now() < deadline) {
      if (!server.requests("/api/chat").empty()) {
        std::ofstream(flag).put('\n');
        return;
      }
      std::this_thread::sleep_for(20ms);
    }
  });
  const std::string examples = std::string(CHIMERA_SOURCE_DIR) + "/examples/reports";
  const std::string command =
      "'" + std::string(CHIMERA_BINARY) + "' analyze '" + examples + "' --host " + server.url() +
      " --timeout-idle 30 & pid=$!; for i in $(seq 1200); do [ -e '" + flag.string() +
      "' ] && break; sleep 0.05; done; kill -INT $pid; wait $pid";
  const auto r = run_process({"/bin/bash", "-c", command});
  watcher.request_stop();
  std::filesystem::remove(flag);
  EXPECT_FALSE(server.requests("/api/chat").empty()) << "the chat request never came";
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("## Data Ingestion Summary"), std::string::npos);
  EXPECT_NE(r.out.find("cancel"), std::string::npos) << r.out.substr(0, 1200);
}

}  // namespace
}  // namespace chimera::test
