#include "chimera/ingest/ingest.hpp"

#include "chimera/util/file_io.hpp"
#include "chimera/util/hash.hpp"

namespace chimera::ingest {

model::Corpus ingest(const model::Config& config, std::vector<model::FileEntry> files,
                     std::vector<model::Diagnostic> diagnostics) {
  model::Corpus corpus;
  corpus.root = config.root;
  for (auto& file : files) {
    if (file.skipped || file.kind == model::FileKind::other) {
      if (file.skipped) {
        diagnostics.push_back(
            {file.path, std::nullopt, model::Severity::warning, "skipped: " + file.skip_reason});
      }
      continue;
    }
    auto text = util::read_file(config.root / file.path);
    if (!text) {
      file.skipped = true;
      file.skip_reason = text.error().message;
      diagnostics.push_back({file.path, std::nullopt, model::Severity::error,
                             "skipped: " + text.error().message});
      continue;
    }
    file.content_hash = util::content_hash(*text);
  }
  corpus.files = std::move(files);
  corpus.diagnostics = std::move(diagnostics);
  return corpus;
}

}  // namespace chimera::ingest
