#include "chimera/cli/options.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>

#include <CLI/CLI.hpp>

#include "chimera/llm/endpoint.hpp"
#include "chimera/util/size.hpp"

namespace chimera::cli {
namespace {

// What CLI11 fills in; validated into a model::Config by to_config().
struct Options {
  std::string dir;
  std::string output;
  std::string format = "md";
  std::string llm = "auto";
  std::string host;
  std::string api = "ollama";
  std::string model;
  std::optional<std::int64_t> num_gpu;
  std::optional<std::int64_t> num_ctx;
  std::optional<double> temperature;
  std::optional<double> top_p;
  std::optional<std::int64_t> top_k;
  std::optional<double> repeat_penalty;
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> num_predict;
  std::string keep_alive;
  std::string prompts;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string max_file_size = "64MiB";
  double timeout_connect = 10.0;
  double timeout_idle = 120.0;
  double timeout_pass = 600.0;
  unsigned jobs = 0;
  bool quiet = false;
  bool verbose = false;
  std::string color = "auto";
  std::string charts = "none";
  bool strict = false;
  std::string baseline;
  double threshold = 5.0;
  double alpha = 0.05;
  bool fail_on_regression = false;
  std::string export_format = "jsonl";
};

constexpr const char* k_exit_codes =
    "Exit codes: 0 report written; 1 report written but degraded; 2 usage error;\n"
    "3 --llm require and the endpoint or model is unavailable; 4 no CSV, JSON or Markdown "
    "file under DIR;\n5 --fail-on-regression and a metric regressed against --baseline (report "
    "written);\n70 internal error; 74 the report could not be written; 130 interrupted "
    "(Ctrl-C).";

std::string version_text() {
  return std::string("chimera ") + CHIMERA_VERSION + "\n";
}

void add_analyze_options(CLI::App& analyze, Options& o) {
  analyze.add_option("DIR", o.dir, "Directory of benchmark artifacts (CSV, JSON, Markdown)")
      ->required();
  analyze.add_option("-o,--output", o.output,
                     "Write the report to FILE (atomically) instead of stdout");
  analyze.add_option("--format", o.format, "Report format: md, html or json")
      ->check(CLI::IsMember({"md", "html", "json"}))
      ->capture_default_str();
  analyze.add_option("--charts", o.charts,
                     "Charts in the Markdown report: none or mermaid (HTML always has SVG charts)")
      ->check(CLI::IsMember({"none", "mermaid"}))
      ->capture_default_str();
  analyze.add_option("--llm", o.llm,
                     "auto: use the LLM when reachable; require: fail (exit 3) without it; off")
      ->check(CLI::IsMember({"auto", "require", "off"}))
      ->capture_default_str();
  analyze.add_option("--host", o.host,
                     "LLM endpoint URL (default: $OLLAMA_HOST, else http://127.0.0.1:11434)");
  analyze.add_option("--api", o.api, "Endpoint protocol: ollama or openai")
      ->check(CLI::IsMember({"ollama", "openai"}))
      ->capture_default_str();
  analyze.add_option("--model", o.model,
                     "Model name (default: $CHIMERA_MODEL, else gemma3:latest)");
  analyze.add_option("--num-gpu", o.num_gpu, "Layers to offload to the GPU")
      ->check(CLI::NonNegativeNumber);
  analyze.add_option("--num-ctx", o.num_ctx, "Context window in tokens (default 8192)")
      ->check(CLI::Range(std::int64_t{256}, std::int64_t{1} << 24));
  analyze.add_option("--temperature", o.temperature, "Sampling temperature")
      ->check(CLI::Range(0.0, 2.0));
  analyze.add_option("--top-p", o.top_p, "Nucleus sampling probability")
      ->check(CLI::Range(0.0, 1.0));
  analyze.add_option("--top-k", o.top_k, "Top-k sampling")->check(CLI::NonNegativeNumber);
  analyze.add_option("--repeat-penalty", o.repeat_penalty, "Repetition penalty")
      ->check(CLI::NonNegativeNumber);
  analyze.add_option("--seed", o.seed, "Sampling seed");
  analyze.add_option("--num-predict", o.num_predict,
                     "Maximum tokens to generate per pass (-1: no limit)")
      ->check(CLI::Range(std::int64_t{-1}, std::int64_t{1} << 24));
  analyze.add_option("--keep-alive", o.keep_alive,
                     "How long the server keeps the model loaded (e.g. 5m, 0, -1)");
  analyze.add_option("--prompts", o.prompts,
                     "Directory of persona prompts overriding the built-in ones");
  analyze.add_option("--include", o.include,
                     "Only files matching GLOB (relative to DIR, ** allowed); repeatable");
  analyze.add_option("--exclude", o.exclude, "Skip files matching GLOB; repeatable");
  analyze.add_option("--max-file-size", o.max_file_size,
                     "Skip larger files: 64MiB, 10MB or plain bytes")
      ->capture_default_str();
  analyze.add_option("--timeout-connect", o.timeout_connect, "Seconds to wait for a connection")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  analyze.add_option("--timeout-idle", o.timeout_idle,
                     "Seconds to wait for the next streamed chunk (and the first token)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  analyze.add_option("--timeout-pass", o.timeout_pass,
                     "Seconds an LLM pass may take in all, however the server streams")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  analyze.add_option("-j,--jobs", o.jobs, "Files to ingest in parallel (default: all cores)");
  analyze.add_flag("-q,--quiet", o.quiet, "No progress or warnings on stderr, errors only");
  analyze.add_flag("-v,--verbose", o.verbose, "More detail on stderr");
  analyze.add_option("--color", o.color, "Colour on stderr: auto, always or never (honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  analyze.add_flag("--strict", o.strict,
                   "Exit 1 when a file was skipped or an LLM number is unsupported");
  analyze.add_option("--baseline", o.baseline,
                     "Compare with OLD: a directory analysed the same way, or a records file "
                     "from 'chimera export'");
  analyze.add_option("--threshold", o.threshold,
                     "With --baseline: smallest change in percent called a regression or an "
                     "improvement")
      ->check(CLI::Range(0.0, 1000.0))
      ->capture_default_str();
  analyze.add_option("--alpha", o.alpha,
                     "With --baseline: significance level of the Mann-Whitney U test")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  analyze.add_flag("--fail-on-regression", o.fail_on_regression,
                   "With --baseline: exit 5 when a metric regressed (the report is still written)");
}

void add_export_options(CLI::App& exp, Options& o) {
  exp.add_option("DIR", o.dir, "Directory of benchmark artifacts (CSV, JSON, Markdown)")
      ->required();
  exp.add_option("-o,--output", o.output, "Write the records to FILE (atomically) instead of stdout");
  exp.add_option("--format", o.export_format, "Records format: jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  exp.add_option("--include", o.include,
                 "Only files matching GLOB (relative to DIR, ** allowed); repeatable");
  exp.add_option("--exclude", o.exclude, "Skip files matching GLOB; repeatable");
  exp.add_option("--max-file-size", o.max_file_size, "Skip larger files: 64MiB, 10MB or plain bytes")
      ->capture_default_str();
  exp.add_option("-j,--jobs", o.jobs, "Files to ingest in parallel (default: all cores)");
  exp.add_flag("-q,--quiet", o.quiet, "No warnings on stderr, errors only");
}

template <typename E>
E pick(const std::string& value, const std::map<std::string, E>& table) {
  return table.at(value);  // CLI11's IsMember check has already run
}

Result<model::Config> to_config(const Options& o, const Environment& env) {
  model::Config c;
  std::error_code ec;
  const std::filesystem::path dir(o.dir);
  if (!std::filesystem::exists(dir, ec)) {
    return fail(ErrorCode::usage, "no such directory", o.dir);
  }
  if (!std::filesystem::is_directory(dir, ec)) {
    return fail(ErrorCode::usage, "not a directory", o.dir);
  }
  c.root = dir;
  if (!o.output.empty()) {
    c.output = std::filesystem::path(o.output);
    const auto parent = c.output->parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
      return fail(ErrorCode::usage, "directory of --output does not exist", o.output);
    }
  }
  c.format = pick<model::OutputFormat>(o.format, {{"md", model::OutputFormat::md},
                                                  {"html", model::OutputFormat::html},
                                                  {"json", model::OutputFormat::json}});
  c.charts = pick<model::ChartStyle>(
      o.charts, {{"none", model::ChartStyle::none}, {"mermaid", model::ChartStyle::mermaid}});
  if (c.charts == model::ChartStyle::mermaid && c.format != model::OutputFormat::md) {
    return fail(ErrorCode::usage, "--charts mermaid is for --format md (HTML has SVG charts)",
                "--charts");
  }
  c.llm = pick<model::LlmMode>(o.llm, {{"auto", model::LlmMode::automatic},
                                       {"require", model::LlmMode::require},
                                       {"off", model::LlmMode::off}});
  c.api = pick<model::ApiKind>(o.api, {{"ollama", model::ApiKind::ollama},
                                       {"openai", model::ApiKind::openai}});

