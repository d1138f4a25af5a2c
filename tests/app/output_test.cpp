#include "chimera/app/output.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/process.hpp"

namespace chimera::app {
namespace {

namespace fs = std::filesystem;

TEST(Output, FollowsAChainOfRelativeLinksToTheFileTheyName) {
  test::TempDir dir;
  fs::create_directory(dir.path() + "/a");
  fs::create_symlink("a/second.md", dir.path() + "/first.md");
  fs::create_symlink("../real.md", dir.path() + "/a/second.md");
  const auto target = check_output(dir.path() + "/first.md");
  ASSERT_TRUE(target) << target.error().message;
  EXPECT_EQ(target->path, fs::path(dir.path() + "/a/../real.md"));
  EXPECT_FALSE(target->exists);
  EXPECT_TRUE(target->regular);
}

TEST(Output, ALinkLoopIsAnErrorNamingThePathGiven) {
  test::TempDir dir;
  fs::create_symlink("b.md", dir.path() + "/a.md");
  fs::create_symlink("a.md", dir.path() + "/b.md");
  const auto target = check_output(dir.path() + "/a.md");
  ASSERT_FALSE(target);
  EXPECT_EQ(target.error().code, ErrorCode::io);
  EXPECT_EQ(target.error().where, dir.path() + "/a.md");
  EXPECT_NE(target.error().message.find("too many levels of symbolic links"), std::string::npos);
}

TEST(Output, ADeviceIsWrittenInPlaceAndItsErrorsAreReported) {
  const auto target = check_output("/dev/full");
  ASSERT_TRUE(target) << target.error().message;
  EXPECT_FALSE(target->regular);
  const auto written = write_output(*target, "report");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().message, "write failed: No space left on device");
  EXPECT_TRUE(fs::is_character_file("/dev/full"));
}

TEST(Output, AFileThatIsNotAnInputPassesTheCheck) {
  test::TempDir dir;
  dir.write("in/a.csv", "x\n1\n");
  dir.write("out.md", "x\n1\n");  // same size, other inode
  const auto target = check_output(dir.path() + "/out.md");
  ASSERT_TRUE(target);
  model::FileEntry entry;
  entry.path = "a.csv";
  entry.bytes = 4;
  EXPECT_TRUE(check_not_an_input(*target, dir.path() + "/in", {entry}));
}

}  // namespace
}  // namespace chimera::app
