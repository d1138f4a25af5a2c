// Discover + ingest of a whole directory, timed: `chimera_ingest_bench DIR [--kind csv|json|
// markdown] [--jobs N] [--discard]`. Prints one JSON object with MB/s and files/s. --discard
// drops each file's tables once parsed (the parsers' working set alone); without it the corpus
// is kept in memory as `chimera analyze` keeps it. In that mode it also reports malloc's view at
// the end (heap_mib in use, heap_free_mib held but free, mmap_mib in blocks malloc mapped on their
// own, which heap_mib leaves out) beside the resident set now and at its peak, so that the gap
// between RSS and live memory can be told apart from the live memory itself. With
// CHIMERA_MALLOC_STATS set it prints glibc's per-arena statistics to stderr as well.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "chimera/discover/discover.hpp"
#include "chimera/ingest/csv.hpp"
#include "chimera/ingest/encoding.hpp"
#include "chimera/ingest/ingest.hpp"
#include "chimera/ingest/json.hpp"
#include "chimera/ingest/markdown.hpp"
#include "chimera/util/file_io.hpp"
#include "chimera/util/parallel.hpp"

namespace {

using namespace chimera;

std::size_t parse_and_drop(const model::Config& config, const model::FileEntry& file) {
  // As ingest() does: one buffer per thread, reused from file to file.
  thread_local util::FileBuffer buffer;
  const auto bytes = util::read_file(config.root / file.path, buffer);
  if (!bytes) {
    return 0;
  }
  const model::SourceRef where{file.path, file.kind};
  const auto decoded = ingest::decode(*bytes, where);
  const std::string_view text = decoded.text();
  switch (file.kind) {
    case model::FileKind::csv: return ingest::parse_csv(text, where).tables.size();
    case model::FileKind::json: return ingest::parse_json(text, where).tables.size();
    case model::FileKind::markdown: return ingest::parse_markdown(text, where).tables.size();
    case model::FileKind::other: return 0;
  }
  return 0;
}

// A line of /proc/self/status in MiB ("VmRSS", "VmHWM"), or 0 where there is none.
double status_mib(const std::string& key) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(key + ":", 0) == 0) {
      return std::stod(line.substr(key.size() + 1)) / 1024.0;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: chimera_ingest_bench DIR [--kind K] [--jobs N] [--discard]\n");
    return 2;
  }
  model::Config config;
  config.root = argv[1];
  std::string kind = "all";
  bool discard = false;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--kind") == 0 && i + 1 < argc) {
      kind = argv[++i];
    } else if (std::strcmp(argv[i], "--jobs") == 0 && i + 1 < argc) {
      config.jobs = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (std::strcmp(argv[i], "--discard") == 0) {
      discard = true;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  std::vector<model::Diagnostic> diagnostics;
  auto all = discover::discover(config, diagnostics);
  std::vector<model::FileEntry> files;
  std::uint64_t bytes = 0;
  for (auto& f : all) {
    if (f.kind != model::FileKind::other && (kind == "all" || model::to_string(f.kind) == kind)) {
      bytes += f.bytes;
      files.push_back(std::move(f));
    }
  }
  std::size_t tables = 0;
  std::size_t columns = 0;
  std::size_t values = 0;
  double heap_mib = 0;
  double heap_free_mib = 0;
  double mmap_mib = 0;
  if (discard) {
    // ingest() sets up the allocator for many large parses; do the same before parsing directly.
    (void)ingest::ingest(config, {}, {});
    std::atomic<std::size_t> count{0};
    util::parallel_for(files.size(), config.jobs,
                       [&](std::size_t i) { count += parse_and_drop(config, files[i]); });
    tables = count;
  } else {
    const auto corpus = ingest::ingest(config, files, std::move(diagnostics));
    tables = corpus.tables.size();
    for (const auto& table : corpus.tables) {
      columns += table.columns.size();
      values += table.columns.size() * table.rows();
    }
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    const auto info = mallinfo2();
    heap_mib = static_cast<double>(info.uordblks) / (1024.0 * 1024.0);
    heap_free_mib = static_cast<double>(info.fordblks) / (1024.0 * 1024.0);
    mmap_mib = static_cast<double>(info.hblkhd) / (1024.0 * 1024.0);
    if (std::getenv("CHIMERA_MALLOC_STATS") != nullptr) {
      malloc_stats();
    }
#endif
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "{\"kind\": \"%s\", \"mode\": \"%s\", \"files\": %zu, \"bytes\": %llu, \"tables\": %zu, "
      "\"columns\": %zu, \"values\": %zu, \"heap_mib\": %.1f, \"heap_free_mib\": %.1f, "
      "\"mmap_mib\": %.1f, \"rss_end_mib\": %.1f, \"rss_peak_mib\": %.1f, "
      "\"seconds\": %.3f, \"mb_per_s\": %.1f, \"files_per_s\": %.1f}\n",
      kind.c_str(), discard ? "discard" : "retain", files.size(),
      static_cast<unsigned long long>(bytes), tables, columns, values, heap_mib, heap_free_mib,
      mmap_mib, status_mib("VmRSS"), status_mib("VmHWM"), seconds,
      static_cast<double>(bytes) / 1e6 / seconds, static_cast<double>(files.size()) / seconds);
  return 0;
}
