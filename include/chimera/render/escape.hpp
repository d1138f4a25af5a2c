#pragma once

#include <string>
#include <string_view>

namespace chimera::render {

// Untrusted text (file names and paths, table cells, column names, dimension values, finding
// and diagnostic messages, what the server says) made safe to put in the Markdown report and so
// in the HTML made from it: it reads as the same text, and cannot add markup, raw HTML, links,
// images or table cells, nor reach a terminal as control characters (shown as util::printable
// escapes, "\x1b"). Every place that renders such text calls one of these.

// Text for a GFM table cell: Markdown and HTML specials escaped ("\*", "\[", "&lt;"; '>' needs
// no escape without a '<'), '|' as "\|", line breaks shown as "\n".
[[nodiscard]] std::string escape_cell(std::string_view text);

// Text inline in a paragraph, heading or list item: as escape_cell, with '|' left alone and a
// backslash before a first character that would start a block ("\# ", "\- ", "1\. ", "\>").
[[nodiscard]] std::string escape_inline(std::string_view text);

// A sentence chimera wrote about untrusted names, with the names in backticks ("1 run of
// `runs/*.csv` failed"): each backtick pair becomes a code_span() of what it holds, the rest is
// escaped as escape_inline() escapes it. A name holding a backtick splits its span differently,
// but every part is still escaped or fenced.
[[nodiscard]] std::string escape_prose(std::string_view text);

// A whole code span, backticks included, for a path or name shown as code in running text:
// fenced with more backticks than the text holds in a row (padded with a space where the text
// starts or ends with one), so a backtick in a name cannot end it. `runs/a.csv`.
[[nodiscard]] std::string code_span(std::string_view text);

// code_span() for a GFM table cell: '|' inside it escaped too, which GFM requires even in code.
[[nodiscard]] std::string code_span_in_cell(std::string_view text);

// Markdown written by the LLM, kept as Markdown (headings, lists, emphasis, tables, code) but
// with raw HTML and autolinks turned into text ("&lt;script&gt;"), every image replaced by its alt
// text (an image is a request to a host the reader did not choose), and control characters shown
// as escapes. Code spans and fenced code blocks are left as written, control characters aside.
[[nodiscard]] std::string sanitize_markdown(std::string_view text);

}  // namespace chimera::render
