#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chimera/render/report.hpp"
#include "support/report_sample.hpp"
#include "support/report_text.hpp"

namespace chimera::render {
namespace {

const char* const k_report_text = R"(# Report

## 1. Executive Summary
Throughput reaches **69.1 tok/s** with num_gpu=80, while GPU utilisation is **92%**.

### Detail
TTFT median is **406 ms**.

## 2. Optimisation Recommendations
1. Use num_gpu=80: **12%** more throughput.
2. Keep the context small.
3. Accuracy stays at **92.3%**.

## 3. Risks and Mitigations
| Risk | Impact | Mitigation |
|---|---|---|
| Thermal throttling | lower tok/s | monitor |
| OOM at num_ctx=2048 | crash | reduce |
)";

std::vector<std::string> lines_starting_with(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::string line = text.substr(pos, nl == std::string::npos ? nl : nl - pos);
    if (line.rfind(prefix, 0) == 0) {
      out.push_back(line);
    }
    pos = nl == std::string::npos ? text.size() : nl + 1;
  }
  return out;
}

struct Rendered {
  test::ReportSample sample = test::make_report_sample();
  Narrative narrative;
  std::string md;
};

Rendered render_with(const model::LlmOutcome* llm, const std::string& evidence = "") {
  Rendered r;
  const model::LlmOutcome& outcome = llm != nullptr ? *llm : r.sample.llm;
  r.narrative = build_narrative(outcome, evidence);
  const ReportInput in{r.sample.config,       r.sample.corpus,
                       r.sample.analysis,     outcome,
                       r.narrative,           Timings{0.02, 24.33, 27.16},
                       "2025-11-10T05:12:37Z"};
  r.md = test::unwrapped(render_markdown(in));
  return r;
}

TEST(MarkdownReport, HasOneTitleAndTheSectionsInOrder) {
  const auto r = render_with(nullptr);
  EXPECT_EQ(lines_starting_with(r.md, "# ").size(), 1u);
  EXPECT_EQ(lines_starting_with(r.md, "## "),
            (std::vector<std::string>{"## Executive Summary", "## Data Ingestion Summary",
                                      "## Experiments", "## Key Findings", "## Recommendations",
                                      "## Risks and Mitigations", "## Appendix: Files",
                                      "## Workflow Summary", "## Metrics", "## Grounding"}));
}

TEST(MarkdownReport, WithoutLlmSaysWhyInOneLineAndKeepsComputedParts) {
  const auto r = render_with(nullptr);
  EXPECT_NE(r.md.find("> LLM narrative absent: disabled by --llm off.\n"), std::string::npos);
  EXPECT_NE(r.md.find("- Options (not sent): num_gpu=80, num_ctx=2048, temp=0.8\n"),
            std::string::npos);
  // Without a report pass the summary is the computed key findings, one bullet each.
  EXPECT_NE(r.md.find("## Executive Summary\n\n- num_gpu=80 has the highest median throughput, "
                      "69.1 tok/s.\n"),
            std::string::npos);
  EXPECT_NE(r.md.find("No LLM pass ran: disabled by --llm off.\n"), std::string::npos);
  EXPECT_NE(r.md.find("No LLM text to check"), std::string::npos);
  EXPECT_EQ(r.md.find("From the analysis pass"), std::string::npos);
}

TEST(MarkdownReport, ExperimentsHaveAnOverviewAndASectionEach) {
  const auto r = render_with(nullptr);
  EXPECT_NE(r.md.find("| 1 | `sweep.csv` | 1 | 13 (1) | num_gpu (2) | num_gpu=80 | throughput "
                      "69.10 tok/s (n = 6, CI 67 – 71.30) |\n"),
            std::string::npos)
      << r.md;
  EXPECT_NE(r.md.find("### Experiment 1: `sweep.csv`\n\n- Runs from 1 file (1 table): `sweep.csv`\n"
                      "- 13 runs, 1 failed; 2 configurations; replicates told apart by the run "
                      "column.\n- Factors: num_gpu (60, 80).\n- Fixed: model=gemma3:latest.\n"
                      "- Metrics: tokens_s (tok/s), ttft_s (ms).\n"),
            std::string::npos);
  // Factor values as columns, units in the headers, the median interval beside the median.
  EXPECT_NE(r.md.find("| Rank | num_gpu | n | Median (tok/s) | 95% CI | ttft_s median (ms) | "
                      "Tied |\n"),
            std::string::npos);
  EXPECT_NE(r.md.find("| 1 | 80 | 6 | 69.10 | 67 – 71.30 | 398 | no |\n"), std::string::npos);
  EXPECT_NE(r.md.find("| 2 | 60 | 6 | 61.50 | 60.20 – 63.50 | 406 | no |\n"), std::string::npos);
  EXPECT_NE(r.md.find("| num_gpu | throughput (tok/s) | 60: 61.50 (6), 80: 69.10 (6) | "
                      "mann-whitney | 0.00216 | 12.36% |\n"),
            std::string::npos);
  EXPECT_NE(r.md.find("| throughput (tok/s) | num_gpu=80 | num_gpu=60 | 6 / 6 | 1.12 | 0.004 | "
                      "significant |"),
            std::string::npos);
  EXPECT_NE(r.md.find("and 1 state numbers of measured metrics that are not among them: "
                      "`notes.md#Results`."),
            std::string::npos);
}

