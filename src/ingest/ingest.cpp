#include "chimera/ingest/ingest.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <mutex>
#include <numeric>
#include <optional>

#include "chimera/ingest/csv.hpp"
#include "chimera/ingest/encoding.hpp"
#include "chimera/ingest/json.hpp"
#include "chimera/ingest/markdown.hpp"
#include "chimera/ingest/masked_hash.hpp"
#include "chimera/ingest/table_spool.hpp"
#include "chimera/util/cancel.hpp"
#include "chimera/util/file_io.hpp"
#include "chimera/util/hash.hpp"
#include "chimera/util/parallel.hpp"

namespace chimera::ingest {
namespace {

using ParseFn = Parsed (*)(std::string_view, const model::SourceRef&);

struct ParserRow {
  model::FileKind kind;
  ParseFn parse;
};

// Formats are chosen from a table: a new format is one row here plus its parser.
constexpr std::array<ParserRow, 3> k_parsers = {{
    {model::FileKind::csv, &parse_csv},
    {model::FileKind::json, &parse_json},
    {model::FileKind::markdown, &parse_markdown},
}};

ParseFn parser_for(model::FileKind kind) {
  for (const auto& row : k_parsers) {
    if (row.kind == kind) {
      return row.parse;
    }
  }
  return nullptr;
}

// What one worker made of one file. The file's text is gone by the time this is returned.
struct FileResult {
  std::string content_hash;
  std::string masked_hash;
  Parsed parsed;
  std::optional<std::string> skip_reason;
};

FileResult read_and_parse(const model::Config& config, const model::FileEntry& file, ParseFn parse,
                          util::FileBuffer& buffer) {
  FileResult result;
  const model::SourceRef where{file.path, file.kind};
  const auto bytes = util::read_file(config.root / file.path, buffer);
  if (!bytes) {
    result.skip_reason = bytes.error().message;
    result.parsed.failure = model::Diagnostic{file.path, std::nullopt, model::Severity::error,
                                              "cannot read: " + bytes.error().message};
    return result;
  }
  result.content_hash = util::content_hash(*bytes);
  result.masked_hash = masked_hash(*bytes);
  const Decoded decoded = decode(*bytes, where);
  if (decoded.skip_reason) {
    result.skip_reason = *decoded.skip_reason;
    result.parsed.failure = model::Diagnostic{file.path, std::nullopt, model::Severity::warning,
                                              "skipped: " + *decoded.skip_reason};
    return result;
  }
  try {
    result.parsed = parse(decoded.text(), where);
  } catch (const std::exception& e) {
    // Parsers turn library errors into diagnostics; reaching here is a bug, reported per file
    // so that the rest of the corpus is still analysed.
    result.parsed = {};
    result.parsed.failure = model::Diagnostic{file.path, std::nullopt, model::Severity::error,
                                              std::string("internal error while parsing: ") +
                                                  e.what()};
  }
  auto& notes = result.parsed.diagnostics;
  notes.insert(notes.begin(), decoded.diagnostics.begin(), decoded.diagnostics.end());
  if (const auto& failure = result.parsed.failure) {
    result.skip_reason = failure->line ? "line " + std::to_string(*failure->line) + ": " +
                                             failure->message
                                       : failure->message;
  }
  return result;
}

// Puts `tables`, spooled in the order their files finished, in file order: by the rank in
// `file_of` of each table's file, keeping a file's own tables in their order. In place, one
// cycle of the permutation at a time, so that no second array of tables is ever held.
void put_in_file_order(std::vector<model::Table>& tables,
                       const std::vector<std::uint32_t>& file_of) {
  std::vector<std::uint32_t> from(tables.size());  // from[i]: the table that belongs at i
  std::iota(from.begin(), from.end(), std::uint32_t{0});
  std::stable_sort(from.begin(), from.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return file_of[a] < file_of[b]; });
  for (std::size_t start = 0; start < from.size(); ++start) {
    if (from[start] == start) {
      continue;
    }
    model::Table held = std::move(tables[start]);
    std::size_t at = start;
    while (from[at] != start) {
      const std::size_t next = from[at];
      tables[at] = std::move(tables[next]);
      from[at] = static_cast<std::uint32_t>(at);
      at = next;
    }
    tables[at] = std::move(held);
    from[at] = static_cast<std::uint32_t>(at);
  }
}

}  // namespace

