#include "chimera/ingest/ingest.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <future>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "chimera/discover/discover.hpp"
#include "chimera/util/cancel.hpp"
#include "support/process.hpp"
#include "support/shared_corpora.hpp"

namespace chimera::ingest {
namespace {

model::Corpus ingest_dir(const std::string& root, unsigned jobs = 0) {
  model::Config config;
  config.root = root;
  config.jobs = jobs;
  std::vector<model::Diagnostic> diagnostics;
  auto files = discover::discover(config, diagnostics);
  return ingest(config, std::move(files), std::move(diagnostics));
}

const model::Table* table_at(const model::Corpus& corpus, std::string_view source,
                             std::string_view locator) {
  for (const auto& t : corpus.tables) {
    if (t.source == source && t.locator == locator) {
      return &t;
    }
  }
  return nullptr;
}

const model::Diagnostic* diagnostic_for(const model::Corpus& corpus, std::string_view path) {
  for (const auto& d : corpus.diagnostics) {
    if (d.path == path) {
      return &d;
    }
  }
  return nullptr;
}

// Every CSV, JSON and Markdown file either gave tables or is named in a diagnostic with a reason.
void expect_every_file_accounted_for(const model::Corpus& corpus) {
  std::size_t parsable = 0;
  for (const auto& file : corpus.files) {
    if (file.kind == model::FileKind::other) {
      continue;
    }
    ++parsable;
    if (file.tables > 0) {
      EXPECT_FALSE(file.skipped) << file.path;
      EXPECT_EQ(file.content_hash.size(), 32u) << file.path;
      continue;
    }
    const auto* d = diagnostic_for(corpus, file.path);
    ASSERT_NE(d, nullptr) << file.path << " has no table and no diagnostic";
    EXPECT_FALSE(d->message.empty()) << file.path;
  }
  EXPECT_GT(parsable, 0u);
}

TEST(Ingest, ExampleCorpusNamesMalformedJsonWithLineAndColumn) {
  const auto corpus = ingest_dir(std::string(CHIMERA_SOURCE_DIR) + "/examples/reports");
  expect_every_file_accounted_for(corpus);
  const auto* bad = diagnostic_for(corpus, "runs/run_004_interrupted.json");
  ASSERT_NE(bad, nullptr);
  ASSERT_TRUE(bad->line.has_value());
  EXPECT_GT(*bad->line, 1u);
  EXPECT_EQ(bad->severity, model::Severity::error);
  EXPECT_NE(bad->message.find("column"), std::string::npos) << bad->message;
  for (const auto& file : corpus.files) {
    if (file.path == "runs/run_004_interrupted.json") {
      EXPECT_TRUE(file.skipped);
      EXPECT_NE(file.skip_reason.find("line"), std::string::npos) << file.skip_reason;
    }
  }
}

TEST(Ingest, ExampleCorpusMarksTheFailedSweepRow) {
  const auto corpus = ingest_dir(std::string(CHIMERA_SOURCE_DIR) + "/examples/reports");
  const auto* sweep = table_at(corpus, "sweep/param_sweep.csv", "");
  ASSERT_NE(sweep, nullptr);
  std::size_t failed = 0;
  for (std::size_t row = 0; row < sweep->rows(); ++row) {
    if (sweep->failed[row]) {
      ++failed;
      EXPECT_NE(sweep->failure_reason[row].find("out of memory"), std::string::npos);
      EXPECT_EQ(sweep->row_location(row), "sweep/param_sweep.csv:37");
    }
  }
  EXPECT_EQ(failed, 1u);
  const auto* ttft = sweep->find_column("ttft_s");
  ASSERT_NE(ttft, nullptr);
  EXPECT_EQ(ttft->kind(), model::MetricKind::ttft);
  EXPECT_EQ(ttft->unit(), "ms");
  EXPECT_DOUBLE_EQ(ttft->numbers[0], 406.0);
  EXPECT_EQ(sweep->find_column("tokens_s")->kind(), model::MetricKind::throughput);
  EXPECT_EQ(sweep->find_column("error")->role(), model::Role::error);
}

TEST(Ingest, ExampleCorpusDuplicateFilesShareContentHash) {
  const auto corpus = ingest_dir(std::string(CHIMERA_SOURCE_DIR) + "/examples/reports");
  std::string a;
  std::string b;
  for (const auto& f : corpus.files) {
    a = f.path == "runs/run_002.json" ? f.content_hash : a;
    b = f.path == "runs/run_002_copy.json" ? f.content_hash : b;
  }
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, b);
}

TEST(Ingest, ResultDoesNotDependOnTheNumberOfThreads) {
  CHIMERA_SKIP_WITHOUT_SHARED_CORPUS("agent-sweep");
  const std::string root = test::shared_corpus("agent-sweep");
  const auto one = ingest_dir(root, 1);
  const auto four = ingest_dir(root, 4);
  ASSERT_EQ(one.tables.size(), four.tables.size());
  for (std::size_t i = 0; i < one.tables.size(); ++i) {
    EXPECT_EQ(one.tables[i].source, four.tables[i].source);
    EXPECT_EQ(one.tables[i].locator, four.tables[i].locator);
    EXPECT_EQ(one.tables[i].columns.size(), four.tables[i].columns.size());
  }
  ASSERT_EQ(one.diagnostics.size(), four.diagnostics.size());
  for (std::size_t i = 0; i < one.diagnostics.size(); ++i) {
    EXPECT_EQ(model::format_diagnostic(one.diagnostics[i]),
              model::format_diagnostic(four.diagnostics[i]));
  }
}

TEST(Ingest, TablesComeInFileOrderThoughTheLargestFilesAreParsedFirst) {
  // Sizes grow with the name, so the files are parsed in about the reverse of file order, and
  // the threads finish them out of order; the tables must still come in file order, and a
  // file's own tables in their order in the file.
  test::TempDir dir;
  std::vector<std::pair<std::string, std::string>> expected;
  for (int f = 0; f < 24; ++f) {
    const std::string stem = (f < 10 ? "f0" : "f") + std::to_string(f);
    std::string csv = "model,ttft_ms\n";
    std::string md = "# Run " + std::to_string(f) + "\n";
    for (int t = 1; t <= 3; ++t) {
      md += "\n| model | ttft_ms |\n|---|---|\n";
      for (int row = 0; row < 20 * f + t; ++row) {
        md += "| m" + std::to_string(row) + " | " + std::to_string(row + t) + " |\n";
      }
    }
    for (int row = 0; row < 200 * f + 1; ++row) {
      csv += "m" + std::to_string(row) + "," + std::to_string(row) + "\n";
    }
    dir.write(stem + ".csv", csv);
    dir.write(stem + ".md", md);
    expected.emplace_back(stem + ".csv", "");
    for (int t = 1; t <= 3; ++t) {
      expected.emplace_back(stem + ".md", "table " + std::to_string(t));
    }
  }
  for (const unsigned jobs : {1U, 2U, 4U}) {
    const auto corpus = ingest_dir(dir.path(), jobs);
    std::vector<std::pair<std::string, std::string>> seen;
    for (const auto& table : corpus.tables) {
      seen.emplace_back(table.source, table.locator);
    }
    EXPECT_EQ(seen, expected) << jobs << " jobs";
    ASSERT_EQ(corpus.tables.size(), expected.size());
    // Each table kept its own rows: table t of file f has 20 f + t of them.
    EXPECT_EQ(corpus.tables[4 * 23 + 3].rows(), 20u * 23 + 3) << jobs << " jobs";
  }
}

TEST(Ingest, SkipsBinaryAndReportsRaggedRowsSortedByPathThenLine) {
  test::TempDir dir;
  dir.write("b.csv", "a,b\n1,2\n3\n4,5,6\n");
  dir.write("a.json", std::string("{\"x\": 1}\0\0\0", 11));
  dir.write("c.md", "# Only prose\n");
  const auto corpus = ingest_dir(dir.path(), 2);
  ASSERT_EQ(corpus.files.size(), 3u);
  EXPECT_TRUE(corpus.files[0].skipped);
  EXPECT_NE(corpus.files[0].skip_reason.find("binary"), std::string::npos);
  ASSERT_GE(corpus.diagnostics.size(), 3u);
  EXPECT_EQ(corpus.diagnostics[0].path, "a.json");
  EXPECT_EQ(corpus.diagnostics[1].path, "b.csv");
  EXPECT_EQ(corpus.diagnostics[1].line, 3u);
  EXPECT_EQ(corpus.diagnostics[2].line, 4u);
  EXPECT_EQ(model::format_diagnostic(corpus.diagnostics[1]),
            "chimera: warning: b.csv:3: expected 2 fields, got 1; the missing fields read as empty");
  EXPECT_EQ(corpus.files[1].tables, 1u);
}

TEST(Ingest, OversizedFileFromDiscoverGetsADiagnostic) {
  test::TempDir dir;
  dir.write("big.csv", std::string(4096, 'x'));
  model::Config config;
  config.root = dir.path();
  config.max_file_size = 1024;
  std::vector<model::Diagnostic> diagnostics;
  auto files = discover::discover(config, diagnostics);
  const auto corpus = ingest(config, std::move(files), std::move(diagnostics));
  ASSERT_EQ(corpus.diagnostics.size(), 1u);
  EXPECT_NE(corpus.diagnostics[0].message.find("--max-file-size"), std::string::npos);
  EXPECT_TRUE(corpus.tables.empty());
}

// Discovery saw a regular file; by the time a worker opens it, it is a FIFO. That blocked the
// worker in open() for good. If it ever blocks again, the test opens the writer itself so that it
// fails instead of hanging.
TEST(Ingest, AFileReplacedByAFifoAfterDiscoveryIsSkippedNotAHang) {
  test::TempDir dir;
  dir.write("runs.csv", "ttft_ms\n1\n");
  dir.write("good.csv", "ttft_ms\n2\n");
  model::Config config;
  config.root = dir.path();
  std::vector<model::Diagnostic> diagnostics;
  auto files = discover::discover(config, diagnostics);
  ASSERT_EQ(files.size(), 2u);
  const std::string fifo = dir.path() + "/runs.csv";
  std::filesystem::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto ingested = std::async(std::launch::async, [&] {
    return ingest(config, std::move(files), std::move(diagnostics));
  });
  if (ingested.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
    const int writer = ::open(fifo.c_str(), O_WRONLY);
    ::close(writer);
    ADD_FAILURE() << "ingest blocked on a FIFO";
  }
  const model::Corpus corpus = ingested.get();
  ASSERT_EQ(corpus.files.size(), 2u);
  EXPECT_TRUE(corpus.files[1].skipped);
  EXPECT_EQ(corpus.files[1].skip_reason, "not a regular file (a FIFO)");
  const auto* d = diagnostic_for(corpus, "runs.csv");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("not a regular file (a FIFO)"), std::string::npos) << d->message;
  ASSERT_EQ(corpus.tables.size(), 1u);
  EXPECT_EQ(corpus.tables[0].source, "good.csv");
}

TEST(Ingest, AfterACancelRequestNoFurtherFileIsRead) {
  test::TempDir dir;
  dir.write("a.csv", "ttft_ms\n1\n");
  dir.write("b.csv", "ttft_ms\n2\n");
  model::Config config;
  config.root = dir.path();
  std::vector<model::Diagnostic> diagnostics;
  auto files = discover::discover(config, diagnostics);
  util::request_cancel();
  const model::Corpus corpus = ingest(config, std::move(files), std::move(diagnostics));
  util::reset_cancel();
  EXPECT_EQ(corpus.files.size(), 2u);
  EXPECT_TRUE(corpus.tables.empty());
}

}  // namespace
}  // namespace chimera::ingest