TEST(MarkdownReport, LongTablesKeepTheirFirstRowsAndPointToTheJsonReport) {
  Rendered r;
  auto& e = r.sample.analysis.experiments[0];
  const auto config = e.configurations[0];
  e.configurations.clear();
  e.ranking.clear();
  e.factors[0].levels.clear();
  for (int i = 0; i < 25; ++i) {
    auto c = config;
    c.values = {std::to_string(100 + i)};
    e.factors[0].levels.push_back(c.values[0]);
    e.configurations.push_back(c);
    e.ranking.push_back({static_cast<std::size_t>(i), static_cast<std::size_t>(i) + 1, false});
  }
  r.narrative = build_narrative(r.sample.llm, "");
  const ReportInput in{r.sample.config, r.sample.corpus,  r.sample.analysis,     r.sample.llm,
                       r.narrative,     Timings{0, 0, 0}, "2025-11-10T05:12:37Z"};
  const std::string md = render_markdown(in);
  EXPECT_NE(md.find("| 10 | 109 |"), std::string::npos);
  EXPECT_EQ(md.find("| 11 | 110 |"), std::string::npos);
  EXPECT_NE(md.find("_15 more configurations in `--format json`._\n"), std::string::npos);
  EXPECT_NE(md.find("- Factors: num_gpu (100, 101, 102"), std::string::npos);
  for (const auto& line : lines_starting_with(md, "")) {
    EXPECT_LE(line.size(), 300u) << line;
  }
}

TEST(MarkdownReport, ListsSkippedFilesFindingsAndDiagnostics) {
  const auto r = render_with(nullptr);
  EXPECT_NE(r.md.find("- `big.json`: larger than --max-file-size\n"), std::string::npos);
  EXPECT_NE(r.md.find("- **error** `failed-run`: run 4 was interrupted\n  - `sweep.csv:5`\n"),
            std::string::npos);
  EXPECT_NE(r.md.find("- `sweep.csv:7`: warning: expected 10 fields, got 9\n"), std::string::npos);
  EXPECT_NE(r.md.find("| runs of experiment 1 | 1 | 2013 | `sweep.csv` |\n"), std::string::npos);
  EXPECT_NE(r.md.find("| skipped: larger than --max-file-size | 1 | 99999999 | `big.json` |\n"),
            std::string::npos);
}

TEST(MarkdownReport, WorkflowSummaryShowsStageTimes) {
  const auto r = render_with(nullptr);
  EXPECT_NE(r.md.find("- Files analysed: 2 (1 csv, 1 json)\n"), std::string::npos);
  EXPECT_NE(r.md.find("- Execution time: 51.51s (ingest 0.02s | analysis 24.33s | report 27.16s)"),
            std::string::npos);
}

TEST(MarkdownReport, LlmSectionsAreDemotedUnderOursAndUnsupportedNumbersMarked) {
  const auto llm =
      test::make_llm_ok("# Findings\n1. Median throughput is **69.1 tok/s**.", k_report_text);
  const auto r =
      render_with(&llm, "num_gpu=80, num_ctx=2048: median 69.1 tok/s, 406.0 ms, ratio 1.12x");
  EXPECT_EQ(lines_starting_with(r.md, "# ").size(), 1u);
  EXPECT_EQ(r.md.find("## 1."), std::string::npos);
  EXPECT_NE(r.md.find("## Executive Summary\n\nThroughput reaches **69.1 tok/s** with num_gpu=80, "
                      "while GPU utilisation is **92% [U1]**."),
            std::string::npos)
      << r.md;
  EXPECT_NE(r.md.find("\n### Detail\n"), std::string::npos);
  EXPECT_NE(
      r.md.find(
          "### From the analysis pass\n\n#### Findings\n1. Median throughput is **69.1 tok/s**."),
      std::string::npos);
  EXPECT_NE(r.md.find("### From the report pass\n\n1. Use num_gpu=80: **12%** more throughput."),
            std::string::npos);
  EXPECT_NE(r.md.find("Accuracy stays at **92.3% [U2]**."), std::string::npos);
  EXPECT_NE(r.md.find("## Risks and Mitigations\n\n| Risk | Impact | Mitigation |"),
            std::string::npos);
  EXPECT_NE(r.md.find("| U1 | 92% | Executive Summary | no number of the evidence rounds to it |\n"
                      "| U2 | 92.3% | Recommendations | no number of the evidence rounds to it |\n"),
            std::string::npos);
  EXPECT_NE(r.md.find("9 checked, 7 supported, 2 unsupported"), std::string::npos) << r.md;
  EXPECT_EQ(r.md.find("LLM narrative absent"), std::string::npos);
  EXPECT_NE(r.md.find("- Options sent: num_gpu=80, num_ctx=2048, temp=0.8\n"), std::string::npos);
  EXPECT_NE(r.md.find("- Model: `gemma3:latest` (server 0.12.3, gemma3 4.3B Q4_K_M)"),
            std::string::npos);
}