model::Corpus ingest(const model::Config& config, std::vector<model::FileEntry> files,
                     std::vector<model::Diagnostic> diagnostics) {
  model::Corpus corpus;
  corpus.root = config.root;
  std::vector<std::size_t> work;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].skipped) {
      diagnostics.push_back({files[i].path, std::nullopt, model::Severity::warning,
                             "skipped: " + files[i].skip_reason});
    } else if (parser_for(files[i].kind) != nullptr) {
      work.push_back(i);
    }
  }
  // Each file's result is merged as soon as it is parsed, whatever order the threads finish in,
  // and the tables are put in file order once at the end. Merging in file order as results came
  // in held every finished file's tables until all the files before it were done: with the
  // largest files parsed first, that was nearly all of them, and the per-file arrays they waited
  // in were left behind as holes in the heap (26 MB of 356 MB at the peak on the bench corpus).
  TableSpool spool;
  std::vector<std::uint32_t> table_file;  // for each spooled table, the rank of its file in `work`
  std::vector<std::pair<std::size_t, std::vector<model::Passage>>> passages;  // by rank, unordered
  // One read buffer per thread at most, passed from file to file; room for all of them up front,
  // so that giving one back cannot throw.
  std::vector<util::FileBuffer> buffers;
  buffers.reserve(util::resolve_jobs(config.jobs));
  std::mutex merging;  // guards all of the above, and the entries of `files` once parsed
  std::exception_ptr merge_error;
  auto merge = [&](FileResult& result, std::size_t k) {
    model::FileEntry& file = files[work[k]];
    file.content_hash = std::move(result.content_hash);
    file.masked_hash = std::move(result.masked_hash);
    if (result.skip_reason) {
      file.skipped = true;
      file.skip_reason = std::move(*result.skip_reason);
    }
    if (result.parsed.failure) {
      diagnostics.push_back(std::move(*result.parsed.failure));
    }
    for (auto& note : result.parsed.diagnostics) {
      diagnostics.push_back(std::move(note));
    }
    file.tables = result.parsed.tables.size();
    for (auto& table : result.parsed.tables) {
      table_file.push_back(static_cast<std::uint32_t>(k));
      spool.push(std::move(table));
    }
    if (!result.parsed.passages.empty()) {
      passages.emplace_back(k, std::move(result.parsed.passages));
    }
    result = {};
  };
  // Largest files first. A big CSV needs tens of MB of parse buffers per thread; parsed first,
  // that peak comes while little of the corpus is held yet, rather than on top of all of it,
  // and the small files at the end even out the threads' finishing times.
  std::vector<std::size_t> order(work.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return files[work[a]].bytes > files[work[b]].bytes;
  });
  util::parallel_for(work.size(), config.jobs, [&](std::size_t next) {
    if (util::cancel_requested()) {
      return;  // Ctrl-C: the caller stops the run; the files left are not worth reading
    }
    const std::size_t k = order[next];
    const auto& file = files[work[k]];
    util::FileBuffer buffer;
    {
      const std::scoped_lock lock(merging);
      if (!buffers.empty()) {
        buffer = std::move(buffers.back());
        buffers.pop_back();
      }
    }
    FileResult result;
    try {
      result = read_and_parse(config, file, parser_for(file.kind), buffer);
    } catch (const std::exception& e) {  // out of memory, most likely
      result = {};
      result.skip_reason = e.what();
      result.parsed.failure = model::Diagnostic{file.path, std::nullopt, model::Severity::error,
                                                std::string("cannot parse: ") + e.what()};
    }
    const std::scoped_lock lock(merging);
    buffers.push_back(std::move(buffer));
    if (merge_error != nullptr) {
      return;
    }
    try {
      merge(result, k);
    } catch (...) {  // out of memory: thrown again once the threads are done
      merge_error = std::current_exception();
    }
  });
  if (merge_error) {
    std::rethrow_exception(merge_error);
  }
  spool.move_into(corpus.tables);
  put_in_file_order(corpus.tables, table_file);
  std::sort(passages.begin(), passages.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [k, lines] : passages) {
    corpus.passages.insert(corpus.passages.end(), std::make_move_iterator(lines.begin()),
                           std::make_move_iterator(lines.end()));
  }
  std::stable_sort(diagnostics.begin(), diagnostics.end(), model::diagnostic_less);
  corpus.files = std::move(files);
  corpus.diagnostics = std::move(diagnostics);
  return corpus;
}

}  // namespace chimera::ingest
