#include "chimera/app/export_command.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

#include "chimera/analyze/observations.hpp"
#include "chimera/app/diagnostics.hpp"
#include "chimera/app/output.hpp"
#include "chimera/discover/discover.hpp"
#include "chimera/ingest/ingest.hpp"
#include "chimera/render/export_records.hpp"
#include "chimera/util/cancel.hpp"
#include "chimera/util/printable.hpp"
#include "chimera/util/stream_file.hpp"

namespace chimera::app {
namespace {

void print_error(const Error& error) {
  std::fprintf(stderr, "%s\n", util::printable("chimera: error: " + describe(error)).c_str());
}

// Where the records go: a file written atomically, a device or FIFO in place, or stdout.
Result<util::StreamFile> open_sink(const std::optional<OutputTarget>& target) {
  if (!target) {
    return util::StreamFile::on_descriptor(STDOUT_FILENO, "stdout", true);
  }
  if (target->regular) {
    auto file = util::StreamFile::atomic(target->path);
    if (!file) {
      file.error().where = target->given.string();
    }
    return file;
  }
  const int fd = ::open(target->path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    return fail(ErrorCode::io, std::string("cannot open: ") + std::strerror(errno),
                target->given.string());
  }
  return util::StreamFile::on_descriptor(fd, target->given.string(), true);
}

}  // namespace

ExitCode export_command(const model::Config& config) {
  util::install_sigint_handler();
  std::optional<OutputTarget> output;
  if (config.output) {
    auto checked = check_output(*config.output);
    if (!checked) {
      print_error(checked.error());
      return ExitCode::output;
    }
    output = std::move(*checked);
  }
  std::vector<model::Diagnostic> diagnostics;
  auto files = discover::discover(config, diagnostics);
  const bool parsable = std::any_of(files.begin(), files.end(), [](const model::FileEntry& f) {
    return f.kind != model::FileKind::other;
  });
  if (!parsable) {
    print_error({ErrorCode::usage,
                 fmt::format("no CSV, JSON or Markdown file found ({} other files); nothing to "
                             "export",
                             files.size()),
                 config.root.string()});
    return ExitCode::no_input;
  }
  if (output) {
    if (auto apart = check_not_an_input(*output, config.root, files); !apart) {
      print_error(apart.error());
      return ExitCode::usage;
    }
  }
  const model::Corpus corpus = ingest::ingest(config, std::move(files), std::move(diagnostics));
  print_diagnostics(config, corpus.diagnostics);
  if (util::cancel_requested()) {
    std::fprintf(stderr, "chimera: interrupted; nothing written\n");
    return ExitCode::interrupted;
  }
  const analyze::Observations observations(corpus, config.jobs);
  auto sink = open_sink(output);
  if (!sink) {
    print_error(sink.error());
    return ExitCode::output;
  }
  render::RecordWriter writer(config.export_format, observations.setting_names());
  int error = sink->write(writer.header());
  observations.for_each([&](const model::Observation& o) {
    writer.append(o, sink->buffer());
    error = sink->flush_if_full();
    return error == 0 && !util::cancel_requested();
  });
  if (error == 0) {
    error = sink->flush();
  }
  if (error == EPIPE && !output) {
    return ExitCode::ok;  // the reader went away (`| head`): not an error for a filter
  }
  if (util::cancel_requested()) {
    std::fprintf(stderr, "chimera: interrupted; %s\n",
                 output ? "nothing written" : "the records written are incomplete");
    return ExitCode::interrupted;
  }
  if (auto committed = sink->commit(); !committed) {
    print_error(committed.error());
    return ExitCode::output;
  }
  return ExitCode::ok;
}

}  // namespace chimera::app
