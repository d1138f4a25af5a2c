#pragma once

#include "chimera/model/analysis.hpp"
#include "chimera/model/config.hpp"
#include "chimera/model/corpus.hpp"
#include "chimera/model/llm.hpp"

namespace chimera::test {

// A small corpus and its analysis, filled field by field, for renderer and prompt tests.
struct ReportSample {
  model::Config config;
  model::Corpus corpus;
  model::Analysis analysis;
  model::LlmOutcome llm;  // skipped, "disabled by --llm off"
};

[[nodiscard]] ReportSample make_report_sample();

// An LLM outcome with both passes ok and the given texts, with server metrics.
[[nodiscard]] model::LlmOutcome make_llm_ok(const std::string& analysis_text,
                                            const std::string& report_text);

}  // namespace chimera::test
