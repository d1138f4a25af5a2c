#include "chimera/prompt/template.hpp"

#include <gtest/gtest.h>

#include "support/process.hpp"

namespace chimera::prompt {
namespace {

Values all_values() {
  Values v;
  for (const auto name : k_placeholders) {
    v[std::string(name)] = "<" + std::string(name) + ">";
  }
  return v;
}

TEST(PromptTemplate, ReplacesNamedPlaceholdersWithOrWithoutSpaces) {
  const PromptText p{"analysis", "a.md", "Evidence:\n{{evidence}}\nCorpus: {{ corpus }}."};
  const auto out = fill(p, all_values());
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(*out, "Evidence:\n<evidence>\nCorpus: <corpus>.");
}

TEST(PromptTemplate, UnknownPlaceholderNamesFileAndLine) {
  const PromptText p{"report", "my/report.md", "line one\nline two\nuse {{evidense}} here\n"};
  const auto out = fill(p, all_values());
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().where, "my/report.md:3");
  EXPECT_NE(out.error().message.find("{{evidense}}"), std::string::npos) << out.error().message;
  EXPECT_FALSE(validate(p));
}

TEST(PromptTemplate, UnterminatedPlaceholderIsAnError) {
  const PromptText p{"report", "r.md", "x {{evidence\n}}"};
  const auto out = validate(p);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().where, "r.md:1");
}

TEST(PromptTemplate, BuiltInPromptsExistAndUseOnlyKnownPlaceholders) {
  for (const char* name : {"system", "analysis", "report"}) {
    const auto p = load_prompt(name, std::nullopt);
    ASSERT_TRUE(p) << name;
    EXPECT_TRUE(validate(*p)) << name;
    EXPECT_GT(p->text.size(), 200u) << name;
  }
}

TEST(PromptTemplate, DirectoryOverridesOnlyThePromptsItHolds) {
  test::TempDir dir;
  dir.write("report.md", "Custom {{analysis}}");
  const auto report = load_prompt("report", std::filesystem::path(dir.path()));
  ASSERT_TRUE(report);
  EXPECT_EQ(report->text, "Custom {{analysis}}");
  EXPECT_EQ(report->origin, dir.path() + "/report.md");
  const auto analysis = load_prompt("analysis", std::filesystem::path(dir.path()));
  ASSERT_TRUE(analysis);
  EXPECT_NE(analysis->origin.find("built in"), std::string::npos);
}

}  // namespace
}  // namespace chimera::prompt
