#pragma once

#include <string>
#include <string_view>

#include "chimera/model/analysis.hpp"
#include "chimera/model/config.hpp"
#include "chimera/model/corpus.hpp"
#include "chimera/model/llm.hpp"
#include "chimera/render/narrative.hpp"

namespace chimera::render {

// Wall-clock seconds of each stage of a run.
struct Timings {
  double ingest_s = 0;    // discover + ingest
  double analysis_s = 0;  // statistics, findings and the LLM analysis pass
  double report_s = 0;    // the LLM report pass and rendering
  [[nodiscard]] double total_s() const { return ingest_s + analysis_s + report_s; }
};

// Everything a report shows. The renderers only read it.
struct ReportInput {
  const model::Config& config;
  const model::Corpus& corpus;
  const model::Analysis& analysis;
  const model::LlmOutcome& llm;
  const Narrative& narrative;  // the LLM's text, checked; empty without an LLM
  Timings timings;
  std::string generated_at;  // ISO 8601 UTC
};

// Renders the report in the given format.
[[nodiscard]] std::string render(const ReportInput& input, model::OutputFormat format);

// The Markdown report: the document every other format is made from or mirrors.
[[nodiscard]] std::string render_markdown(const ReportInput& input);

// The Markdown report as a standalone HTML page (cmark-gfm, tables on), with a small stylesheet.
[[nodiscard]] std::string render_html(const ReportInput& input);

// The machine-readable report: the JSON contract documented in the README.
[[nodiscard]] std::string render_json(const ReportInput& input);

}  // namespace chimera::render
