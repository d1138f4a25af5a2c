#include "chimera/grounding/grounding.hpp"

#include <gtest/gtest.h>

namespace chimera::grounding {
namespace {

std::vector<std::string> texts(const std::vector<Quantity>& qs, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& q : qs) {
    out.emplace_back(text.substr(q.offset, q.length));
  }
  return out;
}

const char* const k_evidence = R"(Corpus: 7 files, 2 tables, 40 rows (3 failed).
throughput tok/s: n=12 median 67.83 tok/s, 95% CI 66.10 to 68.20 tok/s, cv 0.042
ttft ms: median 406.0 ms, p95 512.5 ms
comparison num_gpu=80 vs num_gpu=60: median ratio 1.12x
memory: 4096 MiB
)";

TEST(GroundingScan, FindsNumbersWithUnits) {
  const std::string text = "Throughput is 67.8 tok/s, TTFT 0.41 s, 1,318 tokens and 92.3%.";
  EXPECT_EQ(texts(find_numbers(text, true), text),
            (std::vector<std::string>{"67.8 tok/s", "0.41 s", "1,318 tokens", "92.3%"}));
}

TEST(GroundingScan, SkipsStructureAndIdentifiers) {
  const std::string text =
      "## 2. Recommendations\n1. Use gemma3 on run_001 with Q4_K_M\n2) v1.2.3 on 2025-11-10 "
      "at 12:30, issue #3, a 4B model\n";
  EXPECT_TRUE(find_numbers(text, true).empty()) << texts(find_numbers(text, true), text).size();
}

TEST(GroundingScan, KeepsListNumbersWhenStructureIsNotSkipped) {
  EXPECT_EQ(find_numbers("1. first\n", false).size(), 1u);
}

TEST(GroundingScan, RecordsDecimalsWritten) {
  const auto qs = find_numbers("0.406 s and 68 tok/s", true);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].decimals, 3);
  EXPECT_EQ(qs[1].decimals, 0);
  EXPECT_EQ(qs[0].unit, "s");
  EXPECT_EQ(qs[1].unit, "tok/s");
}

TEST(Grounding, AcceptsRoundingUnitChangesAndPercentOfFractions) {
  const Evidence evidence(k_evidence);
  for (const char* supported :
       {"67.83 tok/s", "67.8 tok/s", "68 tok/s", "406 ms", "0.41 s", "0.4 seconds", "4.2%", "12%",
        "4 GiB", "4.3 GB", "7 files", "3", "1.12x", "512.5 ms"}) {
    const auto m = check(supported, "Executive Summary", evidence);
    ASSERT_EQ(m.size(), 1u) << supported;
    EXPECT_TRUE(m[0].supported) << supported;
  }
}

TEST(Grounding, FlagsEveryNumberNotInTheEvidence) {
  const Evidence evidence(k_evidence);
  const std::string narrative =
      "1. Accuracy reached 92.3% while GPU utilisation was 92%.\n"
      "Throughput is **67.8 tok/s** but peaks at 71.5 tok/s, TTFT 406 ms (0.7 s worst case).\n"
      "The 67.834 tok/s figure invents precision.";
  const auto mentions = check(narrative, "Key Findings", evidence);
  Summary summary;
  tally(summary, mentions);
  EXPECT_EQ(summary.checked, 7u);
  EXPECT_EQ(summary.supported, 2u);
  std::vector<std::string> flagged;
  for (const auto& m : summary.unsupported) {
    flagged.push_back(m.text);
    EXPECT_EQ(m.section, "Key Findings");
  }
  EXPECT_EQ(flagged,
            (std::vector<std::string>{"92.3%", "92%", "71.5 tok/s", "0.7 s", "67.834 tok/s"}));
}

TEST(Grounding, UnitsMustAgreeWhenBothAreGiven) {
  const Evidence evidence("median 406.0 ms\n");
  EXPECT_FALSE(check("406 tok/s", "x", evidence)[0].supported);
  EXPECT_FALSE(check("406 s", "x", evidence)[0].supported);
  EXPECT_TRUE(check("406", "x", evidence)[0].supported);
}

TEST(Grounding, MarksUnsupportedNumbersWhereTheyStand) {
  const Evidence evidence(k_evidence);
  const std::string text = "GPU at 92% and 67.8 tok/s; accuracy 92.3%.";
  const auto mentions = check(text, "Executive Summary", evidence);
  EXPECT_EQ(mark_unsupported(text, mentions, 4),
            "GPU at 92% [U4] and 67.8 tok/s; accuracy 92.3% [U5].");
}

}  // namespace
}  // namespace chimera::grounding
