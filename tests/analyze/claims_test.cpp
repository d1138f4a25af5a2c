#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus_files.hpp"

namespace chimera::analyze {
namespace {

using testing::analyze_files;
using testing::Files;

// Four configurations (num_gpu 40/80 x num_ctx 512/1024), four runs each; the first run of
// each is cold (TTFT over a second). Means of throughput: 101.5, 106.5, 91.5, 96.5 tok/s.
// Warm TTFT means: 90, 82, 120, 112 ms; with the cold run: 417.5, 386.5, 465, 484 ms.
const char* const k_runs =
    "num_gpu,num_ctx,run,ttft_ms,throughput_tok_s\n"
    "80,512,1,1400,100.0\n80,512,2,90,101.0\n80,512,3,92,102.0\n80,512,4,88,103.0\n"
    "80,1024,1,1300,105.0\n80,1024,2,80,106.0\n80,1024,3,82,107.0\n80,1024,4,84,108.0\n"
    "40,512,1,1500,90.0\n40,512,2,120,91.0\n40,512,3,121,92.0\n40,512,4,119,93.0\n"
    "40,1024,1,1600,95.0\n40,1024,2,110,96.0\n40,1024,3,112,97.0\n40,1024,4,114,98.0\n";

const char* const k_restating =
    "# Sweep summary\n\n"
    "| Config | Throughput (tok/s) | TTFT (ms) |\n"
    "|---|---|---|\n"
    "| num_gpu=80, num_ctx=512 | 101.50 | 417.5 |\n"
    "| num_gpu=80, num_ctx=1024 | 106.50 | 386.5 |\n"
    "| num_gpu=40, num_ctx=512 | 91.50 | 465.0 |\n"
    "| num_gpu=40, num_ctx=1024 | 96.50 | 484.0 |\n\n"
    "- Warm TTFT (num_gpu=80, num_ctx=1024): 82 ms\n"
    "- Median throughput for g80_c1024: 106.5 tok/s\n";

const char* const k_drifted =
    "# Sweep notes\n\n"
    "## 2.1 Results\n\n"
    "The best configuration is num_gpu=80, num_ctx=512 at 101.5 tok/s.\n\n"
    "- Average warm TTFT for num_gpu=40, num_ctx=512: 465 ms\n\n"
    "Raising num_ctx from 512 to 1024 gives 15-20% more throughput.\n\n"
    "| Config | TTFT (ms) | Throughput (tok/s) |\n"
    "|---|---|---|\n"
    "| num_gpu=40, num_ctx=1024 | 96.5 | 112 |\n\n"
    "llama3:70b reached 45.2 tok/s with num_gpu=80, num_ctx=512.\n\n"
    "Ran on 2025-11-10 with chimera v1.2.3: 16 runs over 4 configurations in 3 files.\n"
    "Section 3 lists 2 tables.\n";

const model::Claim* claim_at(const model::Analysis& a, const std::string& source, std::size_t line,
                             double value) {
  for (const auto& c : a.claims.items) {
    if (c.source == source && c.line == line && c.value == value) {
      return &c;
    }
  }
  return nullptr;
}

std::string describe(const model::Analysis& a) {
  std::string out;
  for (const auto& c : a.claims.items) {
    out += c.source + ":" + std::to_string(c.line) + " " + std::to_string(c.value) + " " +
           std::string(model::to_string(c.verdict)) + " " +
           (c.data ? c.data->statistic + "=" + std::to_string(c.data->value) : "-") + " " +
           c.reason + "\n";
  }
  return out;
}

TEST(Claims, ASummaryRestatingMeansIsSupportedThroughout) {
  const auto a = analyze_files({{"data/runs.csv", k_runs}, {"reports/summary.md", k_restating}});
  ASSERT_EQ(a.claims.documents.size(), 1U) << describe(a);
  EXPECT_EQ(a.claims.checked, 10U) << describe(a);
  EXPECT_EQ(a.claims.supported, 10U) << describe(a);
  EXPECT_EQ(a.claims.contradicted, 0U) << describe(a);
  const auto* warm = claim_at(a, "reports/summary.md", 10, 82);
  ASSERT_NE(warm, nullptr) << describe(a);
  ASSERT_TRUE(warm->data);
  EXPECT_EQ(warm->data->statistic, "warm mean");
  EXPECT_EQ(warm->data->n, 3U);
  EXPECT_EQ(warm->data->sources, std::vector<std::string>{"data/runs.csv"});
  for (const auto& f : a.findings) {
    EXPECT_NE(f.id, "document-drift") << f.message;
  }
}

TEST(Claims, AWrongBestIsContradictedByTheRanking) {
  const auto a = analyze_files({{"data/runs.csv", k_runs}, {"reports/notes.md", k_drifted}});
  const auto* best = claim_at(a, "reports/notes.md", 5, 101.5);
  ASSERT_NE(best, nullptr) << describe(a);
  EXPECT_EQ(best->verdict, model::ClaimVerdict::contradicted) << describe(a);
  EXPECT_NE(best->reason.find("ranked 2 of 4"), std::string::npos) << best->reason;
  EXPECT_NE(best->reason.find("num_ctx=1024, num_gpu=80 at 106.5"), std::string::npos) << best->reason;
}

TEST(Claims, AWarmFigureThatIncludesTheColdRunIsContradictedByTheWarmMean) {
  const auto a = analyze_files({{"data/runs.csv", k_runs}, {"reports/notes.md", k_drifted}});
  const auto* warm = claim_at(a, "reports/notes.md", 7, 465);
  ASSERT_NE(warm, nullptr) << describe(a);
  EXPECT_EQ(warm->verdict, model::ClaimVerdict::contradicted) << describe(a);
  ASSERT_TRUE(warm->data);
  EXPECT_EQ(warm->data->statistic, "warm mean");
  EXPECT_DOUBLE_EQ(warm->data->value, 120);
  EXPECT_EQ(warm->data->n, 3U);
  ASSERT_TRUE(warm->diff_pct);
  EXPECT_NEAR(*warm->diff_pct, 287.5, 0.01);
  EXPECT_NE(warm->reason.find("cold first run included"), std::string::npos) << warm->reason;
}

TEST(Claims, APercentageTheDataDoNotGiveIsContradictedByTheNearestChange) {
  const auto a = analyze_files({{"data/runs.csv", k_runs}, {"reports/notes.md", k_drifted}});
  const auto* pct = claim_at(a, "reports/notes.md", 9, 15);
  ASSERT_NE(pct, nullptr) << describe(a);
  EXPECT_EQ(pct->verdict, model::ClaimVerdict::contradicted) << describe(a);
  ASSERT_TRUE(pct->data);
  // The largest change num_ctx gives: 96.5 / 91.5 - 1 = 5.46% at num_gpu=40.
  EXPECT_NEAR(pct->data->value, 5.464, 0.001);
  EXPECT_NE(pct->data->statistic.find("num_ctx"), std::string::npos) << pct->data->statistic;
  // "from 512 to 1024" are the setting's values, not claims.
  EXPECT_EQ(claim_at(a, "reports/notes.md", 9, 512), nullptr) << describe(a);
  EXPECT_EQ(claim_at(a, "reports/notes.md", 9, 1024), nullptr) << describe(a);
}

TEST(Claims, SwappedColumnsAreBothContradicted) {
  const auto a = analyze_files({{"data/runs.csv", k_runs}, {"reports/notes.md", k_drifted}});
  const auto* ttft = claim_at(a, "reports/notes.md", 13, 96.5);
  const auto* tput = claim_at(a, "reports/notes.md", 13, 112);
  ASSERT_NE(ttft, nullptr) << describe(a);
  ASSERT_NE(tput, nullptr) << describe(a);
  EXPECT_EQ(ttft->metric, model::MetricKind::ttft);
  EXPECT_EQ(ttft->verdict, model::ClaimVerdict::contradicted) << describe(a);
  ASSERT_TRUE(ttft->data);
  EXPECT_EQ(ttft->data->statistic, "min");  // 110 ms, the nearest TTFT of num_gpu=40, num_ctx=1024
  EXPECT_DOUBLE_EQ(ttft->data->value, 110);
  EXPECT_EQ(tput->metric, model::MetricKind::throughput);
  EXPECT_EQ(tput->verdict, model::ClaimVerdict::contradicted) << describe(a);
  ASSERT_TRUE(tput->data);
  EXPECT_EQ(tput->data->statistic, "max");  // 98 tok/s
  EXPECT_DOUBLE_EQ(tput->data->value, 98);
  EXPECT_EQ(tput->data->config, (model::GroupKey{{"num_ctx", "1024"}, {"num_gpu", "40"}}));
}

TEST(Claims, AModelWithNoRunsIsUnmatched) {
  const auto a = analyze_files({{"data/runs.csv", k_runs}, {"reports/notes.md", k_drifted}});
  const auto* other = claim_at(a, "reports/notes.md", 15, 45.2);
  ASSERT_NE(other, nullptr) << describe(a);
  EXPECT_EQ(other->verdict, model::ClaimVerdict::unmatched) << describe(a);
  EXPECT_FALSE(other->data);
  EXPECT_NE(other->reason.find("llama3:70b"), std::string::npos) << other->reason;
}

TEST(Claims, SectionNumbersDatesVersionsAndCountsAreNotClaims) {
  const auto a = analyze_files({{"data/runs.csv", k_runs}, {"reports/notes.md", k_drifted}});
  for (const auto& c : a.claims.items) {
    EXPECT_LT(c.line, 17U) << "line " << c.line << " holds no measurement: " << c.text;
    EXPECT_NE(c.line, 3U) << c.text;
  }
  // Exactly six numbers: the best, the warm TTFT, the range, two swapped cells, llama3.
  EXPECT_EQ(a.claims.checked, 6U) << describe(a);
}

TEST(Claims, ADocumentWithContradictionsIsADriftFinding) {
  const auto a = analyze_files({{"data/runs.csv", k_runs}, {"reports/notes.md", k_drifted}});
  ASSERT_EQ(a.claims.documents.size(), 1U);
  EXPECT_EQ(a.claims.documents[0].contradicted, 5U) << describe(a);
  EXPECT_EQ(a.claims.documents[0].unmatched, 1U) << describe(a);
  std::size_t drift = 0;
  for (const auto& f : a.findings) {
    if (f.id == "document-drift") {
      ++drift;
      EXPECT_EQ(f.count, 5U);
      EXPECT_NE(f.message.find("reports/notes.md"), std::string::npos) << f.message;
    }
  }
  EXPECT_EQ(drift, 1U);
}

TEST(Claims, APeakNoRunReachesIsContradictedByTheMaximum) {
  const auto a = analyze_files(
      {{"data/runs.csv", k_runs}, {"peak.md", "# Peak\n\nPeak throughput reached 120 tok/s.\n"}});
  const auto* peak = claim_at(a, "peak.md", 3, 120);
  ASSERT_NE(peak, nullptr) << describe(a);
  EXPECT_EQ(peak->verdict, model::ClaimVerdict::contradicted) << describe(a);
  ASSERT_TRUE(peak->data);
  EXPECT_EQ(peak->data->statistic, "max");
  EXPECT_DOUBLE_EQ(peak->data->value, 108);
}

TEST(Claims, SecondsAndMillisecondsAreTheSameClaim) {
  const auto a =
      analyze_files({{"data/runs.csv", k_runs},
                     {"s.md", "# TTFT\n\n- Mean TTFT at num_gpu=40, num_ctx=1024: 0.484 s\n"}});
  const auto* c = claim_at(a, "s.md", 3, 0.484);
  ASSERT_NE(c, nullptr) << describe(a);
  EXPECT_EQ(c->verdict, model::ClaimVerdict::supported) << describe(a);
  ASSERT_TRUE(c->data);
  EXPECT_EQ(c->data->statistic, "mean");
  EXPECT_DOUBLE_EQ(c->data->value, 0.484);  // in the claim's unit
}

}  // namespace
}  // namespace chimera::analyze
