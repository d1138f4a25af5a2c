#include "chimera/analyze/claim_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace chimera::analyze {
namespace {

std::vector<TextClaim> claims_of(std::string text, model::PassageKind kind,
                                 std::string heading = "", std::string_view header = {}) {
  model::Passage passage{"r.md", 1, kind, std::move(heading), std::move(text)};
  return claims_in(passage, header);
}

TEST(ClaimText, ReadsValueUnitMetricAndContextOfABullet) {
  const auto c = claims_of("Mean TTFT at num_gpu=80: 1.35 s", model::PassageKind::item);
  ASSERT_EQ(c.size(), 1U);
  EXPECT_DOUBLE_EQ(c[0].value, 1.35);
  EXPECT_EQ(c[0].decimals, 2);
  EXPECT_EQ(c[0].unit, "s");
  EXPECT_EQ(c[0].kind, model::MetricKind::ttft);
  EXPECT_EQ(c[0].named_stat, "mean");
  ASSERT_FALSE(c[0].context.settings.empty());
  EXPECT_EQ(c[0].context.settings[0], (std::pair<std::string, std::string>{"num_gpu", "80"}));
}

TEST(ClaimText, ATableCellTakesItsMetricAndUnitFromTheHeader) {
  const auto c = claims_of("g80_c1024_t0.8 | 101.78 | 412", model::PassageKind::table_row, "",
                           "Config | Throughput (tok/s) | TTFT (ms)");
  ASSERT_EQ(c.size(), 2U);
  EXPECT_EQ(c[0].kind, model::MetricKind::throughput);
  EXPECT_EQ(c[0].unit, "tok/s");
  EXPECT_EQ(c[1].kind, model::MetricKind::ttft);
  EXPECT_EQ(c[1].unit, "ms");
  EXPECT_EQ(c[0].context.settings,
            (std::vector<std::pair<std::string, std::string>>{
                {"num_gpu", "80"}, {"num_ctx", "1024"}, {"temperature", "0.8"}}));
}

TEST(ClaimText, WarmBestAndRangesAreRead) {
  const auto warm =
      claims_of("Warm TTFT excluding the cold start was 90 ms.", model::PassageKind::text);
  ASSERT_EQ(warm.size(), 1U);
  EXPECT_TRUE(warm[0].warm);
  const auto best =
      claims_of("The fastest configuration reached 102.31 tok/s.", model::PassageKind::text);
  ASSERT_EQ(best.size(), 1U);
  EXPECT_TRUE(best[0].best);
  const auto range = claims_of("num_ctx gives 15-20% more throughput.", model::PassageKind::text);
  ASSERT_EQ(range.size(), 1U);
  EXPECT_EQ(range[0].stat, ClaimStat::relative);
  EXPECT_DOUBLE_EQ(range[0].value, 15);
  EXPECT_DOUBLE_EQ(range[0].upper, 20);
}

TEST(ClaimText, NumbersThatAreNotMeasurementsAreNotClaims) {
  for (const char* text :
       {"Ran on 2025-11-10 at 05:17:25 with Rust 1.90.0.", "We ran 16 runs in 3 files.",
        "Run 3 used gemma3 with q4_0 and num_gpu=80.", "Section 3.2 lists 2 tables.",
        "Expected throughput: 102.31 tok/s", "Throughput: 95 requests/second",
        "Context: 512 tokens", "Technical Report 108 reached 102.31 tok/s."}) {
    EXPECT_TRUE(claims_of(text, model::PassageKind::item).empty()) << text;
  }
  // A difference between the columns before it is not a measurement either.
  EXPECT_EQ(claims_of("Total Tokens Generated | 1511 | 1506 | -5", model::PassageKind::table_row,
                      "", "Metric | Baseline | Chimera | Δ")
                .size(),
            2U);
}

TEST(ClaimText, AQuantityNoHarnessMeasuresIsMarked) {
  const auto c = claims_in_sentence("GPU utilisation of 97% was observed.");
  ASSERT_EQ(c.size(), 1U);
  EXPECT_TRUE(c[0].unmeasurable);
}

}  // namespace
}  // namespace chimera::analyze
