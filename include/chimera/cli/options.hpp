#pragma once

#include <string>
#include <variant>

#include "chimera/model/config.hpp"
#include "chimera/util/result.hpp"

namespace chimera::cli {

// The command line asked for help or the version: print `text` to stdout and exit 0.
struct InfoRequest {
  std::string text;
};

// A parsed `chimera export DIR ...` command line: the Config's root, output, discovery and
// export_format fields are set.
struct ExportRequest {
  model::Config config;
};

// A parsed `chimera analyze DIR ...` or `chimera export DIR ...` command line, or a request to
// print help or the version.
using Command = std::variant<model::Config, InfoRequest, ExportRequest>;

// The environment variables the CLI reads, passed in so that parsing stays pure.
struct Environment {
  std::string ollama_host;    // $OLLAMA_HOST
  std::string chimera_model;  // $CHIMERA_MODEL
  bool no_color = false;      // $NO_COLOR is set and not empty
  bool stderr_is_terminal = false;
};

// Reads the process environment into an Environment.
[[nodiscard]] Environment read_environment();

// Parses and validates argv. A usage error names the flag or path at fault in Error::where.
[[nodiscard]] Result<Command> parse_command_line(int argc, const char* const* argv,
                                                 const Environment& env);

}  // namespace chimera::cli
