#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "chimera/grounding/grounding.hpp"
#include "chimera/model/llm.hpp"

namespace chimera::render {

// LLM text as it appears in one section of the report, with its numbers checked.
struct NarrativePart {
  std::string section;  // the report section, e.g. "Executive Summary"
  std::string text;     // headings demoted to sit under the section
  std::vector<grounding::Mention> mentions;
  std::size_t first_ref = 1;  // number of the first unsupported mention: "[U<first_ref>]"
  // Set when the text comes from a pass that failed before it finished: what the stream had
  // carried when it stopped, and this names the pass and why ("the report pass failed: ...").
  std::string cut_off;
};

// Everything the LLM contributed to the report, checked against the evidence.
struct Narrative {
  std::optional<NarrativePart> findings;  // the analysis pass
  std::optional<NarrativePart> summary;   // the report pass, split into its three sections
  std::optional<NarrativePart> recommendations;
  std::optional<NarrativePart> risks;
  std::string report_problem;  // why the report pass's text is not used, or ""
  grounding::Summary grounding;
  bool has_text = false;  // some LLM text reached the report
};

// The three sections of a report pass's text; each unset when not found.
struct ReportSections {
  std::optional<std::string> summary;
  std::optional<std::string> recommendations;
  std::optional<std::string> risks;
};

// Splits a report pass's text at its section headings. Markdown headings win over bold lines,
// which win over numbered lines ("1. Executive Summary"); the heading lines are dropped.
[[nodiscard]] ReportSections split_report(std::string_view text);

// Shifts ATX headings so the highest one in `text` has level `top`; trims blank edges.
[[nodiscard]] std::string demote_headings(std::string_view text, int top);

// The narrative of `llm`'s passes, each number checked against `evidence`, the text the model
// was given. A pass that failed after streaming some text contributes that text, marked cut
// off. Unsupported numbers are numbered in report order. With a `judge`, numbers are checked
// against what their sentences say they measure (grounding::check).
[[nodiscard]] Narrative build_narrative(const model::LlmOutcome& llm, std::string_view evidence,
                                        const grounding::SentenceJudge* judge = nullptr);

}  // namespace chimera::render
