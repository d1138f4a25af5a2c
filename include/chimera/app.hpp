#pragma once

namespace chimera {

// Exit statuses of the chimera command, documented in the README.
enum class ExitCode : int {
  ok = 0,            // report written
  degraded = 1,      // report written, but an LLM pass failed or --strict found a problem
  usage = 2,         // bad command line; nothing written
  llm_required = 3,  // --llm require and the endpoint or model is unavailable; nothing written
  no_input = 4,      // no CSV, JSON or Markdown file under DIR; nothing written
  regression = 5,    // --fail-on-regression and a metric regressed against --baseline; written
  internal = 70,     // a bug; nothing written
  output = 74,       // the report could not be written (-o FILE or stdout); as sysexits' EX_IOERR
  interrupted = 130,  // Ctrl-C outside an LLM transfer; nothing written (128 + SIGINT, as shells)
};

// Runs the chimera command line and returns the process exit status.
[[nodiscard]] int run(int argc, const char* const* argv);

}  // namespace chimera
