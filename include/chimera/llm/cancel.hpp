#pragma once

namespace chimera::llm {

// Asks every transfer in progress, and every retry wait, to stop: they end with
// FailureKind::cancelled within about 20 ms. Async-signal-safe: a SIGINT handler may call it.
void request_cancel() noexcept;
// Clears a cancel request, so that later transfers run again.
void reset_cancel() noexcept;
[[nodiscard]] bool cancel_requested() noexcept;

// Installs a SIGINT handler that calls request_cancel() and then restores the default action,
// so the first Ctrl-C cancels the LLM transfer (the report is still written) and a second one
// ends the process.
void install_sigint_handler();

}  // namespace chimera::llm
