#pragma once

#include <string>
#include <string_view>

namespace chimera::util {

// `text` safe to print on a terminal, on one line: every control character is shown as an escape
// instead of reaching the terminal, so a file name or a server's message cannot move the cursor,
// recolour or retitle the terminal, or split a diagnostic over two lines. Shown as escapes: C0
// controls ("\n", "\r", "\t", "\x1b", ...), DEL ("\x7f"), C1 controls and the Unicode line
// separators and bidirectional overrides ("\u{202e}"), and bytes that are not UTF-8 ("\xff").
// Everything else, UTF-8 letters included, is kept.
[[nodiscard]] std::string printable(std::string_view text);

// printable(), but line breaks ('\n') and tabs are kept: for multi-line text such as an LLM's.
[[nodiscard]] std::string printable_lines(std::string_view text);

}  // namespace chimera::util
