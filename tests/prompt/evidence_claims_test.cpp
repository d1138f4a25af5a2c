#include <gtest/gtest.h>

#include <string>

#include "analyze/corpus_files.hpp"
#include "chimera/prompt/evidence.hpp"

namespace chimera::prompt {
namespace {

// Two configurations of four runs; throughput means 101.5 (num_gpu=80) and 96.5 (num_gpu=40).
const char* const k_runs =
    "num_gpu,run,throughput_tok_s\n"
    "80,1,100.0\n80,2,101.0\n80,3,102.0\n80,4,103.0\n"
    "40,1,95.0\n40,2,96.0\n40,3,97.0\n40,4,98.0\n";

TEST(EvidenceClaims, TheLlmIsToldWhichDocumentNumbersContradictTheRuns) {
  const test::TempDir dir;
  dir.write("data/runs.csv", k_runs);
  dir.write("reports/report.md", "# Report\n\n- Mean throughput at num_gpu=40: 99.0 tok/s\n");
  model::Config config;
  config.root = dir.path();
  config.jobs = 1;
  std::vector<model::Diagnostic> diagnostics;
  auto files = discover::discover(config, diagnostics);
  const auto corpus = ingest::ingest(config, std::move(files), std::move(diagnostics));
  const auto analysis = analyze::analyze(corpus);
  std::string text;
  for (const auto& section : evidence_sections(corpus, analysis)) {
    if (section.title == "Documents vs data") {
      text = to_text(section);
    }
  }
  EXPECT_NE(text.find("1 number stated in the corpus's documents checked against the runs: 0 "
                      "supported, 1 contradicted, 0 unmatched"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("- reports/report.md:3 states \"Mean throughput at num_gpu=40: 99.0 "
                      "tok/s\"; the runs give mean 96.50 tok/s (n=4, num_gpu=40), +2.6%"),
            std::string::npos)
      << text;
}

TEST(EvidenceClaims, NoSectionWithoutDocuments) {
  const test::TempDir dir;
  dir.write("data/runs.csv", k_runs);
  model::Config config;
  config.root = dir.path();
  std::vector<model::Diagnostic> diagnostics;
  auto files = discover::discover(config, diagnostics);
  const auto corpus = ingest::ingest(config, std::move(files), std::move(diagnostics));
  for (const auto& section : evidence_sections(corpus, analyze::analyze(corpus))) {
    EXPECT_NE(section.title, "Documents vs data");
  }
}

}  // namespace
}  // namespace chimera::prompt
