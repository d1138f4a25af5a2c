#pragma once

namespace chimera::util {

// Ctrl-C, as the whole program sees it. The first SIGINT requests a cancel: an LLM transfer in
// progress ends as cancelled within about 20 ms (the report is still written), and every other
// stage stops at its next check (the run writes nothing). A second SIGINT ends the process.

// Asks every check to stop. Async-signal-safe: the SIGINT handler calls it.
void request_cancel() noexcept;
// Clears a cancel request, so that later work runs again.
void reset_cancel() noexcept;
[[nodiscard]] bool cancel_requested() noexcept;

// Installs a SIGINT handler that calls request_cancel() and then restores the default action,
// so that a second Ctrl-C ends the process.
void install_sigint_handler();

}  // namespace chimera::util
