#include "chimera/prompt/evidence.hpp"

#include <gtest/gtest.h>

#include "chimera/grounding/grounding.hpp"
#include "support/report_sample.hpp"

namespace chimera::prompt {
namespace {

std::vector<std::string> titles(const std::vector<EvidenceSection>& sections) {
  std::vector<std::string> out;
  for (const auto& s : sections) {
    out.push_back(s.title);
  }
  return out;
}

std::string all_text(const std::vector<EvidenceSection>& sections) {
  std::string out;
  for (const auto& s : sections) {
    out += to_text(s);
  }
  return out;
}

TEST(EvidencePack, SectionsComeMostImportantFirstAndEmptyOnesAreLeftOut) {
  const auto s = test::make_report_sample();
  EXPECT_EQ(titles(evidence_sections(s.corpus, s.analysis)),
            (std::vector<std::string>{"Corpus", "Key findings (computed)",
                                      "Experiment 1: sweep.csv", "Data findings",
                                      "Recommendations (computed)"}));
  model::Analysis empty;
  EXPECT_EQ(titles(evidence_sections(model::Corpus{}, empty)),
            (std::vector<std::string>{"Corpus"}));
}

TEST(EvidencePack, StatesTheComputedNumbersWithUnits) {
  const auto s = test::make_report_sample();
  const std::string text = all_text(evidence_sections(s.corpus, s.analysis));
  for (const char* expected :
       {"2 files (1 csv, 1 json), 1 tables, 12 rows\n",
        "- Markdown tables are documents, not runs: 0 restate the measurements, 1 state numbers "
        "not found in them\n",
        "- skipped big.json: larger than --max-file-size\n",
        "## Experiment 1: sweep.csv\n- 1 files, 13 runs (1 failed, excluded), 2 configurations\n"
        "- factor num_gpu: 60, 80\n- fixed: model=gemma3:latest\n",
        "- ranked on throughput (tok/s) [tokens_s] (higher is better); top 2:\n",
        "  - rank 1 num_gpu=80: n=6, median 69.10 tok/s (95% interval of the median 67 to 71.30 "
        "tok/s), mean 69.50 tok/s, stddev 1.90 tok/s, cv 0.027",
        "; ttft_s median 398 ms\n",
        "- effect of num_gpu on throughput (tok/s) [tokens_s]: medians 60: 61.50 (n=6), 80: 69.10 "
        "(n=6); mann-whitney p = 0.00216 (matters)\n",
        "- throughput (tok/s) [tokens_s]: num_gpu=80 (n=6) vs num_gpu=60 (n=6): ratio 1.12x, "
        "p = 0.004, significant\n",
        "- [error] failed-run: run 4 was interrupted (sweep.csv:5)\n- [warning] duplicate-file"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n---\n" << text;
  }
}

TEST(EvidencePack, NumbersTheReportShowsAreSupportedByIt) {
  const auto s = test::make_report_sample();
  const grounding::Evidence evidence(all_text(evidence_sections(s.corpus, s.analysis)));
  for (const char* claim : {"69.1 tok/s", "406 ms", "0.41 s", "2.7%", "12%", "1.12x", "6",
                            "61.5 tok/s"}) {
    EXPECT_TRUE(grounding::check(claim, "x", evidence).at(0).supported) << claim;
  }
}

TEST(EvidencePack, FitsTheBudgetByWholeLinesAndSaysWhatWasCut) {
  const auto s = test::make_report_sample();
  const auto sections = evidence_sections(s.corpus, s.analysis);
  const TokenEstimator estimator;
  const std::string whole = fit_evidence(sections, 1'000'000, estimator);
  EXPECT_EQ(whole.size(), all_text(sections).size() + sections.size() - 1);
  EXPECT_EQ(whole.find("left out"), std::string::npos);
  const std::string nothing = fit_evidence(sections, 10, estimator);
  EXPECT_EQ(nothing.find("## "), std::string::npos) << nothing;
  EXPECT_NE(nothing.find("(Sections left out to fit the context: Corpus; "), std::string::npos);
  for (const std::int64_t budget : {250, 400, 600}) {
    const std::string cut = fit_evidence(sections, budget, estimator);
    EXPECT_LE(estimator.estimate(cut), budget) << budget;
    EXPECT_EQ(cut.rfind("## Corpus\n", 0), 0u) << cut;
    EXPECT_NE(cut.find("(Sections left out to fit the context: "), std::string::npos) << cut;
    EXPECT_NE(cut.find("Recommendations (computed))"), std::string::npos)
        << "the least important section goes first";
  }
}

TEST(EvidencePack, IsDeterministic) {
  const auto s = test::make_report_sample();
  const TokenEstimator estimator;
  EXPECT_EQ(fit_evidence(evidence_sections(s.corpus, s.analysis), 300, estimator),
            fit_evidence(evidence_sections(s.corpus, s.analysis), 300, estimator));
}

TEST(TokenEstimator, CalibratesFromTheServersCountAndIgnoresImplausibleRatios) {
  TokenEstimator e;
  EXPECT_EQ(e.estimate(std::string(300, 'x')), 100);
  e.calibrate(100, 150);
  EXPECT_DOUBLE_EQ(e.ratio(), 1.5);
  EXPECT_EQ(e.estimate(std::string(300, 'x')), 150);
  e.calibrate(100, 5);  // a prompt-cache hit counts only the new tokens
  EXPECT_DOUBLE_EQ(e.ratio(), 1.5);
  e.calibrate(0, 100);
  EXPECT_DOUBLE_EQ(e.ratio(), 1.5);
}

TEST(FormatGroup, JoinsNameValuePairs) {
  EXPECT_EQ(format_group({{"num_gpu", "80"}, {"num_ctx", "2048"}}), "num_gpu=80, num_ctx=2048");
  EXPECT_EQ(format_group({}), "all rows");
}

}  // namespace
}  // namespace chimera::prompt
