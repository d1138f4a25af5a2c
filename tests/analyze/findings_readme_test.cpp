#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

// README's Findings table is the contract for finding ids: every id the findings code can emit
// is in it with its severity, and it lists no id the code does not emit.

namespace chimera::analyze {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// String literals of the findings sources that are whole finding ids ("cold-start").
std::set<std::string> ids_in_code() {
  std::set<std::string> ids;
  // Hyphenated literals are ids wherever they stand (a table of checks names them); a one-word
  // id is caught where it is assigned.
  const std::regex literal(R"re("([a-z]+(?:-[a-z]+)+)"|\.id = "([a-z]+)")re");
  for (const auto& entry : fs::directory_iterator(fs::path(CHIMERA_SOURCE_DIR) / "src/analyze")) {
    const auto name = entry.path().filename().string();
    if (!name.starts_with("findings") || entry.path().extension() != ".cpp") {
      continue;
    }
    const std::string text = read_all(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
      ids.insert((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
    }
  }
  return ids;
}

// id -> severity, from the rows of README's Findings table.
std::map<std::string, std::string> ids_in_readme() {
  const std::string readme = read_all(fs::path(CHIMERA_SOURCE_DIR) / "README.md");
  const auto section = readme.find("### Findings");
  EXPECT_NE(section, std::string::npos);
  std::map<std::string, std::string> ids;
  const std::regex row(R"(\n\| `([a-z-]+)` \| (error|warning|info) \|)");
  const std::string rest = readme.substr(section, readme.find("\n## ", section) - section);
  for (std::sregex_iterator it(rest.begin(), rest.end(), row), end; it != end; ++it) {
    ids.emplace((*it)[1].str(), (*it)[2].str());
  }
  return ids;
}

TEST(FindingsReadme, ListsEveryIdTheCodeEmitsAndNoOther) {
  const auto code = ids_in_code();
  const auto readme = ids_in_readme();
  ASSERT_GE(code.size(), 18u) << "the findings sources moved; update this test";
  for (const auto& id : code) {
    EXPECT_EQ(readme.count(id), 1u) << id << " is emitted but not in README's Findings table";
  }
  for (const auto& [id, severity] : readme) {
    EXPECT_EQ(code.count(id), 1u) << id << " is in README's Findings table but never emitted";
  }
}

TEST(FindingsReadme, SpotChecksSeveritiesAndListsThemInReportOrder) {
  const auto readme = ids_in_readme();
  ASSERT_FALSE(readme.empty());
  EXPECT_EQ(readme.at("malformed-file"), "error");
  EXPECT_EQ(readme.at("impossible-value"), "warning");
  EXPECT_EQ(readme.at("near-duplicate-file"), "warning");
  EXPECT_EQ(readme.at("few-samples"), "info");
  EXPECT_EQ(readme.at("outlier"), "info");
  // Errors first, then warnings, then info: the table reads in the report's order.
  const std::string text = read_all(fs::path(CHIMERA_SOURCE_DIR) / "README.md");
  const auto at = [&](const std::string& id) { return text.find("| `" + id + "` |"); };
  EXPECT_LT(at("malformed-file"), at("impossible-value"));
  EXPECT_LT(at("missing-metric"), at("few-samples"));
}

}  // namespace
}  // namespace chimera::analyze
