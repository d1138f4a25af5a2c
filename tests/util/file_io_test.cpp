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

}  // namespace
}  // namespace chimera::util
