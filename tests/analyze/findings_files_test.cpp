#include <gtest/gtest.h>

#include "analyze/corpus_builder.hpp"
#include "chimera/analyze/findings.hpp"

namespace chimera::analyze {
namespace {

using testing::file;

TEST(FileFindings, NamesDuplicateFilesAndTheCopyThatIsIgnored) {
  model::Corpus corpus;
  corpus.files = {file("runs/run_002.json", "abc"), file("runs/run_002_copy.json", "abc"),
                  file("runs/run_003.json", "def")};
  const auto findings = file_findings(corpus);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "duplicate-file");
  EXPECT_EQ(findings[0].severity, model::Severity::warning);
  EXPECT_EQ(findings[0].count, 1u);
  EXPECT_EQ(testing::texts(findings[0]),
            (std::vector<std::string>{"runs/run_002.json", "runs/run_002_copy.json"}));
  EXPECT_NE(findings[0].message.find("runs/run_002_copy.json duplicates runs/run_002.json"),
            std::string::npos);
}

TEST(FileFindings, FilesWithoutHashAreNeverDuplicates) {
  model::Corpus corpus;
  corpus.files = {file("a.csv"), file("b.csv")};
  corpus.files[0].content_hash.clear();
  corpus.files[1].content_hash.clear();
  EXPECT_TRUE(file_findings(corpus).empty());
}

TEST(FileFindings, ErrorDiagnosticsMakeAMalformedFileWithEveryLocation) {
  model::Corpus corpus;
  corpus.files = {file("bad.json")};
  corpus.files[0].skipped = true;
  corpus.files[0].skip_reason = "parse error";
  corpus.diagnostics = {{"bad.json", 4, model::Severity::error, "unexpected '}'"},
                        {"bad.json", std::nullopt, model::Severity::error, "no table"}};
  const auto findings = file_findings(corpus);
  ASSERT_EQ(findings.size(), 1u);  // the skip is explained by the error, not reported twice
  EXPECT_EQ(findings[0].id, "malformed-file");
  EXPECT_EQ(findings[0].severity, model::Severity::error);
  EXPECT_EQ(findings[0].message.rfind("bad.json:4: unexpected '}'; fix or remove", 0), 0u);
  EXPECT_EQ(testing::texts(findings[0]),
            (std::vector<std::string>{"bad.json:4: unexpected '}'", "bad.json: no table"}));
}

TEST(FileFindings, SkippedDataFilesAreUnreadableAndOthersSkipped) {
  model::Corpus corpus;
  corpus.files = {file("big.csv"), file("image.png")};
  for (auto& f : corpus.files) {
    f.skipped = true;
    f.skip_reason = "too large";
  }
  const auto findings = file_findings(corpus);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].id, "unreadable-file");
  EXPECT_EQ(findings[0].severity, model::Severity::warning);
  EXPECT_EQ(findings[1].id, "skipped-file");
  EXPECT_EQ(findings[1].severity, model::Severity::info);
  EXPECT_EQ(testing::texts(findings[1]), (std::vector<std::string>{"image.png: too large"}));
}

TEST(FileFindings, SkipWarningsBecomeEvidenceOfTheSkipNotASecondFinding) {
  model::Corpus corpus;
  corpus.files = {file("huge.json")};
  corpus.files[0].skipped = true;
  corpus.files[0].skip_reason = "larger than --max-file-size";
  corpus.diagnostics = {{"huge.json", std::nullopt, model::Severity::warning, "skipped: too big"}};
  const auto findings = file_findings(corpus);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "unreadable-file");
  EXPECT_EQ(testing::texts(findings[0]),
            (std::vector<std::string>{"huge.json: larger than --max-file-size",
                                      "huge.json: skipped: too big"}));
}

TEST(FileFindings, WarningDiagnosticsAreGroupedPerFile) {
  model::Corpus corpus;
  corpus.diagnostics = {{"a.csv", 3, model::Severity::warning, "expected 5 fields, got 4"},
                        {"a.csv", 9, model::Severity::warning, "bad number"},
                        {"", std::nullopt, model::Severity::warning, "corpus-wide"},
                        {"b.csv", 1, model::Severity::info, "note"}};
  const auto findings = file_findings(corpus);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].id, "input-warning");
  EXPECT_EQ(findings[0].evidence.size(), 2u);
  EXPECT_NE(findings[0].message.find("2 problems"), std::string::npos);
}

}  // namespace
}  // namespace chimera::analyze
