#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

// The real corpora in ../shared/corpora beside the checkout (CHIMERA_SHARED_CORPORA), which a
// fresh clone does not have: tests that read them skip, saying why, when they are absent.
// $CHIMERA_TEST_SHARED_CORPORA, when set, stands for that directory (a test of the skips uses it).

namespace chimera::test {

// The shared corpora's directory.
[[nodiscard]] inline std::string shared_corpora() {
  const char* dir = std::getenv("CHIMERA_TEST_SHARED_CORPORA");
  return dir != nullptr ? std::string(dir) : std::string(CHIMERA_SHARED_CORPORA);
}

// The directory of the shared corpus `name`.
[[nodiscard]] inline std::string shared_corpus(std::string_view name) {
  return shared_corpora() + "/" + std::string(name);
}

[[nodiscard]] inline bool has_shared_corpus(std::string_view name) {
  std::error_code ec;
  return std::filesystem::is_directory(shared_corpus(name), ec);
}

// Why a test that needs the shared corpus `name` did not run.
[[nodiscard]] inline std::string missing_shared_corpus(std::string_view name) {
  return "the shared corpus " + shared_corpus(name) +
         " is absent (a clone with no ../shared beside it); this test reads it";
}

}  // namespace chimera::test

// Skips the calling test, with the reason, when the shared corpus `name` is absent.
#define CHIMERA_SKIP_WITHOUT_SHARED_CORPUS(name)                  \
  if (!::chimera::test::has_shared_corpus(name)) {                \
    GTEST_SKIP() << ::chimera::test::missing_shared_corpus(name); \
  }                                                               \
  static_cast<void>(0)
