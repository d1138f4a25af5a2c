#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "chimera/util/pages.hpp"
#include "chimera/util/result.hpp"

namespace chimera::util {

// "a FIFO", "a socket", "a character device", ... for a st_mode, as messages name them.
[[nodiscard]] std::string file_type_name(unsigned mode);

// Reads a whole file as bytes. Anything but a regular file (a FIFO, a socket, a device) is an
// error, found without blocking: the file is opened non-blocking and checked on its handle.
[[nodiscard]] Result<std::string> read_file(const std::filesystem::path& path);

// Storage for reading files one after another. It keeps its pages from file to file and lives
// outside the malloc heap, so a run over many files neither faults in fresh pages for each file
// nor leaves each file's freed copy behind in the heap.
using FileBuffer = std::vector<char, PageAllocator<char>>;

// Reads a whole file into `buffer`, growing it when the file is larger than any before, and
// returns its bytes: a view into `buffer`, valid until the buffer is used again. Refuses what is
// not a regular file, as read_file(path) does.
[[nodiscard]] Result<std::string_view> read_file(const std::filesystem::path& path,
                                                 FileBuffer& buffer);

// Writes all of `bytes` to `fd`, resuming after partial writes and EINTR. Returns 0, or the
// errno of the write that failed (ENOSPC, EPIPE, ...): callers tell a reader that went away
// from a failure by it.
[[nodiscard]] int write_all(int fd, std::string_view bytes);

// Writes `content` to a temporary file beside `path`, then renames it over `path`, so a reader
// never sees a half-written file and a failure leaves no temporary behind. The file keeps the
// mode of the regular file it replaces; a new one gets 0666 less the umask.
[[nodiscard]] Result<void> write_file_atomically(const std::filesystem::path& path,
                                                 std::string_view content);

}  // namespace chimera::util