TEST(MarkdownReport, WrapsLongProseButNeverTablesOrCode) {
  std::string words;
  for (int i = 0; i < 80; ++i) {
    words += "word" + std::to_string(i) + " ";
  }
  const std::string code_line =
      "```\n" + std::string(150, 'c') + " " + std::string(150, 'd') + "\n```\n";
  const std::string table_row = "| " + std::string(200, 'r') + " | " + std::string(150, 's') + " |";
  const auto llm = test::make_llm_ok("- " + words + "\n\n" + code_line,
                                     "## Executive Summary\n" + words +
                                         "\n\n## Risks and Mitigations\n| Risk | Impact |\n"
                                         "|---|---|\n" +
                                         table_row + "\n");
  const auto sample = test::make_report_sample();
  const Narrative narrative = build_narrative(llm, "");
  const ReportInput input{sample.config, sample.corpus,    sample.analysis,       llm,
                          narrative,     Timings{0, 0, 0}, "2025-11-10T05:12:37Z"};
  const std::string md = render_markdown(input);
  for (const auto& line : lines_starting_with(md, "")) {
    if (line.rfind("|", 0) == 0 || line.find("ccc") != std::string::npos) {
      continue;
    }
    EXPECT_LE(line.size(), 100u) << line;
  }
  // A list item goes on under its text; a table row and a code line stay whole.
  EXPECT_NE(md.find("\n  word"), std::string::npos);
  EXPECT_NE(md.find(table_row + "\n"), std::string::npos);
  EXPECT_NE(md.find(std::string(150, 'c') + " " + std::string(150, 'd') + "\n"), std::string::npos);
}

TEST(MarkdownReport, RunMetricsSumOverPassesAndShowEachPass) {
  const auto llm = test::make_llm_ok("ok", k_report_text);
  const auto r = render_with(&llm);
  EXPECT_NE(r.md.find("- Throughput: 80 tok/s\n- TTFT: 150 ms\n- Total duration: 16 s\n"
                      "- Tokens generated: 800\n- Prompt eval: 1800 tokens, 800 ms\n"
                      "- Eval duration: 10000 ms\n- Load duration: 1500 ms\n"),
            std::string::npos)
      << r.md;
  EXPECT_NE(
      r.md.find("| analysis | ok | 200 | 50 | 300 | 900 | 400 | 6000 | 1500 | 8000 | stop | no |"),
      std::string::npos);
  EXPECT_NE(
      r.md.find("| report | ok | 100 | 125 | 500 | 900 | 400 | 4000 | - | 8000 | stop | no |"),
      std::string::npos);
}

TEST(MarkdownReport, UnstructuredReportPassIsReportedAndComputedPartsKept) {
  const auto llm = test::make_llm_ok("fine", "Everything looks fine, nothing to add.");
  const auto r = render_with(&llm);
  EXPECT_NE(r.md.find("> Note: the report pass returned no usable structure"), std::string::npos);
  EXPECT_NE(r.md.find("The report pass returned no Executive Summary; this summary is computed."),
            std::string::npos);
  EXPECT_NE(r.md.find("num_gpu=80 has the highest median throughput"), std::string::npos);
  EXPECT_NE(r.md.find("The report pass returned no risk table."), std::string::npos);
  EXPECT_EQ(r.md.find("nothing to add"), std::string::npos);
}

TEST(MarkdownReport, FailedPassSaysSoAtTheTop) {
  auto llm = test::make_llm_ok("partial", "");
  llm.status = model::LlmStatus::failed;
  llm.reason = "report pass failed: the stream stalled";
  llm.passes[1].ok = false;
  llm.passes[1].error = "the stream stalled";
  const auto r = render_with(&llm);
  EXPECT_NE(r.md.find("> LLM narrative incomplete: report pass failed: the stream stalled.\n"),
            std::string::npos);
  EXPECT_NE(r.md.find("| report | failed: the stream stalled |"), std::string::npos);
  EXPECT_NE(r.md.find("### From the analysis pass\n\npartial"), std::string::npos);
}

}  // namespace
}  // namespace chimera::render
