#pragma once

// Sections of the Markdown report, one function each, shared by the files of render/.

#include <string>
#include <string_view>

#include "chimera/model/analysis.hpp"
#include "chimera/render/escape.hpp"
#include "chimera/render/report.hpp"

namespace chimera::render::detail {

// Untrusted text goes through render/escape.hpp: escape_cell, escape_inline, code_span,
// code_span_in_cell.
using render::code_span;
using render::code_span_in_cell;
using render::escape_cell;
using render::escape_inline;
// "<value> (<unit>)" header text, or just the value without a unit.
[[nodiscard]] std::string with_unit(std::string_view header, std::string_view unit);
// Narrative text with its unsupported numbers marked "[U<n>]", and a note after it when the
// pass that wrote it was cut off.
[[nodiscard]] std::string marked(const NarrativePart& part);

void performance_analysis(std::string& out, const ReportInput& in);
void workflow_summary(std::string& out, const ReportInput& in);
void run_metrics(std::string& out, const ReportInput& in);
void grounding_section(std::string& out, const ReportInput& in);

}  // namespace chimera::render::detail
