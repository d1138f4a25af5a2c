#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace chimera::model {

enum class OutputFormat : std::uint8_t { md, html, json };
enum class LlmMode : std::uint8_t { automatic, require, off };
enum class ApiKind : std::uint8_t { ollama, openai };
enum class ColorMode : std::uint8_t { automatic, always, never };
// Charts the Markdown report carries beside its tables (HTML always has SVG charts).
enum class ChartStyle : std::uint8_t { none, mermaid };
enum class ExportFormat : std::uint8_t { jsonl, csv };

// Sampling and runtime options sent to the LLM. Unset options are not sent,
// except num_ctx, which the client always sends (Ollama's documented defaults disagree).
struct LlmOptions {
  std::optional<std::int64_t> num_gpu;
  std::int64_t num_ctx = 8192;
  std::optional<double> temperature;
  std::optional<double> top_p;
  std::optional<std::int64_t> top_k;
  std::optional<double> repeat_penalty;
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> num_predict;
  std::optional<std::string> keep_alive;
};

// Calls visit(name, value) for num_ctx, then for each option that is set, in one fixed order.
// The request bodies, the report's option line and its JSON all list options through this.
template <typename Visit>
void for_each_option(const LlmOptions& o, Visit&& visit) {
  visit("num_ctx", o.num_ctx);
  const auto if_set = [&visit](const char* name, const auto& value) {
    if (value) {
      visit(name, *value);
    }
  };
  if_set("num_gpu", o.num_gpu);
  if_set("temperature", o.temperature);
  if_set("top_p", o.top_p);
  if_set("top_k", o.top_k);
  if_set("repeat_penalty", o.repeat_penalty);
  if_set("seed", o.seed);
  if_set("num_predict", o.num_predict);
  if_set("keep_alive", o.keep_alive);
}

// Everything one `chimera analyze` run needs, validated. Built by cli/options.cpp only.
struct Config {
  std::filesystem::path root;
  std::optional<std::filesystem::path> output;  // unset: stdout
  OutputFormat format = OutputFormat::md;
  ChartStyle charts = ChartStyle::none;

  LlmMode llm = LlmMode::automatic;
  std::string host = "http://127.0.0.1:11434";  // normalised base URL, no trailing slash
  // From a "user:password@" in --host or OLLAMA_HOST: sent as basic authentication, never shown.
  std::string host_user;
  std::string host_password;
  ApiKind api = ApiKind::ollama;
  std::string model = "gemma3:latest";
  LlmOptions options;
  std::optional<std::filesystem::path> prompts_dir;
  double timeout_connect_s = 10.0;
  double timeout_idle_s = 120.0;
  double timeout_pass_s = 600.0;

  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::uint64_t max_file_size = 64ull * 1024 * 1024;
  unsigned jobs = 0;  // 0: all cores

  bool quiet = false;
  bool verbose = false;
  bool color = false;  // resolved from --color, NO_COLOR and whether stderr is a terminal
  bool strict = false;

  // --baseline OLD: a directory of artifacts or a records file from `chimera export`.
  std::optional<std::filesystem::path> baseline;
  double threshold_pct = 5.0;  // --threshold: smallest change in percent that is a verdict
  double alpha = 0.05;         // --alpha: significance level of the U test
  bool fail_on_regression = false;

  // `chimera export`: the records' format.
  ExportFormat export_format = ExportFormat::jsonl;
};

}  // namespace chimera::model
