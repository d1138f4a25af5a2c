#include "chimera/model/packed_codes.hpp"

#include <gtest/gtest.h>

#include <utility>

namespace chimera::model {
namespace {

PackedCodes counting(std::size_t size, unsigned width) {
  PackedCodes codes(size, width);
  const std::uint64_t limit = width >= 8 ? UINT64_MAX : (std::uint64_t{1} << (8 * width)) - 1;
  for (std::size_t i = 0; i < size; ++i) {
    codes.set(i, limit - i);
  }
  return codes;
}

void expect_counting(const PackedCodes& codes, std::size_t size, unsigned width) {
  ASSERT_EQ(codes.size(), size);
  ASSERT_EQ(codes.width(), width);
  const std::uint64_t limit = width >= 8 ? UINT64_MAX : (std::uint64_t{1} << (8 * width)) - 1;
  for (std::size_t i = 0; i < size; ++i) {
    EXPECT_EQ(codes[i], limit - i) << "code " << i << " of " << size << "x" << width;
  }
}

TEST(PackedCodes, UpToEightBytesLiveInline) {
  for (const auto& [size, width] : {std::pair<std::size_t, unsigned>{8, 1}, {4, 2}, {2, 4}, {1, 8}}) {
    const PackedCodes codes = counting(size, width);
    EXPECT_EQ(codes.heap_bytes(), 0u) << size << "x" << width;
    expect_counting(codes, size, width);
  }
  for (const auto& [size, width] : {std::pair<std::size_t, unsigned>{9, 1}, {5, 2}, {3, 4}, {2, 8}}) {
    const PackedCodes codes = counting(size, width);
    EXPECT_EQ(codes.heap_bytes(), size * width) << size << "x" << width;
    expect_counting(codes, size, width);
  }
}

TEST(PackedCodes, CopiesAndMovesInlineAndHeapCodes) {
  for (const std::size_t size : {3u, 300u}) {
    PackedCodes original = counting(size, 2);
    const PackedCodes copy = original;
    PackedCodes assigned;
    assigned = copy;
    PackedCodes moved = std::move(original);
    EXPECT_EQ(original.size(), 0u);  // NOLINT(bugprone-use-after-move): a moved-from object is empty
    original = counting(size, 2);     // reuse after move
    expect_counting(copy, size, 2);
    expect_counting(assigned, size, 2);
    expect_counting(moved, size, 2);
    moved = counting(1, 1);  // a heap block replaced by inline codes is freed (ASan checks)
    expect_counting(moved, 1, 1);
  }
}

TEST(PackedCodes, WidthZeroHoldsZeros) {
  const PackedCodes codes(1000, 0);
  EXPECT_EQ(codes.heap_bytes(), 0u);
  EXPECT_EQ(codes[999], 0u);
}

}  // namespace
}  // namespace chimera::model
