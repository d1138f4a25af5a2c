#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

extern char** environ;

namespace chimera::test {
namespace {

// In a forked child: runs argv[0] with `env`, or exits 127 when it cannot.
[[noreturn]] void exec_or_exit(const std::vector<std::string>& argv,
                               const std::vector<std::string>& env) {
  std::vector<char*> args;
  for (const auto& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));
  }
  args.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : env) {
    envp.push_back(const_cast<char*>(e.c_str()));
  }
  envp.push_back(nullptr);
  execve(args[0], args.data(), envp.data());
  _exit(127);
}

// Variables chimera reads that would change what a test sees (endpoint, model, API key).
constexpr const char* k_scrubbed[] = {"OLLAMA_HOST", "CHIMERA_MODEL", "CHIMERA_API_KEY",
                                      "NO_COLOR"};

std::string name_of(const std::string& entry) {
  return entry.substr(0, entry.find('='));
}

// The child's environment: ours without the scrubbed variables and without those `extra_env`
// sets, then `extra_env`. An inherited duplicate would otherwise win, since getenv() returns
// the first entry of a name.
std::vector<std::string> child_environment(const std::vector<std::string>& extra_env) {
  std::vector<std::string> names;
  for (const auto& e : extra_env) {
    names.push_back(name_of(e));
  }
  names.insert(names.end(), std::begin(k_scrubbed), std::end(k_scrubbed));
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    if (std::find(names.begin(), names.end(), name_of(entry)) == names.end()) {
      env.push_back(entry);
    }
  }
  env.insert(env.end(), extra_env.begin(), extra_env.end());
  return env;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::vector<std::string>& extra_env) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
    throw std::runtime_error("pipe failed");
  }
  const std::vector<std::string> env_storage = child_environment(extra_env);
  const pid_t pid = fork();
  if (pid < 0) {
    throw std::runtime_error("fork failed");
  }
  if (pid == 0) {
    const int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    close(out_pipe[0]);
    close(err_pipe[0]);
    exec_or_exit(argv, env_storage);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  ProcessResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_count = 2;
  char buffer[65536];
  while (open_count > 0) {
    if (poll(fds, 2, -1) < 0) {
      continue;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP)) != 0) {
        const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
        if (n <= 0) {
          close(fds[i].fd);
          fds[i].fd = -1;
          --open_count;
        } else {
          sinks[i]->append(buffer, static_cast<std::size_t>(n));
        }
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

ProcessResult run_chimera(const std::vector<std::string>& args,
                          const std::vector<std::string>& extra_env) {
  std::vector<std::string> argv{CHIMERA_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, extra_env);
}

BlockingChild::BlockingChild(const std::vector<std::string>& argv, std::size_t stderr_pipe_bytes) {
  int err_pipe[2];
  if (pipe(err_pipe) != 0) {
    throw std::runtime_error("pipe failed");
  }
  const int size = fcntl(err_pipe[0], F_SETPIPE_SZ, static_cast<int>(stderr_pipe_bytes));
  if (size < 0) {
    throw std::runtime_error("F_SETPIPE_SZ failed");
  }
  m_pipe_bytes = static_cast<std::size_t>(size);
  const std::vector<std::string> env_storage = child_environment({});
  m_pid = fork();
  if (m_pid < 0) {
    throw std::runtime_error("fork failed");
  }
  if (m_pid == 0) {
    const int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, STDIN_FILENO);
    dup2(devnull, STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    close(err_pipe[0]);
    exec_or_exit(argv, env_storage);
  }
  close(err_pipe[1]);
  m_err = err_pipe[0];
}

BlockingChild::~BlockingChild() {
  if (m_pid > 0) {
    static_cast<void>(finish());
  }
}

bool BlockingChild::wait_until_blocked_writing_stderr() {
  // /proc/PID/syscall names the system call the main thread is in: "<number> <arg1> ...".
  const std::string syscall_file = "/proc/" + std::to_string(m_pid) + "/syscall";
  const std::string writing_stderr = std::to_string(SYS_write) + " 0x2 ";
  for (;;) {
    std::ifstream in(syscall_file);
    std::string line;
    std::getline(in, line);
    if (line.rfind(writing_stderr, 0) == 0) {
      return true;
    }
    if (!m_reaped && waitpid(m_pid, &m_status, WNOHANG) == m_pid) {
      m_reaped = true;
      return false;
    }
    // Wait for the child to write more, or to end: either wakes poll.
    pollfd fd{m_err, POLLIN, 0};
    poll(&fd, 1, 10);
  }
}

ProcessResult BlockingChild::finish() {
  ProcessResult result;
  char buffer[65536];
  for (;;) {
    const ssize_t n = read(m_err, buffer, sizeof buffer);
    if (n > 0) {
      m_err_text.append(buffer, static_cast<std::size_t>(n));
    } else if (!(n < 0 && errno == EINTR)) {
      break;
    }
  }
  close(m_err);
  if (!m_reaped) {
    waitpid(m_pid, &m_status, 0);
  }
  m_pid = -1;
  result.exit_code = WIFEXITED(m_status) ? WEXITSTATUS(m_status) : -1;
  result.err = std::move(m_err_text);
  return result;
}

std::vector<std::string> as_user(std::vector<std::string> argv) {
  if (::geteuid() != 0) {
    return argv;
  }
  const char* setpriv = "/usr/bin/setpriv";
  if (::access(setpriv, X_OK) != 0) {
    return {};
  }
  std::vector<std::string> wrapped{setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
                                   "--"};
  wrapped.insert(wrapped.end(), argv.begin(), argv.end());
  return wrapped;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "chimera-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  m_path = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(m_path, ec);
}

void TempDir::open_to_all() const {
  std::filesystem::permissions(m_path, std::filesystem::perms::all);
}

void TempDir::write(const std::string& relative, const std::string& content) const {
  const auto full = std::filesystem::path(m_path) / relative;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream(full, std::ios::binary) << content;
}

}  // namespace chimera::test
