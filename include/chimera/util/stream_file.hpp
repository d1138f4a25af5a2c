#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "chimera/util/result.hpp"

namespace chimera::util {

// Output written in pieces, to a file atomically (a temporary file beside it, renamed over it by
// commit(); the mode of a regular file replaced is kept) or to an open descriptor (stdout, a
// device or FIFO) as it comes. Pieces are gathered into writes of about 1 MiB. A writer
// destroyed without commit() leaves no temporary file behind.
class StreamFile {
 public:
  // A temporary file beside `path` (which need not exist), renamed over it by commit().
  [[nodiscard]] static Result<StreamFile> atomic(const std::filesystem::path& path);
  // Writes to `fd` in place; `name` is for messages ("stdout"). The descriptor is closed by
  // commit() when `close_on_commit`.
  [[nodiscard]] static StreamFile on_descriptor(int fd, std::string name, bool close_on_commit);

  StreamFile(StreamFile&& other) noexcept;
  StreamFile& operator=(StreamFile&&) = delete;
  StreamFile(const StreamFile&) = delete;
  StreamFile& operator=(const StreamFile&) = delete;
  ~StreamFile();

  // Appends `bytes`; returns 0, or the errno of a write that failed (EPIPE: the reader went
  // away), after which every write fails the same way.
  [[nodiscard]] int write(std::string_view bytes);
  // The buffer to append to directly; flush_if_full() after appending.
  [[nodiscard]] std::string& buffer() { return m_buffer; }
  [[nodiscard]] int flush_if_full();
  // Writes what is buffered; returns 0 or the errno of the failed write, as write() does.
  [[nodiscard]] int flush();
  // Writes what is buffered, then syncs, closes and renames a temporary file into place.
  [[nodiscard]] Result<void> commit();

 private:
  StreamFile() = default;

  int m_fd = -1;
  bool m_close = false;
  std::string m_name;       // for messages
  std::string m_temporary;  // "" when writing in place
  std::filesystem::path m_target;
  unsigned m_mode = 0;
  int m_error = 0;
  std::string m_buffer;
};

}  // namespace chimera::util