  const bool host_from_flag = !o.host.empty();
  const std::string host_text =
      host_from_flag ? o.host : (env.ollama_host.empty() ? c.host : env.ollama_host);
  auto host = llm::parse_endpoint(host_text);
  if (!host) {
    return fail(ErrorCode::usage, host.error().message,
                host_from_flag ? "--host" : "OLLAMA_HOST");
  }
  c.host = std::move(host->url);
  c.host_user = std::move(host->user);
  c.host_password = std::move(host->password);
  c.model = !o.model.empty() ? o.model : (env.chimera_model.empty() ? c.model : env.chimera_model);

  c.options.num_gpu = o.num_gpu;
  if (o.num_ctx) {
    c.options.num_ctx = *o.num_ctx;
  }
  c.options.temperature = o.temperature;
  c.options.top_p = o.top_p;
  c.options.top_k = o.top_k;
  c.options.repeat_penalty = o.repeat_penalty;
  c.options.seed = o.seed;
  c.options.num_predict = o.num_predict;
  if (!o.keep_alive.empty()) {
    c.options.keep_alive = o.keep_alive;
  }
  if (!o.prompts.empty()) {
    if (!std::filesystem::is_directory(o.prompts, ec)) {
      return fail(ErrorCode::usage, "not a directory", "--prompts " + o.prompts);
    }
    c.prompts_dir = std::filesystem::path(o.prompts);
  }
  c.timeout_connect_s = o.timeout_connect;
  c.timeout_idle_s = o.timeout_idle;
  c.timeout_pass_s = o.timeout_pass;
  c.include = o.include;
  c.exclude = o.exclude;
  const auto size = util::parse_size(o.max_file_size);
  if (!size || *size == 0) {
    return fail(ErrorCode::usage,
                "invalid size '" + o.max_file_size + "' (use e.g. 64MiB, 10MB or 1048576)",
                "--max-file-size");
  }
  c.max_file_size = *size;
  c.jobs = o.jobs;
  if (o.quiet && o.verbose) {
    return fail(ErrorCode::usage, "--quiet and --verbose exclude each other", "--quiet");
  }
  c.quiet = o.quiet;
  c.verbose = o.verbose;
  c.color = o.color == "always" || (o.color == "auto" && !env.no_color && env.stderr_is_terminal);
  c.strict = o.strict;
  if (!o.baseline.empty()) {
    if (!std::filesystem::exists(o.baseline, ec)) {
      return fail(ErrorCode::usage,
                  "no such file or directory; give a directory of artifacts or a file from "
                  "'chimera export'",
                  "--baseline " + o.baseline);
    }
    c.baseline = std::filesystem::path(o.baseline);
  } else if (o.fail_on_regression) {
    return fail(ErrorCode::usage, "needs --baseline OLD to compare with", "--fail-on-regression");
  }
  c.threshold_pct = o.threshold;
  c.alpha = o.alpha;
  c.fail_on_regression = o.fail_on_regression;
  c.export_format = o.export_format == "csv" ? model::ExportFormat::csv : model::ExportFormat::jsonl;
  return c;
}

}  // namespace

