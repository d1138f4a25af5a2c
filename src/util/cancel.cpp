#include "chimera/util/cancel.hpp"

#include <atomic>
#include <csignal>

namespace chimera::util {
namespace {

// Lock-free, so that storing from a signal handler is defined.
std::atomic<bool> g_cancel{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_sigint(int /*signal*/) {
  request_cancel();
}

}  // namespace

void request_cancel() noexcept {
  g_cancel.store(true, std::memory_order_relaxed);
}

void reset_cancel() noexcept {
  g_cancel.store(false, std::memory_order_relaxed);
}

bool cancel_requested() noexcept {
  return g_cancel.load(std::memory_order_relaxed);
}

void install_sigint_handler() {
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  // The second Ctrl-C gets the default action. SA_RESETHAND is 0x80000000 in an int field.
  action.sa_flags = static_cast<int>(static_cast<unsigned>(SA_RESETHAND));
  sigaction(SIGINT, &action, nullptr);
}

}  // namespace chimera::util
