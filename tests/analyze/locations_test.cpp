#include "chimera/analyze/locations.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chimera::analyze {
namespace {

LocationPattern pattern_of(const std::vector<Location>& locations) {
  std::vector<const Location*> pointers;
  for (const auto& l : locations) {
    pointers.push_back(&l);
  }
  return common_pattern(pointers);
}

LocationPattern pattern_of_paths(const std::vector<std::string>& paths) {
  std::vector<Location> locations;
  for (const auto& p : paths) {
    locations.push_back(make_location(p, "", ""));
  }
  return pattern_of(locations);
}

ParsedLevels parse(const std::vector<std::string>& levels, std::string_view context = "",
                   bool in_file = false) {
  return parse_levels(levels, context, in_file);
}

std::vector<std::string> texts(const std::vector<model::Symbol>& symbols) {
  return {symbols.begin(), symbols.end()};
}

TEST(Location, SplitsThePathThenThePointerOrHeading) {
  const auto json = make_location("a/b/m.json", "/baseline/individual_runs", "");
  EXPECT_EQ(texts(json.segments),
            (std::vector<std::string>{"a", "b", "m.json", "baseline", "individual_runs"}));
  EXPECT_EQ(json.in_file, 3u);
  const auto md = make_location("r.md", "", "Individual Runs");
  EXPECT_EQ(texts(md.segments), (std::vector<std::string>{"r.md", "Individual Runs"}));
  EXPECT_TRUE(md.heading);
}

TEST(LocationPattern, KeepsTheCommonSuffixOfModelNamedFiles) {
  const auto p =
      pattern_of_paths({"sweeps/llama3-8b_param_tuning.csv", "sweeps/qwen2.5-7b_param_tuning.csv",
                        "sweeps/gemma3_param_tuning.csv"});
  EXPECT_EQ(p.text(), "sweeps/*_param_tuning.csv");
  ASSERT_EQ(p.levels.size(), 1u);
  EXPECT_EQ(p.levels[0], (std::vector<std::string>{"llama3-8b", "qwen2.5-7b", "gemma3"}));
}

TEST(LocationPattern, NeverLeavesALevelEmpty) {
  // "gemma3" is a prefix of the others; cutting it would leave the first file nothing.
  const auto p = pattern_of_paths({"m/gemma3_param_tuning.csv", "m/gemma3_270m_param_tuning.csv",
                                   "m/gemma3_1b_param_tuning.csv"});
  EXPECT_EQ(p.levels[0], (std::vector<std::string>{"gemma3", "gemma3_270m", "gemma3_1b"}));
  const auto v = pattern_of_paths({"Demo_out/m.json", "Demo_out_v2/m.json"});
  EXPECT_EQ(v.text(), "Demo_*/m.json");
  EXPECT_EQ(v.levels[0], (std::vector<std::string>{"out", "out_v2"}));
}

TEST(LocationPattern, CutsAtSeparatorsOnly) {
  const auto p = pattern_of_paths({"s/sweep_0001.csv", "s/sweep_0002.csv", "s/sweep_0013.csv"});
  EXPECT_EQ(p.text(), "s/sweep_*.csv");
  EXPECT_EQ(p.levels[0], (std::vector<std::string>{"0001", "0002", "0013"}));
  const auto runs =
      pattern_of_paths({"d_tr109_run1/m.json", "d_tr109_run2/m.json", "d_tr109_rerun/m.json"});
  EXPECT_EQ(runs.text(), "d_tr109_*/m.json");
  EXPECT_EQ(runs.levels[0], (std::vector<std::string>{"run1", "run2", "rerun"}));
}

TEST(LocationPattern, VariesEverySegmentThatDiffers) {
  const auto p = pattern_of({make_location("results/vllm/fp16/run_1/metrics.json", "", ""),
                             make_location("results/tgi/int8/run_2/metrics.json", "", "")});
  EXPECT_EQ(p.text(), "results/*/*/run_*/metrics.json");
  ASSERT_EQ(p.levels.size(), 3u);
  EXPECT_EQ(p.levels[2], (std::vector<std::string>{"1", "2"}));
}

TEST(LocationPattern, WritesThePartInsideTheFile) {
  const auto p = pattern_of({make_location("a/m.json", "/baseline/individual_runs", ""),
                             make_location("a/m.json", "/chimera/individual_runs", "")});
  EXPECT_EQ(p.text(), "a/m.json#/*/individual_runs");
  const auto md = pattern_of({make_location("r.md", "", "Configuration 1"),
                              make_location("r.md", "", "Configuration 12")});
  EXPECT_EQ(md.text(), "r.md#Configuration *");
}

TEST(PathNumber, ReadsDecimalPointsWrittenAsP) {
  EXPECT_EQ(path_number("0p8"), "0.8");
  EXPECT_EQ(path_number("512"), "512");
  EXPECT_EQ(path_number("0.6"), "0.6");
  EXPECT_EQ(path_number("8b"), "");
  EXPECT_EQ(path_number("p8"), "");
}

TEST(ParseLevels, ReadsSettingsSpelledInOneSegment) {
  const auto p = parse({"gpu80_ctx512_temp0p8", "gpu60_ctx1024_temp0p6", "gpu120_ctx256_temp0p6"});
  ASSERT_FALSE(p.replicate);
  ASSERT_EQ(p.settings.size(), 3u);
  EXPECT_EQ(p.settings[0].name, "num_gpu");
  EXPECT_EQ(p.settings[0].values, (std::vector<std::string>{"80", "60", "120"}));
  EXPECT_EQ(p.settings[1].name, "num_ctx");
  EXPECT_EQ(p.settings[2].name, "temperature");
  EXPECT_EQ(p.settings[2].values, (std::vector<std::string>{"0.8", "0.6", "0.6"}));
}

TEST(ParseLevels, ReadsKeyValueSpellings) {
  const auto dashed = parse({"backend-vllm", "backend-tgi"});
  ASSERT_EQ(dashed.settings.size(), 1u);
  EXPECT_EQ(dashed.settings[0].name, "backend");
  EXPECT_EQ(dashed.settings[0].values, (std::vector<std::string>{"vllm", "tgi"}));
  const auto equals = parse({"bs=8,ctx=2048", "bs=16,ctx=4096"});
  ASSERT_EQ(equals.settings.size(), 2u);
  EXPECT_EQ(equals.settings[0].name, "batch_size");
  EXPECT_EQ(equals.settings[1].name, "num_ctx");
  EXPECT_EQ(equals.settings[1].values[1], "4096");
  const auto spaced = parse({"batch_size_8", "batch_size_16"});
  ASSERT_EQ(spaced.settings.size(), 1u);
  EXPECT_EQ(spaced.settings[0].name, "batch_size");
  EXPECT_EQ(spaced.settings[0].values, (std::vector<std::string>{"8", "16"}));
  const auto temp = parse({"TEMP0.2", "TEMP1.0"});
  ASSERT_EQ(temp.settings.size(), 1u);
  EXPECT_EQ(temp.settings[0].name, "temperature");
}

TEST(ParseLevels, ALevelThatIsNotASettingLeavesItsValuesUnset) {
  const auto p = parse({"gpu80_ctx512", "gpu60_ctx256", "manual_test"});
  ASSERT_EQ(p.settings.size(), 2u);
  EXPECT_EQ(p.settings[0].values, (std::vector<std::string>{"80", "60", ""}));
}

TEST(ParseLevels, RunNumbersDatesIdsAndVersionsAreReplicates) {
  EXPECT_TRUE(parse({"run1", "run2", "rerun"}).replicate);
  EXPECT_TRUE(parse({"run_1", "run_2", "run_10"}).replicate);
  EXPECT_TRUE(parse({"rep-01", "rep-02"}).replicate);
  EXPECT_TRUE(parse({"trial3", "trial4"}).replicate);
  EXPECT_TRUE(parse({"0001", "0002"}).replicate);
  EXPECT_TRUE(parse({"20251213_124526", "20251214_091500"}).replicate);
  EXPECT_TRUE(parse({"2025-12-13", "2025-12-14"}).replicate);
  EXPECT_TRUE(parse({"1766334713123", "1766334714441"}).replicate);
  EXPECT_TRUE(parse({"s00", "s01"}).replicate);
  EXPECT_TRUE(parse({"3fa2c1d9e8", "9be0417ac2"}).replicate);
  EXPECT_TRUE(parse({"out", "out_v2"}).replicate);
  EXPECT_TRUE(parse({"v1", "v2"}).replicate);
  EXPECT_EQ(parse({"run1", "run2"}).replicate_note, "run_N");
}

TEST(ParseLevels, NumbersUnderASettingAreItsValues) {
  const auto ctx = parse({"512", "1024"}, "ctx");
  ASSERT_FALSE(ctx.replicate);
  EXPECT_EQ(ctx.settings[0].name, "num_ctx");
  const auto config = parse({"1", "17"}, "Configuration");
  ASSERT_FALSE(config.replicate);
  EXPECT_EQ(config.settings[0].name, "configuration");
  EXPECT_EQ(config.settings[0].values[1], "17");
}

TEST(ParseLevels, NamesModelsBackendsAndQuantizations) {
  EXPECT_EQ(parse({"llama3-8b", "qwen2.5-7b", "gemma3"}).settings[0].name, "model");
  EXPECT_EQ(parse({"gemma3_latest", "qwen2_5_7b"}).settings[0].name, "model");
  EXPECT_EQ(parse({"tiny-gpt2", "gpt2-100m"}).settings[0].name, "model");
  EXPECT_EQ(parse({"vllm", "tgi", "ollama"}).settings[0].name, "backend");
  EXPECT_EQ(parse({"fp16", "int8", "q4_0"}).settings[0].name, "quantization");
  EXPECT_EQ(parse({"alpha", "beta"}, "models").settings[0].name, "model");
  EXPECT_EQ(parse({"alpha", "beta"}).settings[0].name, "variant");
  EXPECT_EQ(parse({"baseline", "chimera"}, "", true).settings[0].name, "arm");
}

TEST(ParseLevels, ModelNamesAreNotSettingsWithANumber) {
  // "llama3" is not llama = 3.
  const auto p = parse({"llama3", "qwen2"});
  ASSERT_EQ(p.settings.size(), 1u);
  EXPECT_EQ(p.settings[0].name, "model");
  EXPECT_EQ(p.settings[0].values, (std::vector<std::string>{"llama3", "qwen2"}));
}

TEST(LooksLikeModel, KnowsFamiliesSizesAndTags) {
  EXPECT_TRUE(looks_like_model("llama3.1:8b"));
  EXPECT_TRUE(looks_like_model("Qwen2.5-7B-Instruct"));
  EXPECT_TRUE(looks_like_model("phi-3-mini"));
  EXPECT_TRUE(looks_like_model("my-finetune-7b"));
  EXPECT_FALSE(looks_like_model("vllm"));
  EXPECT_FALSE(looks_like_model("baseline"));
  EXPECT_FALSE(looks_like_model("512"));
}

}  // namespace
}  // namespace chimera::analyze
