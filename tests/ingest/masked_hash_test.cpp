#include "chimera/ingest/masked_hash.hpp"

#include <gtest/gtest.h>

#include <string>

namespace chimera::ingest {
namespace {

TEST(MaskVolatile, MasksDatesTimesUuidsAndIds) {
  EXPECT_EQ(mask_volatile("at 2026-12-07T19:23:19.512Z done"), "at # done");
  EXPECT_EQ(mask_volatile("2026-12-07 19:23:19+01:00"), "#");
  EXPECT_EQ(mask_volatile("on 2026/12/07, 19:23:19"), "on #, #");
  EXPECT_EQ(mask_volatile("id 3f2c1a9e-7b4d-4c21-9a0f-1e2d3c4b5a69 x"), "id # x");
  EXPECT_EQ(mask_volatile("commit 4e1f0c2a9b7d3e5f6a8b9c0d1e2f3a4b5c6d7e8f"), "commit #");
  EXPECT_EQ(mask_volatile("t=1765135399 ms=1765135399512"), "t=1765135399 ms=#");
  EXPECT_EQ(mask_volatile("\"start_time\": 1765135399,"), "\"start_time\":#");
}

TEST(MaskVolatile, MasksTheValueOfAVolatileKeyWhateverItsSpelling) {
  EXPECT_EQ(mask_volatile("{\n  \"generated_at\": \"Mon Dec  7 19:23\",\n  \"ttft_ms\": 412\n}"),
            "{\n  \"generated_at\":#\n  \"ttft_ms\": 412\n}");
  EXPECT_EQ(mask_volatile("**Generated:** Monday\n"), "**Generated:#\n");
  EXPECT_EQ(mask_volatile("- Run ID: abc\n"), "- Run ID:#\n");
  EXPECT_EQ(mask_volatile("timestamp=yesterday\n"), "timestamp=#\n");
}

TEST(MaskVolatile, KeepsMeasurementsAndSettings) {
  for (const std::string text :
       {"ttft_ms: 412.5", "| vllm | 410 | 61.2 |", "workspace_size,268435456",
        "memory_bytes: 1073741824", "opset: 17", "tokens_per_second = 61.25", "time: 12.5 s",
        "v1.2.3 build 2048", "abcdef"}) {
    EXPECT_EQ(mask_volatile(text), text);
  }
}

TEST(MaskedHash, EqualForDigestsThatDifferOnlyInWhenTheyWereMade) {
  const std::string a =
      "# Digest\n\nGenerated at: 2026-12-07 19:23:19\n\n| b | ttft |\n|---|---|\n"
      "| vllm | 410 |\n";
  const std::string b =
      "# Digest\n\nGenerated at: 2026-12-08 08:01:44\n\n| b | ttft |\n|---|---|\n"
      "| vllm | 410 |\n";
  const std::string c =
      "# Digest\n\nGenerated at: 2026-12-08 08:01:44\n\n| b | ttft |\n|---|---|\n"
      "| vllm | 411 |\n";
  EXPECT_EQ(masked_hash(a), masked_hash(b));
  EXPECT_NE(masked_hash(a), masked_hash(c)) << "a different measurement is a different file";
  EXPECT_EQ(masked_hash(std::string(k_masked_hash_max_bytes + 1, 'x')), "");
}

}  // namespace
}  // namespace chimera::ingest
