#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "chimera/model/corpus.hpp"
#include "chimera/util/result.hpp"

namespace chimera::app {

// Where `-o FILE` writes: FILE as given, for messages, and the file it names once symbolic links
// are followed (the report is written through a link, never over it).
struct OutputTarget {
  std::filesystem::path given;
  std::filesystem::path path;
  bool exists = false;
  bool regular = true;  // false for a device or FIFO, written in place like a shell redirect
};

// Resolves -o FILE before anything runs, so that a report that cannot be written costs no
// analysis. Fails (ErrorCode::io) naming the path and what to do when FILE is a directory, a file
// this user may not write, in a directory where this user cannot create files, or a link loop.
[[nodiscard]] Result<OutputTarget> check_output(const std::filesystem::path& given);

// Fails (ErrorCode::usage) when the target is one of the discovered `files` under `root`: the
// report would replace its own input. Files are compared by device and inode, so a hard link or a
// link inside the inputs counts.
[[nodiscard]] Result<void> check_not_an_input(const OutputTarget& target,
                                              const std::filesystem::path& root,
                                              const std::vector<model::FileEntry>& files);

// Writes the report to the target: a regular or new file atomically (temporary file beside it,
// then rename; the mode of the file replaced is kept), a device or FIFO in place.
[[nodiscard]] Result<void> write_output(const OutputTarget& target, std::string_view report);

// How writing to stdout ended.
enum class StdoutEnd : std::uint8_t { written, reader_gone };

// Writes `text` to stdout (file descriptor 1), every byte or an error, and closes it: nothing
// else is written there after the report. A reader that went away (EPIPE, `chimera ... | head`)
// is not an error: a Unix filter stops quietly.
[[nodiscard]] Result<StdoutEnd> write_stdout(std::string_view text);

}  // namespace chimera::app
