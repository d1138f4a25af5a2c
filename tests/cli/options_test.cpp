#include "chimera/cli/options.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace chimera::cli {
namespace {

const std::string k_dir = std::string(CHIMERA_SOURCE_DIR) + "/examples/reports";

Result<Command> parse(std::vector<std::string> args, const Environment& env = {}) {
  args.insert(args.begin(), {"chimera", "analyze", k_dir});
  std::vector<const char*> argv;
  for (const auto& a : args) {
    argv.push_back(a.c_str());
  }
  return parse_command_line(static_cast<int>(argv.size()), argv.data(), env);
}

model::Config config_of(const Result<Command>& r) {
  EXPECT_TRUE(r.has_value()) << (r ? "" : describe(r.error()));
  return std::get<model::Config>(*r);
}

TEST(Options, DefaultsMatchTheReadme) {
  const auto c = config_of(parse({}));
  EXPECT_EQ(c.format, model::OutputFormat::md);
  EXPECT_EQ(c.llm, model::LlmMode::automatic);
  EXPECT_EQ(c.api, model::ApiKind::ollama);
  EXPECT_EQ(c.host, "http://127.0.0.1:11434");
  EXPECT_EQ(c.model, "gemma3:latest");
  EXPECT_EQ(c.max_file_size, 64u * 1024 * 1024);
  EXPECT_FALSE(c.output.has_value());
  EXPECT_FALSE(c.options.num_gpu.has_value());
  EXPECT_FALSE(c.strict);
  EXPECT_DOUBLE_EQ(c.timeout_pass_s, 600.0);
}

TEST(Options, TimeoutPassSetsThePerPassDeadline) {
  EXPECT_DOUBLE_EQ(config_of(parse({"--timeout-pass", "90"})).timeout_pass_s, 90.0);
}

TEST(Options, EnvironmentSuppliesHostAndModel) {
  Environment env;
  env.ollama_host = "gpu-box:8080";
  env.chimera_model = "llama3.1:8b";
  const auto c = config_of(parse({}, env));
  EXPECT_EQ(c.host, "http://gpu-box:8080");
  EXPECT_EQ(c.model, "llama3.1:8b");
}

TEST(Options, FlagsOverrideEnvironment) {
  Environment env;
  env.ollama_host = "gpu-box:8080";
  env.chimera_model = "llama3.1:8b";
  const auto c = config_of(parse({"--host", "https://api.example", "--model", "qwen3"}, env));
  EXPECT_EQ(c.host, "https://api.example:443");
  EXPECT_EQ(c.model, "qwen3");
}

TEST(Options, LlmOptionsArePassedThrough) {
  const auto c = config_of(parse({"--num-gpu", "80", "--num-ctx", "2048", "--temperature", "0.8",
                                  "--top-p", "0.9", "--top-k", "40", "--repeat-penalty", "1.1",
                                  "--seed", "7", "--num-predict", "512", "--keep-alive", "5m"}));
  EXPECT_EQ(c.options.num_gpu, 80);
  EXPECT_EQ(c.options.num_ctx, 2048);
  EXPECT_DOUBLE_EQ(*c.options.temperature, 0.8);
  EXPECT_DOUBLE_EQ(*c.options.top_p, 0.9);
  EXPECT_EQ(c.options.top_k, 40);
  EXPECT_DOUBLE_EQ(*c.options.repeat_penalty, 1.1);
  EXPECT_EQ(c.options.seed, 7);
  EXPECT_EQ(c.options.num_predict, 512);
  EXPECT_EQ(c.options.keep_alive, "5m");
}

TEST(Options, IncludeAndExcludeRepeat) {
  const auto c = config_of(parse({"--include", "**/*.csv", "--include", "*.md", "--exclude", "tmp/**"}));
  EXPECT_EQ(c.include, (std::vector<std::string>{"**/*.csv", "*.md"}));
  EXPECT_EQ(c.exclude, (std::vector<std::string>{"tmp/**"}));
}

TEST(Options, MaxFileSizeAcceptsUnits) {
  EXPECT_EQ(config_of(parse({"--max-file-size", "10MB"})).max_file_size, 10'000'000u);
  EXPECT_EQ(config_of(parse({"--max-file-size", "2MiB"})).max_file_size, 2u * 1024 * 1024);
  EXPECT_EQ(config_of(parse({"--max-file-size", "4096"})).max_file_size, 4096u);
}

TEST(Options, ColorHonoursNoColorAndTerminal) {
  Environment tty;
  tty.stderr_is_terminal = true;
  EXPECT_TRUE(config_of(parse({}, tty)).color);
  Environment no_color = tty;
  no_color.no_color = true;
  EXPECT_FALSE(config_of(parse({}, no_color)).color);
  EXPECT_TRUE(config_of(parse({"--color", "always"}, no_color)).color);
  EXPECT_FALSE(config_of(parse({"--color", "never"}, tty)).color);
  EXPECT_FALSE(config_of(parse({}, Environment{})).color);
}

TEST(Options, QuietAndVerboseConflict) {
  const auto r = parse({"-q", "-v"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::usage);
  EXPECT_EQ(r.error().where, "--quiet");
}

TEST(Options, PromptsMustBeADirectory) {
  const auto r = parse({"--prompts", "/nonexistent/prompts"});
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().where.find("--prompts"), std::string::npos);
}

}  // namespace
}  // namespace chimera::cli
