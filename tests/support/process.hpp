#pragma once

#include <string>
#include <vector>

namespace chimera::test {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is a path) with extra "NAME=value" environment entries, stdin from
// /dev/null, and captures stdout and stderr. The child inherits the environment except
// OLLAMA_HOST, CHIMERA_MODEL, CHIMERA_API_KEY and NO_COLOR, so a developer's settings do not
// change what the tests see; `extra_env` entries replace inherited ones of the same name.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::vector<std::string>& extra_env = {});

// Runs the chimera binary built alongside the tests with the given arguments.
ProcessResult run_chimera(const std::vector<std::string>& args,
                          const std::vector<std::string>& extra_env = {});

// `argv` run as an unprivileged user (nobody, through setpriv) when the tests run as root, so
// that permission checks mean what they mean for a user; `argv` unchanged otherwise. Empty when
// running as root without setpriv: the caller skips.
std::vector<std::string> as_user(std::vector<std::string> argv);

// A fresh empty directory under the system temp directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return m_path; }
  // Writes `content` to path()/relative, creating parent directories.
  void write(const std::string& relative, const std::string& content) const;
  // Lets any user create and replace files in the directory (see as_user()).
  void open_to_all() const;

 private:
  std::string m_path;
};

}  // namespace chimera::test
