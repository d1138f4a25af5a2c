#include "chimera/util/stream_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "chimera/util/file_io.hpp"

namespace chimera::util {
namespace {

constexpr std::size_t k_chunk = std::size_t{1} << 20;

}  // namespace

Result<StreamFile> StreamFile::atomic(const std::filesystem::path& path) {
  StreamFile out;
  out.m_target = path;
  out.m_name = path.string();
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    out.m_mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    out.m_mode = 0666 & ~mask;
  }
  const std::filesystem::path dir = path.parent_path().empty() ? "." : path.parent_path();
  const std::string pattern = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  out.m_fd = ::mkstemp(name.data());
  if (out.m_fd < 0) {
    return fail(ErrorCode::io,
                std::string("cannot create a temporary file: ") + std::strerror(errno),
                path.string());
  }
  out.m_temporary = name.data();
  out.m_close = true;
  out.m_buffer.reserve(k_chunk + k_chunk / 4);
  return out;
}

StreamFile StreamFile::on_descriptor(int fd, std::string name, bool close_on_commit) {
  StreamFile out;
  out.m_fd = fd;
  out.m_name = std::move(name);
  out.m_close = close_on_commit;
  out.m_buffer.reserve(k_chunk + k_chunk / 4);
  return out;
}

StreamFile::StreamFile(StreamFile&& other) noexcept
    : m_fd(other.m_fd),
      m_close(other.m_close),
      m_name(std::move(other.m_name)),
      m_temporary(std::move(other.m_temporary)),
      m_target(std::move(other.m_target)),
      m_mode(other.m_mode),
      m_error(other.m_error),
      m_buffer(std::move(other.m_buffer)) {
  other.m_fd = -1;
  other.m_temporary.clear();
}

StreamFile::~StreamFile() {
  if (!m_temporary.empty()) {
    ::close(m_fd);
    ::unlink(m_temporary.c_str());
  }
}

int StreamFile::flush() {
  if (m_error == 0 && !m_buffer.empty()) {
    m_error = write_all(m_fd, m_buffer);
  }
  m_buffer.clear();
  return m_error;
}

int StreamFile::write(std::string_view bytes) {
  m_buffer.append(bytes);
  return flush_if_full();
}

int StreamFile::flush_if_full() {
  return m_buffer.size() >= k_chunk ? flush() : m_error;
}

Result<void> StreamFile::commit() {
  if (const int error = flush(); error != 0) {
    return fail(ErrorCode::io, std::string("write failed: ") + std::strerror(error), m_name);
  }
  if (m_temporary.empty()) {
    if (m_close && ::close(m_fd) != 0 && errno != EINTR) {
      return fail(ErrorCode::io, std::string("write failed: ") + std::strerror(errno), m_name);
    }
    return {};
  }
  const auto give_up = [&](const char* what) {
    return fail(ErrorCode::io, std::string(what) + std::strerror(errno), m_name);
  };
  if (::fchmod(m_fd, static_cast<mode_t>(m_mode)) != 0) {
    return give_up("cannot set the mode: ");
  }
  if (::fsync(m_fd) != 0) {
    return give_up("write failed: ");
  }
  const int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0) {
    return give_up("write failed: ");
  }
  if (std::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
    return give_up("cannot rename into place: ");
  }
  m_temporary.clear();
  return {};
}

}  // namespace chimera::util
