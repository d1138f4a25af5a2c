#include "chimera/app/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "chimera/util/file_io.hpp"

namespace chimera::app {
namespace fs = std::filesystem;

namespace {

constexpr int k_max_links = 40;  // as the kernel's own limit on a path's symbolic links

// `path` with its symbolic links followed to the file they name, which need not exist.
Result<fs::path> follow_links(fs::path path) {
  for (int hops = 0; hops < k_max_links; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(path, ec))) {
      return path;
    }
    const fs::path target = fs::read_symlink(path, ec);
    if (ec) {
      return fail(ErrorCode::io, "cannot read the symbolic link: " + ec.message());
    }
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  return fail(ErrorCode::io, "too many levels of symbolic links; give the file's own path");
}

std::string directory_of(const fs::path& path) {
  return path.parent_path().empty() ? std::string(".") : path.parent_path().string();
}

}  // namespace

Result<OutputTarget> check_output(const fs::path& given) {
  OutputTarget target;
  target.given = given;
  auto path = follow_links(given);
  if (!path) {
    return fail(ErrorCode::io, path.error().message, given.string());
  }
  target.path = *path;
  struct stat info {};
  if (::stat(target.path.c_str(), &info) == 0) {
    target.exists = true;
    if (S_ISDIR(info.st_mode)) {
      return fail(ErrorCode::io, "is a directory; give -o a file name", given.string());
    }
    target.regular = S_ISREG(info.st_mode);
    // As a shell's `>` would: a file this user may not write is refused, not replaced behind
    // its back (a rename would replace it whatever its mode).
    if (::faccessat(AT_FDCWD, target.path.c_str(), W_OK, AT_EACCESS) != 0) {
      return fail(ErrorCode::io,
                  std::string("cannot write the file (") + std::strerror(errno) +
                      "); make it writable or choose another -o",
                  given.string());
    }
    if (!target.regular) {
      return target;  // a device or FIFO is written in place: no file is created beside it
    }
  }
  const std::string dir = directory_of(target.path);
  if (::faccessat(AT_FDCWD, dir.c_str(), W_OK | X_OK, AT_EACCESS) != 0) {
    return fail(ErrorCode::io,
                "cannot create files in " + dir + " (" + std::strerror(errno) +
                    "); the report is written to a temporary file there first; choose another -o",
                given.string());
  }
  return target;
}

Result<void> check_not_an_input(const OutputTarget& target, const fs::path& root,
                                const std::vector<model::FileEntry>& files) {
  struct stat out {};
  if (!target.exists || !target.regular || ::stat(target.path.c_str(), &out) != 0) {
    return {};
  }
  for (const auto& file : files) {
    struct stat in {};
    if (file.bytes == static_cast<std::uint64_t>(out.st_size) &&
        ::stat((root / file.path).c_str(), &in) == 0 && in.st_dev == out.st_dev &&
        in.st_ino == out.st_ino) {
      return fail(ErrorCode::usage,
                  "is the input file " + file.path +
                      " under the analysed directory; the report "
                      "would replace it; choose another -o",
                  target.given.string());
    }
  }
  return {};
}

Result<void> write_output(const OutputTarget& target, std::string_view report) {
  if (target.regular) {
    auto written = util::write_file_atomically(target.path, report);
    if (!written) {
      written.error().where = target.given.string();
    }
    return written;
  }
  const int fd = ::open(target.path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    return fail(ErrorCode::io, std::string("cannot open: ") + std::strerror(errno),
                target.given.string());
  }
  int error = util::write_all(fd, report);
  if (::close(fd) != 0 && error == 0) {
    error = errno;
  }
  if (error != 0) {
    return fail(ErrorCode::io, std::string("write failed: ") + std::strerror(error),
                target.given.string());
  }
  return {};
}

Result<StdoutEnd> write_stdout(std::string_view text) {
  const int error = util::write_all(STDOUT_FILENO, text);
  if (error == EPIPE) {
    return StdoutEnd::reader_gone;
  }
  // close() is where a file system that defers its errors (NFS, a full disk) reports them.
  if (error == 0 && ::close(STDOUT_FILENO) != 0 && errno != EINTR) {
    return fail(ErrorCode::io, std::string("cannot write the report: ") + std::strerror(errno),
                "stdout");
  }
  if (error != 0) {
    return fail(ErrorCode::io,
                std::string("cannot write the report: ") + std::strerror(error) +
                    "; what was written is incomplete",
                "stdout");
  }
  return StdoutEnd::written;
}

}  // namespace chimera::app
