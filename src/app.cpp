#include "chimera/app.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "chimera/analyze/analyze.hpp"
#include "chimera/app/baseline.hpp"
#include "chimera/app/diagnostics.hpp"
#include "chimera/app/exit_status.hpp"
#include "chimera/app/export_command.hpp"
#include "chimera/app/llm_passes.hpp"
#include "chimera/app/narrative_claims.hpp"
#include "chimera/app/output.hpp"
#include "chimera/app/progress.hpp"
#include "chimera/cli/options.hpp"
#include "chimera/discover/discover.hpp"
#include "chimera/ingest/ingest.hpp"
#include "chimera/util/cancel.hpp"
#include "chimera/util/printable.hpp"
#include "chimera/llm/client.hpp"
#include "chimera/render/report.hpp"
#include "chimera/util/cancel.hpp"
#include "chimera/util/time.hpp"

namespace chimera {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Everything printed on stderr may hold a file name or a server's words: control characters
// are shown as escapes (util::printable), never sent to the terminal.
void print_line(const std::string& text) {
  std::fprintf(stderr, "%s\n", util::printable(text).c_str());
}

void print_error(const Error& error) {
  print_line("chimera: error: " + describe(error));
}

bool has_parsable_file(const std::vector<model::FileEntry>& files) {
  for (const auto& f : files) {
    if (f.kind != model::FileKind::other) {
      return true;
    }
  }
  return false;
}

ExitCode write_report(const std::optional<app::OutputTarget>& target, const std::string& report) {
  if (target) {
    if (auto written = app::write_output(*target, report); !written) {
      print_error(written.error());
      return ExitCode::output;
    }
    return ExitCode::ok;
  }
  const auto written = app::write_stdout(report);
  if (!written) {
    print_error(written.error());
    return ExitCode::output;
  }
  return ExitCode::ok;  // written, or the reader went away (`| head`): not an error for a filter
}

// A Ctrl-C that no LLM transfer took stops the run before it writes anything.
bool interrupted() {
  if (!util::cancel_requested()) {
    return false;
  }
  std::fprintf(stderr, "chimera: interrupted; no report written\n");
  return true;
}

ExitCode analyze_command(const model::Config& config) {
  // The first Ctrl-C stops the run at the next check below, or cancels the LLM transfer in
  // progress (the report is still written); a second one ends the process.
  util::install_sigint_handler();
  auto prompts = app::load_prompts(config);
  if (!prompts) {
    print_error(prompts.error());
    return ExitCode::usage;
  }
  std::optional<app::OutputTarget> output;
  if (config.output) {
    auto checked = app::check_output(*config.output);
    if (!checked) {
      print_error(checked.error());
      return ExitCode::output;
    }
    output = std::move(*checked);
  }
  app::Progress progress(!config.quiet);
  const auto ingest_start = Clock::now();
  // The baseline first: a bad one costs no analysis, and its corpus is let go before this
  // one is read.
  std::optional<model::Baseline> baseline;
  if (config.baseline) {
    auto loaded = app::load_baseline(config);
    if (!loaded) {
      print_error(loaded.error());
      return ExitCode::usage;
    }
    baseline = std::move(*loaded);
  }

  std::vector<model::Diagnostic> diagnostics;
  auto files = discover::discover(config, diagnostics);
  if (interrupted()) {
    return ExitCode::interrupted;
  }
  if (!has_parsable_file(files)) {
    print_line(fmt::format(
        "chimera: error: {}: no CSV, JSON or Markdown file found ({} other files); nothing to "
        "analyse",
        config.root.string(), files.size()));
    return ExitCode::no_input;
  }
  if (output) {
    if (auto apart = app::check_not_an_input(*output, config.root, files); !apart) {
      print_error(apart.error());
      return ExitCode::usage;
    }
  }
  const model::Corpus corpus = ingest::ingest(config, std::move(files), std::move(diagnostics));
  render::Timings timings;
  timings.ingest_s = seconds_since(ingest_start);
  progress.files_ingested(corpus.files.size(), corpus.tables.size());
  app::print_diagnostics(config, corpus.diagnostics);
  if (interrupted()) {
    return ExitCode::interrupted;
  }

  const auto analysis_start = Clock::now();
  const std::optional<analyze::BaselineRequest> request =
      baseline ? std::optional<analyze::BaselineRequest>(
                     analyze::BaselineRequest{*baseline, config.threshold_pct, config.alpha})
               : std::nullopt;
  const model::Analysis analysis =
      analyze::analyze(corpus, config.jobs, request ? &*request : nullptr);
  if (interrupted()) {
    return ExitCode::interrupted;
  }
  app::LlmSession session(config, std::move(*prompts), progress);
  std::unique_ptr<llm::LlmClient> client;
  if (config.llm == model::LlmMode::off) {
    session.skip("disabled by --llm off");
  } else {
    client = llm::make_client(config);
    if (!session.preflight(*client)) {
      if (config.llm == model::LlmMode::require) {
        print_error({ErrorCode::llm, session.outcome().reason, config.host});
        return ExitCode::llm_required;
      }
      if (!config.quiet) {
        print_line("chimera: warning: " + config.host + ": " + session.outcome().reason +
                   "; the report has no LLM narrative");
      }
    }
  }
  session.analysis_pass(corpus, analysis);
  timings.analysis_s = seconds_since(analysis_start);

  const auto report_start = Clock::now();
  session.report_pass();
  const model::LlmOutcome& llm = session.outcome();
  if (llm.status == model::LlmStatus::failed && !config.quiet) {
    print_line("chimera: error: " + config.host + ": " + llm.reason);
  }
  const grounding::SentenceJudge judge = app::narrative_judge(analysis);
  const render::Narrative narrative = render::build_narrative(llm, session.evidence(), &judge);
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  render::ReportInput input{config, corpus, analysis, llm, narrative, timings,
                            util::iso8601_utc(now)};
  // The report states how long it took to make, rendering included: render once to measure,
  // then again with the measured time (rendering takes milliseconds).
  static_cast<void>(render::render(input, config.format));
  input.timings.report_s = seconds_since(report_start);
  const std::string report = render::render(input, config.format);
  if (!session.cancelled() && interrupted()) {
    return ExitCode::interrupted;
  }

  if (const ExitCode written = write_report(output, report); written != ExitCode::ok) {
    return written;
  }
  std::string why;
  const ExitCode status = app::exit_status(config, analysis, llm, narrative, why);
  if (!why.empty()) {
    print_line("chimera: error: " + why);
  }
  return status;
}

}  // namespace

int run(int argc, const char* const* argv) {
  // A closed pipe (`chimera analyze DIR | head`) shows up as a failed write, not a signal.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    auto command = cli::parse_command_line(argc, argv, cli::read_environment());
    if (!command) {
      print_error(command.error());
      return static_cast<int>(ExitCode::usage);
    }
    if (const auto* info = std::get_if<cli::InfoRequest>(&*command)) {
      return static_cast<int>(write_report(std::nullopt, info->text));
    }
    if (const auto* request = std::get_if<cli::ExportRequest>(&*command)) {
      return static_cast<int>(app::export_command(request->config));
    }
    return static_cast<int>(analyze_command(std::get<model::Config>(*command)));
  } catch (const std::exception& e) {
    print_line(std::string("chimera: internal error: ") + e.what());
    return static_cast<int>(ExitCode::internal);
  }
}

}  // namespace chimera
