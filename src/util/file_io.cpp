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

Result<std::string_view> read_file(const fs::path& path, FileBuffer& buffer) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return fail(ErrorCode::io, std::string("cannot open: ") + std::strerror(errno), path.string());
  }
  struct stat info {};
  const bool sized = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  // A byte more than the size: a file that grew since it was measured is still read whole.
  const std::size_t room = (sized ? static_cast<std::size_t>(info.st_size) : 0) + 1;
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

Result<void> write_file_atomically(const fs::path& path, std::string_view content) {
  const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::string pattern = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    return fail(ErrorCode::io, std::string("cannot create a temporary file: ") + std::strerror(errno),
                path.string());
  }
  const std::string tmp(name.data());
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return fail(ErrorCode::io, "write failed: " + reason, path.string());
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; a report is an ordinary file, readable as the umask allows.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, static_cast<mode_t>(0666 & ~mask));
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(tmp.c_str());
    return fail(ErrorCode::io, "write failed: " + reason, path.string());
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(tmp.c_str());
    return fail(ErrorCode::io, "cannot rename into place: " + reason, path.string());
  }
  return {};
}

}  // namespace chimera::util
