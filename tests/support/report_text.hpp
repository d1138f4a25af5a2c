#pragma once

#include <string>

namespace chimera::test {

// Masks what changes from run to run or checkout to checkout in a report: the source path
// ("$SRC"), timestamps (generation time, file mtimes: "<time>") and durations ("<s>").
[[nodiscard]] std::string normalise_report(std::string text);

// The Markdown with wrapped lines joined again: a line that continues a paragraph or list item
// (not blank, not a heading, table row, quote or new list item) is appended to the one before
// with a space. Tests look for sentences whatever the report's line width.
[[nodiscard]] std::string unwrapped(const std::string& markdown);

// The whole file, or "" when it cannot be read.
[[nodiscard]] std::string read_text(const std::string& path);

// With CHIMERA_UPDATE_GOLDEN=1 in the environment, writes `actual` to `golden` and returns
// true (the caller then skips its comparison); otherwise returns false.
[[nodiscard]] bool update_golden(const std::string& golden, const std::string& actual);

}  // namespace chimera::test
