#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chimera/cli/options.hpp"

namespace chimera::cli {
namespace {

const std::string k_dir = std::string(CHIMERA_SOURCE_DIR) + "/examples/reports";

Result<Command> parse_args(std::vector<std::string> args) {
  args.insert(args.begin(), "chimera");
  std::vector<const char*> argv;
  for (const auto& a : args) {
    argv.push_back(a.c_str());
  }
  return parse_command_line(static_cast<int>(argv.size()), argv.data(), {});
}

TEST(BaselineOptions, DefaultsAreThresholdFivePercentAndAlphaFiveHundredths) {
  const auto r = parse_args({"analyze", k_dir, "--baseline", k_dir});
  ASSERT_TRUE(r) << describe(r.error());
  const auto& c = std::get<model::Config>(*r);
  ASSERT_TRUE(c.baseline);
  EXPECT_EQ(c.baseline->string(), k_dir);
  EXPECT_DOUBLE_EQ(c.threshold_pct, 5.0);
  EXPECT_DOUBLE_EQ(c.alpha, 0.05);
  EXPECT_FALSE(c.fail_on_regression);
}

TEST(BaselineOptions, ThresholdAlphaAndFailOnRegressionAreRead) {
  const auto r = parse_args({"analyze", k_dir, "--baseline", k_dir, "--threshold", "2.5", "--alpha",
                             "0.01", "--fail-on-regression"});
  ASSERT_TRUE(r) << describe(r.error());
  const auto& c = std::get<model::Config>(*r);
  EXPECT_DOUBLE_EQ(c.threshold_pct, 2.5);
  EXPECT_DOUBLE_EQ(c.alpha, 0.01);
  EXPECT_TRUE(c.fail_on_regression);
}

TEST(BaselineOptions, AnAlphaOutsideZeroToOneIsAUsageError) {
  const auto r = parse_args({"analyze", k_dir, "--baseline", k_dir, "--alpha", "2"});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("--alpha"), std::string::npos) << r.error().message;
}

TEST(BaselineOptions, ExportIsItsOwnCommandWithJsonLinesByDefault) {
  auto r = parse_args({"export", k_dir});
  ASSERT_TRUE(r) << describe(r.error());
  ASSERT_TRUE(std::holds_alternative<ExportRequest>(*r));
  EXPECT_EQ(std::get<ExportRequest>(*r).config.export_format, model::ExportFormat::jsonl);
  r = parse_args({"export", k_dir, "--format", "csv", "-o", "/tmp/x.csv"});
  ASSERT_TRUE(r) << describe(r.error());
  const auto& c = std::get<ExportRequest>(*r).config;
  EXPECT_EQ(c.export_format, model::ExportFormat::csv);
  EXPECT_EQ(c.output->string(), "/tmp/x.csv");
}

TEST(BaselineOptions, HelpOfAnalyzeListsExitCodeFive) {
  const auto r = parse_args({"analyze", "--help"});
  ASSERT_TRUE(r) << describe(r.error());
  const auto& text = std::get<InfoRequest>(*r).text;
  EXPECT_NE(text.find("--fail-on-regression"), std::string::npos);
  EXPECT_NE(text.find("5 --fail-on-regression and a metric regressed"), std::string::npos) << text;
}

}  // namespace
}  // namespace chimera::cli
