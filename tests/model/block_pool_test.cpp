#include "chimera/model/block_pool.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <thread>
#include <utility>
#include <vector>

namespace chimera::model::detail {
namespace {

TEST(BlockPool, BlocksOfEverySizeAreZeroedAndDoNotOverlap) {
  std::vector<std::pair<std::uint8_t*, std::size_t>> blocks;
  for (std::size_t bytes = 1; bytes <= k_pooled_bytes + 64; ++bytes) {
    std::uint8_t* block = allocate_block(bytes);
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(block) % 8, 0u) << bytes;
    for (std::size_t i = 0; i < bytes; ++i) {
      ASSERT_EQ(block[i], 0) << bytes;
    }
    std::memset(block, static_cast<int>(bytes & 0xff), bytes);
    blocks.emplace_back(block, bytes);
  }
  // Every block still holds its own pattern once all are written: none shares bytes.
  for (const auto& [block, bytes] : blocks) {
    for (std::size_t i = 0; i < bytes; ++i) {
      ASSERT_EQ(block[i], static_cast<std::uint8_t>(bytes & 0xff)) << bytes;
    }
  }
  for (const auto& [block, bytes] : blocks) {
    free_block(block, bytes);
  }
}

TEST(BlockPool, AFreedBlockIsReusedZeroedForTheSameSize) {
  std::uint8_t* first = allocate_block(24);
  std::memset(first, 0xab, 24);
  free_block(first, 24);
  // 17 to 24 bytes share a size; the freed block is the next one handed out on this thread.
  std::uint8_t* second = allocate_block(20);
  EXPECT_EQ(second, first);
  for (std::size_t i = 0; i < 20; ++i) {
    EXPECT_EQ(second[i], 0);
  }
  free_block(second, 20);
}

TEST(BlockPool, BlocksMayBeFreedOnAnotherThread) {
  constexpr std::size_t k_blocks = 20000;
  std::vector<std::uint8_t*> made(k_blocks);
  std::thread maker([&] {
    for (std::size_t i = 0; i < k_blocks; ++i) {
      made[i] = allocate_block(8 + i % 200);
      made[i][0] = 1;
    }
  });
  maker.join();
  std::vector<std::thread> freers;
  for (std::size_t t = 0; t < 2; ++t) {
    freers.emplace_back([&, t] {
      for (std::size_t i = t; i < k_blocks; i += 2) {
        EXPECT_EQ(made[i][0], 1);
        free_block(made[i], 8 + i % 200);
      }
    });
  }
  for (auto& freer : freers) {
    freer.join();
  }
}

TEST(BlockPool, AllocatorBacksAStandardVector) {
  std::vector<std::uint64_t, PoolAllocator<std::uint64_t>> values;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    values.push_back(i * i);
  }
  std::uint64_t sum = 0;
  for (const auto v : values) {
    sum += v;
  }
  EXPECT_EQ(sum, 332833500u);
}

}  // namespace
}  // namespace chimera::model::detail
