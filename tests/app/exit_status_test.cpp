#include "chimera/app/exit_status.hpp"

#include <gtest/gtest.h>

#include "support/report_sample.hpp"

namespace chimera::app {
namespace {

struct Case {
  test::ReportSample sample = test::make_report_sample();
  model::LlmOutcome llm = test::make_llm_ok("Throughput 69.1 tok/s.", "## Executive Summary\nok");
  Case() { sample.analysis.inventory.skipped.clear(); }
  ExitCode run(std::string& why) {
    const auto narrative = render::build_narrative(llm, "69.1 tok/s");
    return exit_status(sample.config, sample.analysis, llm, narrative, why);
  }
};

TEST(ExitStatus, CleanRunIsOkEvenUnderStrict) {
  Case c;
  std::string why;
  c.sample.config.strict = true;
  EXPECT_EQ(c.run(why), ExitCode::ok);
  EXPECT_EQ(why, "");
}

TEST(ExitStatus, FailedPassIsDegradedWithoutStrict) {
  Case c;
  c.llm.status = model::LlmStatus::failed;
  std::string why;
  EXPECT_EQ(c.run(why), ExitCode::degraded);
}

TEST(ExitStatus, UnsupportedNumberIsDegradedOnlyUnderStrict) {
  Case c;
  c.llm.passes[0].text = "Throughput 99 tok/s and 92.3% accuracy.";
  std::string why;
  EXPECT_EQ(c.run(why), ExitCode::ok);
  c.sample.config.strict = true;
  EXPECT_EQ(c.run(why), ExitCode::degraded);
  EXPECT_EQ(why, "--strict: 2 numbers in the LLM's text are not in the evidence (see Grounding)");
}

TEST(ExitStatus, SkippedFileIsDegradedUnderStrict) {
  Case c;
  c.sample.config.strict = true;
  c.sample.analysis.inventory.skipped = {{"big.csv", "too large"}};
  std::string why;
  EXPECT_EQ(c.run(why), ExitCode::degraded);
  EXPECT_EQ(why, "--strict: 1 file was skipped (see Data Ingestion Summary)");
}

TEST(ExitStatus, StrictNamesBothSkippedFilesAndUnsupportedNumbers) {
  Case c;
  c.sample.config.strict = true;
  c.sample.analysis.inventory.skipped = {{"big.csv", "too large"}, {"bad.json", "malformed"}};
  c.llm.passes[0].text = "Accuracy was 92.3%.";
  std::string why;
  EXPECT_EQ(c.run(why), ExitCode::degraded);
  EXPECT_EQ(why,
            "--strict: 2 files were skipped (see Data Ingestion Summary); 1 number in the LLM's "
            "text is not in the evidence (see Grounding)");
}

}  // namespace
}  // namespace chimera::app
