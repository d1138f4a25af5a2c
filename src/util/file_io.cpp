#include "chimera/util/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>
#include <vector>

namespace chimera::util {
namespace fs = std::filesystem;

std::string file_type_name(unsigned mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return "a regular file";
    case S_IFDIR: return "a directory";
    case S_IFIFO: return "a FIFO";
    case S_IFSOCK: return "a socket";
    case S_IFCHR: return "a character device";
    case S_IFBLK: return "a block device";
    case S_IFLNK: return "a symbolic link";
    default: return "of an unknown type";
  }
}

Result<std::string_view> read_file(const fs::path& path, FileBuffer& buffer) {
  // O_NONBLOCK: a FIFO put where a file was would block open() until a writer came; what was
  // opened is checked on the handle, so nothing can be swapped in between.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    return fail(ErrorCode::io, std::string("cannot open: ") + std::strerror(errno), path.string());
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    return fail(ErrorCode::io, "cannot stat: " + reason, path.string());
  }
  if (!S_ISREG(info.st_mode)) {
    ::close(fd);
    return fail(ErrorCode::io, "not a regular file (" + file_type_name(info.st_mode) + ")",
                path.string());
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  // A byte more than the size: a file that grew since it was measured is still read whole.
  const std::size_t room = static_cast<std::size_t>(info.st_size) + 1;
  if (buffer.size() < room) {
    buffer.resize(room);
  }
  std::size_t used = 0;
  for (;;) {
    if (used == buffer.size()) {
      buffer.resize(buffer.size() * 2);
    }
    const ssize_t n = ::read(fd, buffer.data() + used, buffer.size() - used);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      return fail(ErrorCode::io, "read failed: " + reason, path.string());
    }
    if (n == 0) {
      break;
    }
    used += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return std::string_view(buffer.data(), used);
}

Result<std::string> read_file(const fs::path& path) {
  FileBuffer buffer;
  auto bytes = read_file(path, buffer);
  if (!bytes) {
    return tl::unexpected(std::move(bytes.error()));
  }
  return std::string(*bytes);
}

int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

Result<void> write_file_atomically(const fs::path& path, std::string_view content) {
  const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  // The report takes the place of the file it replaces, mode included; a new one is an ordinary
  // file, readable as the umask allows (mkstemp creates 0600).
  struct stat existing {};
  mode_t mode = 0;
  if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = static_cast<mode_t>(0666 & ~mask);
  }
  std::string pattern = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    return fail(ErrorCode::io, std::string("cannot create a temporary file: ") + std::strerror(errno),
                path.string());
  }
  const std::string tmp(name.data());
  const auto give_up = [&](const std::string& what) {
    const std::string reason = what + std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return fail(ErrorCode::io, reason, path.string());
  };
  if (const int error = write_all(fd, content); error != 0) {
    const std::string reason = std::string("write failed: ") + std::strerror(error);
    ::close(fd);
    ::unlink(tmp.c_str());
    return fail(ErrorCode::io, reason, path.string());
  }
  if (::fchmod(fd, mode) != 0) {
    return give_up("cannot set the mode: ");
  }
  if (::fsync(fd) != 0) {
    return give_up("write failed: ");
  }
  if (::close(fd) != 0) {
    const std::string reason = std::string("write failed: ") + std::strerror(errno);
    ::unlink(tmp.c_str());
    return fail(ErrorCode::io, reason, path.string());
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(tmp.c_str());
    return fail(ErrorCode::io, "cannot rename into place: " + reason, path.string());
  }
  return {};
}

}  // namespace chimera::util
