#include "chimera/util/cancel.hpp"

#include <gtest/gtest.h>

#include <csignal>

namespace chimera::util {
namespace {

TEST(Cancel, IsRequestedUntilReset) {
  EXPECT_FALSE(cancel_requested());
  request_cancel();
  EXPECT_TRUE(cancel_requested());
  reset_cancel();
  EXPECT_FALSE(cancel_requested());
}

TEST(Cancel, TheFirstSigintRequestsACancelAndTheNextGetsTheDefaultAction) {
  struct sigaction previous {};
  sigaction(SIGINT, nullptr, &previous);
  install_sigint_handler();
  std::raise(SIGINT);
  EXPECT_TRUE(cancel_requested());
  struct sigaction now {};
  sigaction(SIGINT, nullptr, &now);
  EXPECT_EQ(now.sa_handler, SIG_DFL);
  reset_cancel();
  sigaction(SIGINT, &previous, nullptr);
}

}  // namespace
}  // namespace chimera::util
