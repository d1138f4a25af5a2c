#include "chimera/discover/ignore.hpp"

#include <gtest/gtest.h>

namespace chimera::discover {
namespace {

TEST(Glob, StarStaysWithinOneComponent) {
  EXPECT_TRUE(glob_match("*.csv", "a.csv"));
  EXPECT_FALSE(glob_match("*.csv", "dir/a.csv"));
  EXPECT_TRUE(glob_match("run_?.json", "run_1.json"));
  EXPECT_FALSE(glob_match("run_?.json", "run_10.json"));
}

TEST(Glob, DoubleStarCrossesComponents) {
  EXPECT_TRUE(glob_match("**/*.csv", "a.csv"));
  EXPECT_TRUE(glob_match("**/*.csv", "x/y/a.csv"));
  EXPECT_TRUE(glob_match("reports/**", "reports/a/b.md"));
  EXPECT_TRUE(glob_match("a/**/b.md", "a/b.md"));
  EXPECT_TRUE(glob_match("a/**/b.md", "a/x/y/b.md"));
  EXPECT_FALSE(glob_match("a/**/b.md", "c/x/b.md"));
}

TEST(Glob, CharacterSets) {
  EXPECT_TRUE(glob_match("run[0-9].csv", "run7.csv"));
  EXPECT_FALSE(glob_match("run[!0-9].csv", "run7.csv"));
  EXPECT_TRUE(glob_match("[ab].md", "b.md"));
}

TEST(IgnoreRules, SkipsCommentsAndBlankLines) {
  const auto rules = IgnoreRules::parse("# a comment\n\n*.log\n");
  EXPECT_TRUE(rules.ignored("x.log", false));
  EXPECT_FALSE(rules.ignored("# a comment", false));
}

TEST(IgnoreRules, NameWithoutSlashMatchesAtAnyDepth) {
  const auto rules = IgnoreRules::parse("scratch.csv\n");
  EXPECT_TRUE(rules.ignored("scratch.csv", false));
  EXPECT_TRUE(rules.ignored("deep/er/scratch.csv", false));
}

TEST(IgnoreRules, PatternWithSlashIsAnchoredAtTheRoot) {
  const auto rules = IgnoreRules::parse("/old/*.csv\n");
  EXPECT_TRUE(rules.ignored("old/a.csv", false));
  EXPECT_FALSE(rules.ignored("new/old/a.csv", false));
}

TEST(IgnoreRules, TrailingSlashMatchesDirectoriesOnly) {
  const auto rules = IgnoreRules::parse("tmp/\n");
  EXPECT_TRUE(rules.ignored("tmp", true));
  EXPECT_FALSE(rules.ignored("tmp", false));
}

TEST(IgnoreRules, NegationReincludesLaterMatch) {
  const auto rules = IgnoreRules::parse("*.json\n!keep.json\n");
  EXPECT_TRUE(rules.ignored("a.json", false));
  EXPECT_FALSE(rules.ignored("keep.json", false));
  EXPECT_FALSE(rules.matches("keep.md", false));
}

}  // namespace
}  // namespace chimera::discover
