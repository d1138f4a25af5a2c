#include <gtest/gtest.h>

#include <string>

#include "support/process.hpp"

namespace chimera::test {
namespace {

// In a clone with nothing beside it (no ../shared), the tests that read the shared corpora
// failed, three of them by SIGSEGV. Run this very test binary on them with the corpora
// pointed somewhere empty: each must skip and say why, and the run must pass.
TEST(FreshCloneCli, TestsOfTheSharedCorporaSkipWithAReasonWhenTheyAreAbsent) {
  const auto r =
      run_process({"/proc/self/exe",
                   "--gtest_filter=SharedCorpora.*:RecomputeCli.*Sweep*:JsonContractCli.*:"
                   "Ingest.ResultDoesNotDependOnTheNumberOfThreads"},
                  {"CHIMERA_TEST_SHARED_CORPORA=/nonexistent/shared/corpora"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("[  SKIPPED ] SharedCorpora.AgentSweepMetricsJsonColumns"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("the shared corpus /nonexistent/shared/corpora/agent-sweep is absent (a "
                       "clone with no ../shared beside it); this test reads it"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("[  FAILED  ]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[  PASSED  ]"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace chimera::test
