#include "chimera/app/narrative_claims.hpp"

#include <gtest/gtest.h>

#include "../analyze/corpus_files.hpp"

namespace chimera::app {
namespace {

// Two configurations of four runs: throughput means 101.5 (num_gpu=80) and 96.5 (num_gpu=40).
const char* const k_runs =
    "num_gpu,run,throughput_tok_s\n"
    "80,1,100.0\n80,2,101.0\n80,3,102.0\n80,4,103.0\n"
    "40,1,95.0\n40,2,96.0\n40,3,97.0\n40,4,98.0\n";

class NarrativeClaims : public ::testing::Test {
 protected:
  model::Analysis m_analysis = analyze::testing::analyze_files({{"runs.csv", k_runs}});
  grounding::SentenceJudge m_judge = narrative_judge(m_analysis);
  // The evidence holds 97 (a run's throughput), as the example corpus's evidence holds 97.09.
  grounding::Evidence m_evidence{"throughput_tok_s: 97.0 101.5 96.5 at num_gpu=80 and num_gpu=40"};

  std::vector<grounding::Mention> check(std::string_view text) {
    return grounding::check(text, "Executive Summary", m_evidence, &m_judge);
  }
};

TEST_F(NarrativeClaims, AQuantityNoRunMeasuresIsUnsupportedThoughTheEvidenceHoldsTheNumber) {
  const auto m = check("GPU utilisation of 97% was observed.");
  ASSERT_EQ(m.size(), 1U);
  EXPECT_FALSE(m[0].supported);
  EXPECT_EQ(m[0].why, "it is about a quantity no run measures");
  // Without the judge, the evidence's 97.0 used to pass it.
  const auto plain = grounding::check("GPU utilisation of 97% was observed.", "x", m_evidence);
  ASSERT_EQ(plain.size(), 1U);
  EXPECT_TRUE(plain[0].supported);
}

TEST_F(NarrativeClaims, AValueOfTheConfigurationNamedIsSupported) {
  const auto m = check("Mean throughput at num_gpu=80 was 101.5 tok/s.");
  ASSERT_EQ(m.size(), 2U);  // the setting's 80, then the claim
  EXPECT_TRUE(m[0].supported) << m[0].why;
  EXPECT_EQ(m[1].text, "101.5 tok/s");
  EXPECT_TRUE(m[1].supported) << m[1].why;
}

TEST_F(NarrativeClaims, AnotherConfigurationsValueIsUnsupportedWithTheRunsValue) {
  const auto m = check("Mean throughput at num_gpu=40 was 101.5 tok/s.");
  ASSERT_EQ(m.size(), 2U);
  EXPECT_EQ(m[1].text, "101.5 tok/s");
  EXPECT_FALSE(m[1].supported);
  EXPECT_EQ(m[1].why, "the runs give mean 96.50 tok/s for num_gpu=40");
}

TEST_F(NarrativeClaims, ANumberWhoseSentenceNamesNoMetricIsLeftToTheEvidence) {
  const auto m = check("We saw 96.5 and 12.25 in the notes.");
  ASSERT_EQ(m.size(), 2U);
  EXPECT_TRUE(m[0].supported);
  EXPECT_FALSE(m[1].supported);
  EXPECT_EQ(m[1].why, "no number of the evidence rounds to it");
}

}  // namespace
}  // namespace chimera::app
