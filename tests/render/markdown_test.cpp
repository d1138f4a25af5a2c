#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chimera/render/report.hpp"
#include "support/report_sample.hpp"

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
  r.md = render_markdown(in);
  return r;
}

TEST(MarkdownReport, HasOneTitleAndTheSectionsInOrder) {
  const auto r = render_with(nullptr);
  EXPECT_EQ(lines_starting_with(r.md, "# ").size(), 1u);
  EXPECT_EQ(lines_starting_with(r.md, "## "),
            (std::vector<std::string>{
                "## Executive Summary", "## Data Ingestion Summary", "## Performance Analysis",
                "## Key Findings", "## Recommendations", "## Risks and Mitigations",
                "## Appendix: Files", "## Workflow Summary", "## Metrics", "## Grounding"}));
}

TEST(MarkdownReport, WithoutLlmSaysWhyInOneLineAndKeepsComputedParts) {
  const auto r = render_with(nullptr);
  EXPECT_NE(r.md.find("> LLM narrative absent: disabled by --llm off.\n"), std::string::npos);
  EXPECT_NE(r.md.find("- Options (not sent): num_gpu=80, num_ctx=2048, temp=0.8\n"),
            std::string::npos);
  // Without a report pass the summary is the computed key findings, as sentences.
  EXPECT_NE(r.md.find("## Executive Summary\n\nnum_gpu=80 has the highest median throughput, "
                      "69.1 tok/s.\n"),
            std::string::npos);
  EXPECT_NE(r.md.find("No LLM pass ran: disabled by --llm off.\n"), std::string::npos);
  EXPECT_NE(r.md.find("No LLM text to check"), std::string::npos);
  EXPECT_EQ(r.md.find("From the analysis pass"), std::string::npos);
}

TEST(MarkdownReport, PerformanceTablesPutUnitsInHeadersAndShowTheMedianInterval) {
  const auto r = render_with(nullptr);
  EXPECT_NE(r.md.find("#### throughput (tok/s)\n"), std::string::npos);
  EXPECT_NE(r.md.find("| Median (tok/s) | Median 95% CI (tok/s) |"), std::string::npos);
  EXPECT_NE(r.md.find("| `sweep.csv` | tokens_s | 6 | 1 | 69.10 | 67 – 71.30 | 69.50 | 1.90 | "
                      "0.027 | 66 – 72.40 | 66.20 – 72.10 |"),
            std::string::npos)
      << r.md;
  EXPECT_NE(r.md.find("| `sweep.csv` | empty | 0 | 0 | - | - |"), std::string::npos);
  EXPECT_NE(r.md.find("| num_gpu=60 | 6 | 406 | - |"), std::string::npos);
  EXPECT_NE(r.md.find("| 1 | num_gpu=60 | throughput (tok/s) | 69.10 | 67 – 71.30 | 6 | yes |"),
            std::string::npos);
  EXPECT_NE(r.md.find("| num_gpu=80 | 69.10 | 406 |"), std::string::npos);
  EXPECT_NE(r.md.find("| throughput (tok/s) | num_gpu=80 | num_gpu=60 | 6 / 6 | 1.12 | 0.004 | "
                      "significant |"),
            std::string::npos);
}

TEST(MarkdownReport, LongPerformanceTablesKeepTheirFirst200RowsAndSayHowManyAreLeftOut) {
  Rendered r;
  auto& analysis = r.sample.analysis;
  // 205 files of one throughput column, and 203 configurations of TTFT.
  const model::MetricStats first_metric = analysis.metrics[0];
  const model::GroupStats ttft_group = analysis.groups[1];
  analysis.metrics.clear();
  analysis.groups.clear();
  for (int i = 0; i < 205; ++i) {
    model::MetricStats m = first_metric;
    m.source = "run_" + std::to_string(1000 + i) + ".csv";
    analysis.metrics.push_back(m);
  }
  for (int i = 0; i < 203; ++i) {
    model::GroupStats g = ttft_group;
    g.group = {{"num_ctx", std::to_string(1000 + i)}};
    analysis.groups.push_back(g);
  }
  r.narrative = build_narrative(r.sample.llm, "");
  const ReportInput in{r.sample.config,   r.sample.corpus,     r.sample.analysis, r.sample.llm,
                       r.narrative,       Timings{0, 0, 0},    "2025-11-10T05:12:37Z"};
  const std::string md = render_markdown(in);

  EXPECT_EQ(lines_starting_with(md, "| `run_").size(), 200u);
  EXPECT_NE(md.find("| `run_1199.csv` |"), std::string::npos);
  EXPECT_EQ(md.find("| `run_1200.csv` |"), std::string::npos);
  EXPECT_NE(md.find("| `run_1199.csv` | tokens_s | 6 | 1 | 69.10 | 67 – 71.30 | 69.50 | 1.90 | "
                    "0.027 | 66 – 72.40 | 66.20 – 72.10 |\n\n_5 more rows are left out of this "
                    "table, which shows the first 200; `--format json` has all 205 under "
                    "`metrics`._\n"),
            std::string::npos);
  EXPECT_EQ(lines_starting_with(md, "| num_ctx=").size(), 200u);
  EXPECT_NE(md.find("_3 more rows are left out of this table, which shows the first 200; "
                    "`--format json` has all 203 under `groups`._\n"),
            std::string::npos);
  // A table of 200 rows or fewer has no such line.
  EXPECT_EQ(render_with(nullptr).md.find("more rows are left out"), std::string::npos);
}

TEST(MarkdownReport, ListsSkippedFilesFindingsAndDiagnostics) {
  const auto r = render_with(nullptr);
  EXPECT_NE(r.md.find("- `big.json`: larger than --max-file-size\n"), std::string::npos);
  EXPECT_NE(r.md.find("| error | `failed-run` | run 4 was interrupted | `sweep.csv:5` |"),
            std::string::npos);
  EXPECT_NE(r.md.find("- `sweep.csv:7`: warning: expected 10 fields, got 9\n"), std::string::npos);
  EXPECT_NE(r.md.find("| `big.json` | json | 99999999 | 2025-11-13T02:15:00Z | 0 | skipped: "),
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
  EXPECT_NE(r.md.find("| U1 | 92% | Executive Summary |\n| U2 | 92.3% | Recommendations |\n"),
            std::string::npos);
  EXPECT_NE(r.md.find("9 checked, 7 supported, 2 unsupported"), std::string::npos) << r.md;
  EXPECT_EQ(r.md.find("LLM narrative absent"), std::string::npos);
  EXPECT_NE(r.md.find("- Options sent: num_gpu=80, num_ctx=2048, temp=0.8\n"), std::string::npos);
  EXPECT_NE(r.md.find("- Model: `gemma3:latest` (server 0.12.3, gemma3 4.3B Q4_K_M)"),
            std::string::npos);
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
