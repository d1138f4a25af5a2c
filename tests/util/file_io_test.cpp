#include "chimera/util/file_io.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>

#include "support/process.hpp"

namespace chimera::util {
namespace {

TEST(FileIo, AtomicWriteReplacesContentAndLeavesNoTemporary) {
  test::TempDir dir;
  const auto path = std::filesystem::path(dir.path()) / "out.md";
  ASSERT_TRUE(write_file_atomically(path, "first"));
  ASSERT_TRUE(write_file_atomically(path, "second"));
  EXPECT_EQ(read_file(path).value(), "second");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) {
    ++entries;
  }
  EXPECT_EQ(entries, 1);
}

TEST(FileIo, AtomicWriteIntoMissingDirectoryFailsWithThePath) {
  const auto r = write_file_atomically("/nonexistent/dir/out.md", "x");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::io);
  EXPECT_EQ(r.error().where, "/nonexistent/dir/out.md");
}

TEST(FileIo, ReadMissingFileFails) {
  const auto r = read_file("/nonexistent/file");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::io);
}

TEST(FileIo, ReadIntoBufferReusesItForFilesLargeAndSmall) {
  test::TempDir dir;
  const auto big = std::filesystem::path(dir.path()) / "big.csv";
  const auto small = std::filesystem::path(dir.path()) / "small.csv";
  const auto empty = std::filesystem::path(dir.path()) / "empty.csv";
  const std::string big_text(100000, 'x');
  ASSERT_TRUE(write_file_atomically(big, big_text));
  ASSERT_TRUE(write_file_atomically(small, "a,b\n1,2\n"));
  ASSERT_TRUE(write_file_atomically(empty, ""));
  FileBuffer buffer;
  EXPECT_EQ(read_file(small, buffer).value(), "a,b\n1,2\n");
  EXPECT_EQ(read_file(big, buffer).value(), big_text);
  const char* storage = buffer.data();
  EXPECT_EQ(read_file(small, buffer).value(), "a,b\n1,2\n");
  EXPECT_EQ(read_file(empty, buffer).value(), "");
  EXPECT_EQ(buffer.data(), storage);
}

TEST(FileIo, ReadIntoBufferReadsAFileWithoutAKnownSize) {
  FileBuffer buffer;
  const auto bytes = read_file("/proc/self/status", buffer);
  ASSERT_TRUE(bytes);
  EXPECT_NE(bytes->find("VmRSS"), std::string_view::npos);
}

TEST(FileIo, ReadIntoBufferFailsOnAMissingFileOrADirectory) {
  FileBuffer buffer;
  const auto missing = read_file("/nonexistent/file", buffer);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::io);
  EXPECT_EQ(missing.error().where, "/nonexistent/file");
  test::TempDir dir;
  EXPECT_FALSE(read_file(dir.path(), buffer));
}

// A FIFO put where a file was blocked open() until a writer came. If the read ever blocks
// again, the test opens the writer itself so that it fails instead of hanging.
TEST(FileIo, ReadingAFifoFailsAtOnceInsteadOfBlocking) {
  test::TempDir dir;
  const std::string fifo = dir.path() + "/runs.csv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto read = std::async(std::launch::async, [&] {
    FileBuffer buffer;
    auto bytes = read_file(fifo, buffer);
    return bytes ? std::string("read ") + std::string(*bytes) : bytes.error().message;
  });
  if (read.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
    const int writer = ::open(fifo.c_str(), O_WRONLY);
    ::close(writer);
    ADD_FAILURE() << "read_file blocked on a FIFO";
  }
  EXPECT_EQ(read.get(), "not a regular file (a FIFO)");
}

TEST(FileIo, ReadingASocketOrADirectoryFailsNamingWhatItIs) {
  test::TempDir dir;
  const std::string socket_path = dir.path() + "/s.json";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  socket_path.copy(address.sun_path, sizeof address.sun_path - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  const auto socket_read = read_file(socket_path);
  ::close(fd);
  ASSERT_FALSE(socket_read.has_value());
  EXPECT_NE(socket_read.error().message.find("cannot open"), std::string::npos)
      << socket_read.error().message;  // open() itself refuses a socket (ENXIO)
  const auto dir_read = read_file(dir.path());
  ASSERT_FALSE(dir_read.has_value());
  EXPECT_EQ(dir_read.error().message, "not a regular file (a directory)");
  const auto null_read = read_file("/dev/null");
  ASSERT_FALSE(null_read.has_value());
  EXPECT_EQ(null_read.error().message, "not a regular file (a character device)");
}

}  // namespace
}  // namespace chimera::util
