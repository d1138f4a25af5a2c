#include "chimera/ingest/bump_arena.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define CHIMERA_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHIMERA_TEST_ASAN 1
#endif
#endif

namespace chimera::ingest {
namespace {

bool all_zero(const void* ptr, std::size_t bytes) {
  const auto* p = static_cast<const unsigned char*>(ptr);
  for (std::size_t i = 0; i < bytes; ++i) {
    if (p[i] != 0) {
      return false;
    }
  }
  return true;
}

TEST(BumpArena, AllocationsAreZeroedAlignedAndDistinct) {
  BumpArena arena(1024);
  std::vector<unsigned char*> seen;
  for (std::size_t bytes : {1u, 7u, 16u, 33u, 0u, 100u}) {
    auto* p = static_cast<unsigned char*>(arena.allocate(bytes));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t), 0u);
    EXPECT_TRUE(all_zero(p, bytes));
    std::memset(p, 0xAB, bytes);
    for (auto* q : seen) {
      EXPECT_NE(p, q);
    }
    seen.push_back(p);
  }
}

TEST(BumpArena, ReusedMemoryIsZeroedAgainAfterReset) {
  BumpArena arena(4096);
  auto* first = arena.allocate(256);
  std::memset(first, 0xFF, 256);
  arena.reset();
  auto* again = arena.allocate(256);
  EXPECT_EQ(again, first) << "reset() reuses the kept block from its start";
  EXPECT_TRUE(all_zero(again, 256));
}

TEST(BumpArena, ReallocateKeepsContentsWhetherItGrowsInPlaceOrMoves) {
  BumpArena arena(256);
  auto* text = static_cast<char*>(arena.reallocate(nullptr, 6));
  std::memcpy(text, "hello", 6);
  auto* grown = static_cast<char*>(arena.reallocate(text, 40));
  EXPECT_EQ(grown, text) << "the latest allocation grows in place";
  EXPECT_STREQ(grown, "hello");

  auto* other = arena.allocate(8);
  auto* moved = static_cast<char*>(arena.reallocate(grown, 1000));
  EXPECT_NE(moved, grown) << "an allocation with a neighbour is copied";
  EXPECT_NE(moved, other);
  EXPECT_STREQ(moved, "hello");
  auto* shrunk = static_cast<char*>(arena.reallocate(moved, 3));
  EXPECT_EQ(shrunk, moved);
  EXPECT_EQ(std::string(shrunk, 3), "hel");
}

TEST(BumpArena, ReleasingTheLatestAllocationGivesItsRoomBack) {
  BumpArena arena(4096);
  (void)arena.allocate(10);
  const std::size_t before = arena.bytes_used();
  void* temporary = arena.allocate(500);
  arena.release(temporary);
  EXPECT_EQ(arena.bytes_used(), before);
  void* kept = arena.allocate(10);
  void* later = arena.allocate(10);
  arena.release(kept);
  EXPECT_GT(arena.bytes_used(), before) << "an earlier allocation is released only by reset()";
  (void)later;
}

TEST(BumpArena, AllocationLargerThanABlockGetsItsOwnBlock) {
  BumpArena arena(1024);
  const std::size_t huge = 10 * 1024 * 1024;
  auto* p = static_cast<unsigned char*>(arena.allocate(huge));
  EXPECT_TRUE(all_zero(p, huge));
  p[huge - 1] = 1;
  EXPECT_GE(arena.bytes_reserved(), huge);
  auto* small = static_cast<unsigned char*>(arena.allocate(16));
  EXPECT_TRUE(all_zero(small, 16));
}

TEST(BumpArena, ManyRoundsOnOneArenaDoNotGrowWhatItHolds) {
  BumpArena arena(64 * 1024);
  std::size_t reserved_after_first = 0;
  for (int round = 0; round < 200; ++round) {
    std::vector<char*> strings;
    for (int i = 0; i < 2000; ++i) {
      auto* s = static_cast<char*>(arena.allocate(24));
      std::memcpy(s, "row", 4);
      strings.push_back(s);
    }
    for (auto* s : strings) {
      ASSERT_STREQ(s, "row");
    }
    arena.reset();
    EXPECT_EQ(arena.bytes_used(), 0u);
    if (round == 0) {
      reserved_after_first = arena.bytes_reserved();
    }
    ASSERT_EQ(arena.bytes_reserved(), reserved_after_first) << "round " << round;
  }
}

TEST(BumpArena, ResetReturnsBlocksBeyondTheRetainedBudget) {
  BumpArena arena(1024, 8 * 1024);
  (void)arena.allocate(1024 * 1024);
  EXPECT_GE(arena.bytes_reserved(), 1024u * 1024u);
  arena.reset();
  EXPECT_LE(arena.bytes_reserved(), 8u * 1024u);
}

#if defined(CHIMERA_TEST_ASAN)
TEST(BumpArenaDeathTest, AddressSanitizerReportsUseAfterReset) {
  EXPECT_DEATH(
      {
        BumpArena arena;
        auto* p = static_cast<volatile char*>(arena.allocate(32));
        arena.reset();
        p[0] = 'x';
      },
      "use-after-poison");
}

TEST(BumpArenaDeathTest, AddressSanitizerReportsReadPastAnAllocation) {
  EXPECT_DEATH(
      {
        BumpArena arena;
        auto* p = static_cast<volatile char*>(arena.allocate(20));
        (void)arena.allocate(20);
        (void)p[20];
      },
      "use-after-poison");
}
#endif

}  // namespace
}  // namespace chimera::ingest
