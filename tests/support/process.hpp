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

// A child process whose stderr is a pipe of `stderr_pipe_bytes` (at least a page) that the test
// drains only when it chooses to: a child that writes more than that to stderr blocks in write()
// until then, a point in its run that the test can wait for without timing anything. stdout and
// stdin are /dev/null.
class BlockingChild {
 public:
  BlockingChild(const std::vector<std::string>& argv, std::size_t stderr_pipe_bytes);
  ~BlockingChild();
  BlockingChild(const BlockingChild&) = delete;
  BlockingChild& operator=(const BlockingChild&) = delete;

  [[nodiscard]] int pid() const { return m_pid; }
  // Waits until the child's main thread is in write() to stderr (blocked there once the pipe is
  // full); false if the child exited first. Reads /proc/PID/syscall (Linux).
  [[nodiscard]] bool wait_until_blocked_writing_stderr();
  // Drains stderr to its end and reaps the child: its exit code (-1 if a signal killed it) and
  // what it wrote to stderr.
  ProcessResult finish();

 private:
  int m_pid = -1;
  bool m_reaped = false;
  int m_status = 0;
  int m_err = -1;
  std::size_t m_pipe_bytes = 0;
  std::string m_err_text;
};

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
