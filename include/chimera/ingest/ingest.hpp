#pragma once

#include <vector>

#include "chimera/model/config.hpp"
#include "chimera/model/corpus.hpp"

namespace chimera::ingest {

// Reads every discovered CSV, JSON and Markdown file that is not skipped, on config.jobs threads
// (0: one per core), records its content hash and parses it into tables; each thread reads its
// files into one buffer, reused from file to file and freed when ingest returns. The result does not depend on the number of threads: tables come in
// file order, then in order within the file, and diagnostics are sorted by path, then line.
// A file that cannot be read, is binary or does not parse at all is marked skipped with its
// reason and named in a diagnostic; the run goes on. Skipped files from discover get a
// diagnostic too. After a cancel request (util::cancel_requested()) the files not yet started are
// left unread: the caller is expected to stop the run.
[[nodiscard]] model::Corpus ingest(const model::Config& config, std::vector<model::FileEntry> files,
                                   std::vector<model::Diagnostic> diagnostics);

}  // namespace chimera::ingest
