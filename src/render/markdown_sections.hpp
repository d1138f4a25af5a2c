#pragma once

// Sections of the Markdown report, one function each, shared by the files of render/.

#include <string>
#include <string_view>

#include "chimera/model/analysis.hpp"
#include "chimera/render/report.hpp"

namespace chimera::render::detail {

// A table cell: '|' escaped, newlines flattened.
[[nodiscard]] std::string escape_cell(std::string_view text);
// Prose lines of the report are wrapped at this width, so that no line is a screen wide.
inline constexpr std::size_t k_wrap_width = 100;

// Text from the corpus inside a paragraph or list item: line breaks flattened.
[[nodiscard]] std::string inline_text(std::string_view text);
// `text` cut to `max` characters with "…" when longer, for table cells.
[[nodiscard]] std::string shortened(std::string_view text, std::size_t max);
// Wraps every line of Markdown longer than `width` at spaces: paragraphs, list items (continued
// under their text) and quotes; table rows, headings and code blocks are left as they are.
[[nodiscard]] std::string wrap_long_lines(std::string_view markdown, std::size_t width);
// A code span of text from the corpus (a path, a name), safe inside a table cell.
[[nodiscard]] std::string code(std::string_view text);
// "<value> (<unit>)" header text, or just the value without a unit.
[[nodiscard]] std::string with_unit(std::string_view header, std::string_view unit);
// Narrative text with its unsupported numbers marked "[U<n>]".
[[nodiscard]] std::string marked(const NarrativePart& part);

void experiments_section(std::string& out, const ReportInput& in);
void workflow_summary(std::string& out, const ReportInput& in);
void run_metrics(std::string& out, const ReportInput& in);
void grounding_section(std::string& out, const ReportInput& in);

}  // namespace chimera::render::detail
