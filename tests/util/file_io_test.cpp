#include "chimera/util/file_io.hpp"

#include <gtest/gtest.h>

#include <filesystem>

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

}  // namespace
}  // namespace chimera::util
