#pragma once

// Sections of the Markdown report, one function each, shared by the files of render/.

#include <string>
#include <string_view>

#include "chimera/model/analysis.hpp"
#include "chimera/render/escape.hpp"
#include "chimera/render/report.hpp"
#include "chart_slots.hpp"

namespace chimera::render::detail {

// Untrusted text goes through render/escape.hpp: escape_cell, escape_inline, code_span,
// code_span_in_cell.
using render::code_span;
using render::code_span_in_cell;
using render::escape_cell;
using render::escape_inline;
using render::escape_prose;
// Prose lines of the report are wrapped at this width, so that no line is a screen wide.
inline constexpr std::size_t k_wrap_width = 100;

// `text` cut to `max` characters with "…" when longer, for table cells.
[[nodiscard]] std::string shortened(std::string_view text, std::size_t max);
// Wraps every line of Markdown longer than `width` at spaces: paragraphs, list items (continued
// under their text) and quotes; table rows, headings and code blocks are left as they are.
[[nodiscard]] std::string wrap_long_lines(std::string_view markdown, std::size_t width);
// "<value> (<unit>)" header text, or just the value without a unit.
[[nodiscard]] std::string with_unit(std::string_view header, std::string_view unit);
// Narrative text with its unsupported numbers marked "[U<n>]", and a note after it when the
// pass that wrote it was cut off.
[[nodiscard]] std::string marked(const NarrativePart& part);

void experiments_section(std::string& out, const ReportInput& in, ChartMarks charts);
// The whole Markdown report, with the charts `charts` asks for beside the tables.
[[nodiscard]] std::string markdown_report(const ReportInput& in, ChartMarks charts);
// With --baseline: one bold line on the regressions (or their absence) that opens the Executive
// Summary, and the "Changes since baseline" section. Nothing without a baseline.
void baseline_lead(std::string& out, const ReportInput& in);
void changes_section(std::string& out, const ReportInput& in);
// "## Documents vs data": the verdicts on the numbers the corpus's documents state.
void claims_section(std::string& out, const ReportInput& in);
void workflow_summary(std::string& out, const ReportInput& in);
void run_metrics(std::string& out, const ReportInput& in);
void grounding_section(std::string& out, const ReportInput& in);

}  // namespace chimera::render::detail