Environment read_environment() {
  Environment env;
  if (const char* v = std::getenv("OLLAMA_HOST")) {
    env.ollama_host = v;
  }
  if (const char* v = std::getenv("CHIMERA_MODEL")) {
    env.chimera_model = v;
  }
  const char* no_color = std::getenv("NO_COLOR");
  env.no_color = no_color != nullptr && *no_color != '\0';
  env.stderr_is_terminal = isatty(STDERR_FILENO) == 1;
  return env;
}

Result<Command> parse_command_line(int argc, const char* const* argv, const Environment& env) {
  CLI::App app{"chimera: analyse a directory of LLM-inference benchmark artifacts", "chimera"};
  app.set_version_flag("-V,--version", version_text());
  app.require_subcommand(1, 1);
  Options o;
  CLI::App* analyze =
      app.add_subcommand("analyze", "Analyse DIR and write a Markdown, HTML or JSON report");
  add_analyze_options(*analyze, o);
  CLI::App* exp = app.add_subcommand(
      "export", "Write every measured value of DIR as one record a line (JSON Lines or CSV)");
  add_export_options(*exp, o);
  app.footer(k_exit_codes);
  analyze->footer(k_exit_codes);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return Command{InfoRequest{app.help()}};
  } catch (const CLI::CallForAllHelp&) {
    return Command{InfoRequest{app.help("", CLI::AppFormatMode::All)}};
  } catch (const CLI::CallForVersion&) {
    return Command{InfoRequest{version_text()}};
  } catch (const CLI::ParseError& e) {
    // CLI11 reports help for a subcommand as CallForHelp thrown from inside it.
    return fail(ErrorCode::usage, std::string(e.what()) + " (see 'chimera --help')");
  }
  if (analyze->parsed() && analyze->get_help_ptr()->count() > 0) {
    return Command{InfoRequest{analyze->help()}};
  }
  if (exp->parsed() && exp->get_help_ptr()->count() > 0) {
    return Command{InfoRequest{exp->help()}};
  }
  auto config = to_config(o, env);
  if (!config) {
    return tl::unexpected(config.error());
  }
  if (exp->parsed()) {
    return Command{ExportRequest{std::move(*config)}};
  }
  return Command{std::move(*config)};
}

}  // namespace chimera::cli
