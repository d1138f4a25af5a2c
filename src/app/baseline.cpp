#include "chimera/app/baseline.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <system_error>

#include "chimera/analyze/baseline.hpp"
#include "chimera/discover/discover.hpp"
#include "chimera/ingest/ingest.hpp"
#include "chimera/ingest/records_file.hpp"
#include "chimera/util/file_io.hpp"
#include "chimera/util/time.hpp"

namespace chimera::app {
namespace {

Result<model::Baseline> from_directory(const model::Config& config) {
  model::Config old = config;
  old.root = *config.baseline;
  old.output.reset();
  old.baseline.reset();
  std::vector<model::Diagnostic> diagnostics;
  auto files = discover::discover(old, diagnostics);
  std::int64_t newest = 0;
  bool parsable = false;
  for (const auto& f : files) {
    if (f.kind != model::FileKind::other && !f.skipped) {
      parsable = true;
      newest = std::max(newest, f.modified);
    }
  }
  if (!parsable) {
    return fail(ErrorCode::usage, "no CSV, JSON or Markdown file found; nothing to compare with",
                "--baseline " + config.baseline->string());
  }
  // The baseline's corpus is let go once its values are taken: only they are held beside the
  // current corpus.
  model::Baseline baseline;
  {
    const model::Corpus corpus = ingest::ingest(old, std::move(files), std::move(diagnostics));
    baseline = analyze::baseline_from_corpus(corpus, config.jobs);
  }
  baseline.generated_at = util::iso8601_utc(newest);
  return baseline;
}

Result<model::Baseline> from_file(const model::Config& config) {
  const std::string path = config.baseline->string();
  auto text = util::read_file(*config.baseline);
  if (!text) {
    return fail(ErrorCode::usage, text.error().message, "--baseline " + path);
  }
  auto baseline = ingest::parse_records(*text, path);
  if (!baseline) {
    return baseline;
  }
  struct stat info {};
  if (::stat(config.baseline->c_str(), &info) == 0) {
    baseline->generated_at = util::iso8601_utc(static_cast<std::int64_t>(info.st_mtime));
  }
  return baseline;
}

}  // namespace

Result<model::Baseline> load_baseline(const model::Config& config) {
  std::error_code ec;
  auto baseline = std::filesystem::is_directory(*config.baseline, ec) ? from_directory(config)
                                                                      : from_file(config);
  if (baseline) {
    baseline->path = config.baseline->generic_string();
  }
  return baseline;
}

}  // namespace chimera::app
