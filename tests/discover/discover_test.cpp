#include "chimera/discover/discover.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "chimera/util/cancel.hpp"
#include "support/process.hpp"

namespace chimera::discover {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> paths(const std::vector<model::FileEntry>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) {
    out.push_back(f.path);
  }
  return out;
}

model::Config config_for(const test::TempDir& dir) {
  model::Config config;
  config.root = dir.path();
  return config;
}

bool mentions(const std::vector<model::Diagnostic>& diagnostics, std::string_view path,
              std::string_view text) {
  for (const auto& d : diagnostics) {
    if (d.path == path && d.message.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(Discover, ListsFilesSortedWithKindSizeAndTime) {
  test::TempDir dir;
  dir.write("b/z.md", "# z\n");
  dir.write("a.csv", "x\n1\n");
  dir.write("b/a.json", "{}");
  dir.write("notes.txt", "hello");
  std::vector<model::Diagnostic> diagnostics;
  const auto files = discover(config_for(dir), diagnostics);
  EXPECT_EQ(paths(files), (std::vector<std::string>{"a.csv", "b/a.json", "b/z.md", "notes.txt"}));
  EXPECT_EQ(files[0].kind, model::FileKind::csv);
  EXPECT_EQ(files[0].bytes, 4u);
  EXPECT_GT(files[0].modified, 1600000000);
  EXPECT_EQ(files[3].kind, model::FileKind::other);
  EXPECT_TRUE(diagnostics.empty());
}

TEST(Discover, ClassifiesByExtensionCaseInsensitively) {
  EXPECT_EQ(classify("a.TSV"), model::FileKind::csv);
  EXPECT_EQ(classify("a.ndjson"), model::FileKind::json);
  EXPECT_EQ(classify("a.jsonl"), model::FileKind::json);
  EXPECT_EQ(classify("a.Markdown"), model::FileKind::markdown);
  EXPECT_EQ(classify("a.txt"), model::FileKind::other);
}

TEST(Discover, SkipsHiddenDirectoriesAndFiles) {
  test::TempDir dir;
  dir.write(".git/config.json", "{}");
  dir.write("sub/.cache/x.csv", "a\n1\n");
  dir.write(".hidden.csv", "a\n1\n");
  dir.write("sub/seen.csv", "a\n1\n");
  std::vector<model::Diagnostic> diagnostics;
  EXPECT_EQ(paths(discover(config_for(dir), diagnostics)),
            (std::vector<std::string>{"sub/seen.csv"}));
}

TEST(Discover, HonoursIncludeAndExcludeGlobsWithDoubleStar) {
  test::TempDir dir;
  dir.write("a.csv", "");
  dir.write("x/b.csv", "");
  dir.write("x/y/c.csv", "");
  dir.write("x/y/d.json", "");
  auto config = config_for(dir);
  config.include = {"x/**/*.csv"};
  std::vector<model::Diagnostic> diagnostics;
  EXPECT_EQ(paths(discover(config, diagnostics)),
            (std::vector<std::string>{"x/b.csv", "x/y/c.csv"}));
  config.include.clear();
  config.exclude = {"**/y/**", "a.csv"};
  EXPECT_EQ(paths(discover(config, diagnostics)), (std::vector<std::string>{"x/b.csv"}));
}

TEST(Discover, HonoursChimeraignoreGlobsDirectoriesNegationAndComments) {
  test::TempDir dir;
  dir.write(".chimeraignore",
            "# scratch output\n*.log.csv\nscratch/\n*.json\n!keep.json\n\n# the end\n");
  dir.write("run.csv", "");
  dir.write("debug.log.csv", "");
  dir.write("scratch/a.csv", "");
  dir.write("data/scratch/b.csv", "");
  dir.write("data/drop.json", "");
  dir.write("data/keep.json", "");
  std::vector<model::Diagnostic> diagnostics;
  EXPECT_EQ(paths(discover(config_for(dir), diagnostics)),
            (std::vector<std::string>{"data/keep.json", "run.csv"}));
}

TEST(Discover, DoesNotFollowSymlinkOutOfRoot) {
  test::TempDir outside;
  outside.write("secret.csv", "a\n1\n");
  test::TempDir dir;
  dir.write("in.csv", "a\n1\n");
  fs::create_symlink(outside.path() + "/secret.csv", dir.path() + "/link.csv");
  fs::create_directory_symlink(outside.path(), dir.path() + "/linkdir");
  std::vector<model::Diagnostic> diagnostics;
  EXPECT_EQ(paths(discover(config_for(dir), diagnostics)), (std::vector<std::string>{"in.csv"}));
  EXPECT_TRUE(mentions(diagnostics, "link.csv", "outside"));
  EXPECT_TRUE(mentions(diagnostics, "linkdir", "outside"));
}

TEST(Discover, FollowsSymlinkInsideRoot) {
  test::TempDir dir;
  dir.write("real/a.csv", "a\n1\n");
  fs::create_symlink(dir.path() + "/real/a.csv", dir.path() + "/alias.csv");
  std::vector<model::Diagnostic> diagnostics;
  EXPECT_EQ(paths(discover(config_for(dir), diagnostics)),
            (std::vector<std::string>{"alias.csv", "real/a.csv"}));
}

TEST(Discover, ReportsSymlinkLoopsWithoutHanging) {
  test::TempDir dir;
  dir.write("sub/a.csv", "a\n1\n");
  fs::create_directory_symlink(dir.path() + "/sub", dir.path() + "/sub/again");
  fs::create_symlink(dir.path() + "/self", dir.path() + "/self");
  std::vector<model::Diagnostic> diagnostics;
  EXPECT_EQ(paths(discover(config_for(dir), diagnostics)), (std::vector<std::string>{"sub/a.csv"}));
  EXPECT_TRUE(mentions(diagnostics, "sub/again", "loop"));
  EXPECT_TRUE(mentions(diagnostics, "self", "loop"));
}

// A FIFO, socket or device used to vanish from the file list without a word.
TEST(Discover, ListsAFifoSkippedWithWhatItIs) {
  test::TempDir dir;
  dir.write("a.csv", "x\n1\n");
  ASSERT_EQ(::mkfifo((dir.path() + "/pipe.csv").c_str(), 0600), 0);
  std::vector<model::Diagnostic> diagnostics;
  const auto files = discover(config_for(dir), diagnostics);
  ASSERT_EQ(paths(files), (std::vector<std::string>{"a.csv", "pipe.csv"}));
  EXPECT_FALSE(files[0].skipped);
  EXPECT_TRUE(files[1].skipped);
  EXPECT_EQ(files[1].kind, model::FileKind::csv);
  EXPECT_EQ(files[1].bytes, 0u);
  EXPECT_EQ(files[1].skip_reason, "not a regular file (a FIFO); not read");
}

TEST(Discover, StopsWalkingAfterACancelRequest) {
  test::TempDir dir;
  dir.write("a.csv", "x\n1\n");
  dir.write("b/c.csv", "x\n1\n");
  std::vector<model::Diagnostic> diagnostics;
  util::request_cancel();
  const auto files = discover(config_for(dir), diagnostics);
  util::reset_cancel();
  EXPECT_TRUE(files.empty());
}

TEST(Discover, MarksFilesOverMaxSizeSkipped) {
  test::TempDir dir;
  dir.write("small.csv", "a\n1\n");
  dir.write("big.csv", std::string(2048, 'x'));
  auto config = config_for(dir);
  config.max_file_size = 1024;
  std::vector<model::Diagnostic> diagnostics;
  const auto files = discover(config, diagnostics);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_TRUE(files[0].skipped);
  EXPECT_NE(files[0].skip_reason.find("--max-file-size"), std::string::npos);
  EXPECT_EQ(files[0].bytes, 2048u);
  EXPECT_FALSE(files[1].skipped);
}

TEST(Discover, ReportsUnreadableDirectory) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "root reads any directory";
  }
  test::TempDir dir;
  dir.write("locked/a.csv", "a\n1\n");
  fs::permissions(dir.path() + "/locked", fs::perms::none);
  std::vector<model::Diagnostic> diagnostics;
  const auto files = discover(config_for(dir), diagnostics);
  fs::permissions(dir.path() + "/locked", fs::perms::owner_all);
  EXPECT_TRUE(files.empty());
  EXPECT_TRUE(mentions(diagnostics, "locked", "cannot read directory"));
}

}  // namespace
}  // namespace chimera::discover
