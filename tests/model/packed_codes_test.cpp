#include "chimera/model/packed_codes.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace chimera::model {
namespace {

std::uint64_t largest_of(unsigned width) {
  return width >= 64 ? UINT64_MAX : (std::uint64_t{1} << width) - 1;
}

// `size` codes that fit `width` bits: the largest, 0, and random ones between, so that every bit
// of a code and of its neighbours is exercised.
std::vector<std::uint64_t> sample_codes(std::size_t size, unsigned width, unsigned seed) {
  std::mt19937_64 rng(seed);
  const std::uint64_t largest = largest_of(width);
  std::vector<std::uint64_t> codes(size);
  for (std::size_t i = 0; i < size; ++i) {
    codes[i] = i % 3 == 0 ? largest : i % 3 == 1 ? 0 : rng() & largest;
  }
  return codes;
}

PackedCodes generated(const std::vector<std::uint64_t>& codes, unsigned width) {
  return PackedCodes::generate(codes.size(), width, [&](std::size_t i) { return codes[i]; });
}

void expect_codes(const PackedCodes& packed, const std::vector<std::uint64_t>& codes) {
  ASSERT_EQ(packed.size(), codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    ASSERT_EQ(packed[i], codes[i]) << "code " << i << " of " << codes.size() << " x "
                                   << packed.width() << " bits";
  }
}

TEST(PackedCodes, WidthIsTheBitsOfTheLargestCode) {
  EXPECT_EQ(PackedCodes::width_for(0), 0u);
  EXPECT_EQ(PackedCodes::width_for(1), 1u);
  EXPECT_EQ(PackedCodes::width_for(2), 2u);  // a CSV column of three distinct strings
  EXPECT_EQ(PackedCodes::width_for(3), 2u);
  EXPECT_EQ(PackedCodes::width_for(4), 3u);
  EXPECT_EQ(PackedCodes::width_for(700), 10u);  // a ttft column ranging over 700 ms
  for (unsigned bits = 1; bits <= 56; ++bits) {
    EXPECT_EQ(PackedCodes::width_for(largest_of(bits)), bits);
    EXPECT_EQ(PackedCodes::width_for(std::uint64_t{1} << (bits - 1)), bits);
  }
  // A code wider than 56 bits could span nine bytes: it takes all 64.
  EXPECT_EQ(PackedCodes::width_for(std::uint64_t{1} << 56), 64u);
  EXPECT_EQ(PackedCodes::width_for(UINT64_MAX), 64u);
  EXPECT_EQ(PackedCodes(3, 57).width(), 64u);
  EXPECT_EQ(PackedCodes(3, 63).width(), 64u);
}

TEST(PackedCodes, EveryWidthRoundTripsInlineAndOnTheHeap) {
  for (unsigned width = 0; width <= 64; ++width) {
    const unsigned stored = width > 56 ? 64 : width;
    for (const std::size_t size : {1u, 2u, 3u, 7u, 8u, 9u, 63u, 64u, 65u, 1000u}) {
      SCOPED_TRACE(testing::Message() << size << " codes of " << width << " bits");
      const auto codes = sample_codes(size, width, width * 1000 + static_cast<unsigned>(size));
      const PackedCodes packed = generated(codes, width);
      EXPECT_EQ(packed.width(), stored);
      EXPECT_EQ(packed.memory_bytes(), (size * stored + 7) / 8);
      EXPECT_EQ(packed.heap_bytes() == 0, size * stored <= 64);
      expect_codes(packed, codes);

      PackedCodes set_one_by_one(size, width);
      for (std::size_t i = 0; i < size; ++i) {
        set_one_by_one.set(i, codes[i]);
      }
      expect_codes(set_one_by_one, codes);
    }
  }
}

TEST(PackedCodes, UpTo64BitsOfCodesLiveInline) {
  for (const auto& [size, width] : {std::pair<std::size_t, unsigned>{64, 1}, {21, 3}, {6, 10},
                                    {2, 32}, {1, 64}}) {
    const auto codes = sample_codes(size, width, 1);
    const PackedCodes packed = generated(codes, width);
    EXPECT_EQ(packed.heap_bytes(), 0u) << size << " x " << width;
    expect_codes(packed, codes);
  }
  for (const auto& [size, width] : {std::pair<std::size_t, unsigned>{65, 1}, {22, 3}, {7, 10},
                                    {3, 32}, {2, 64}}) {
    const auto codes = sample_codes(size, width, 2);
    const PackedCodes packed = generated(codes, width);
    // Up to the end of the last code's 8-byte load, from the byte holding its first bit.
    EXPECT_EQ(packed.heap_bytes(), (size - 1) * width / 8 + 8) << size << " x " << width;
    expect_codes(packed, codes);
  }
}

TEST(PackedCodes, SetChangesOneCodeAndNotItsNeighbours) {
  for (const unsigned width : {1u, 3u, 10u, 31u, 56u, 64u}) {
    for (const std::size_t size : {5u, 500u}) {
      auto codes = sample_codes(size, width, width);
      PackedCodes packed = generated(codes, width);
      for (std::size_t i = 1; i < size; i += 2) {
        codes[i] = codes[i] == 0 ? largest_of(width) : 0;
        packed.set(i, codes[i]);
      }
      expect_codes(packed, codes);
    }
  }
}

TEST(PackedCodes, CopiesAndMovesInlineAndHeapCodes) {
  for (const unsigned width : {2u, 13u, 64u}) {
    for (const std::size_t size : {1u, 300u}) {
      SCOPED_TRACE(testing::Message() << size << " codes of " << width << " bits");
      const auto codes = sample_codes(size, width, 7);
      PackedCodes original = generated(codes, width);
      const PackedCodes copy = original;
      PackedCodes assigned;
      assigned = copy;
      PackedCodes moved = std::move(original);
      EXPECT_EQ(original.size(), 0u);  // NOLINT(bugprone-use-after-move): moved-from is empty
      original = generated(codes, width);  // reuse after move
      expect_codes(original, codes);
      expect_codes(copy, codes);
      expect_codes(assigned, codes);
      expect_codes(moved, codes);
      moved = generated({1}, 1);  // a heap block replaced by inline codes is freed (ASan checks)
      expect_codes(moved, {1});
      assigned = copy;  // a copy over a copy
      expect_codes(assigned, codes);
    }
  }
}

// A tail of `bytes` bytes, each its index plus `seed`.
void fill_tail(PackedCodes& packed, std::size_t bytes, unsigned seed) {
  ASSERT_EQ(packed.tail_bytes(), bytes);
  for (std::size_t k = 0; k < bytes; ++k) {
    packed.tail()[k] = static_cast<std::uint8_t>(k + seed);
  }
}

void expect_tail(const PackedCodes& packed, std::size_t bytes, unsigned seed) {
  ASSERT_EQ(packed.tail_bytes(), bytes);
  ASSERT_NE(packed.tail(), nullptr);
  for (std::size_t k = 0; k < bytes; ++k) {
    ASSERT_EQ(packed.tail()[k], static_cast<std::uint8_t>(k + seed)) << "tail byte " << k;
  }
}

TEST(PackedCodes, TailSharesTheHeapBlockWithoutTouchingTheCodes) {
  for (const unsigned width : {0u, 1u, 5u, 31u, 56u, 64u}) {
    for (const std::size_t size : {1u, 3u, 100u}) {
      for (const std::size_t bytes : {1u, 2u, 3u, 12u, 1000u}) {
        SCOPED_TRACE(testing::Message() << size << " codes of " << width << " bits, tail of "
                                        << bytes);
        auto codes = sample_codes(size, width, width + 3);
        PackedCodes packed =
            PackedCodes::generate(size, width, [&](std::size_t i) { return codes[i]; }, bytes);
        ASSERT_TRUE(packed.has_tail());
        EXPECT_EQ(reinterpret_cast<std::uintptr_t>(packed.tail()) % 4, 0u);
        EXPECT_GE(packed.heap_bytes(), packed.memory_bytes() + bytes);
        EXPECT_LE(packed.heap_bytes(), packed.memory_bytes() + bytes + 8);
        fill_tail(packed, bytes, width);
        expect_codes(packed, codes);
        // Setting the last codes rewrites the bytes after them as they were.
        for (std::size_t i = size >= 2 ? size - 2 : 0; i < size; ++i) {
          codes[i] = largest_of(width) - codes[i];
          packed.set(i, codes[i]);
        }
        expect_codes(packed, codes);
        expect_tail(packed, bytes, width);

        packed.set_tag(0xa5);
        const PackedCodes copy = packed;
        PackedCodes moved = std::move(packed);
        for (const PackedCodes* each : {&copy, static_cast<const PackedCodes*>(&moved)}) {
          expect_codes(*each, codes);
          expect_tail(*each, bytes, width);
          EXPECT_EQ(each->tag(), 0xa5);
        }
        EXPECT_FALSE(packed.has_tail());  // NOLINT(bugprone-use-after-move): moved-from is empty
        EXPECT_EQ(packed.tag(), 0);
      }
    }
  }
}

TEST(PackedCodes, NoTailNoTagByDefault) {
  const PackedCodes packed = generated(sample_codes(5, 3, 1), 3);
  EXPECT_FALSE(packed.has_tail());
  EXPECT_EQ(packed.tail(), nullptr);
  EXPECT_EQ(packed.tail_bytes(), 0u);
  EXPECT_EQ(packed.tag(), 0);
}

TEST(PackedCodes, WidthZeroHoldsZeros) {
  const PackedCodes codes(1000, 0);
  EXPECT_EQ(codes.heap_bytes(), 0u);
  EXPECT_EQ(codes.memory_bytes(), 0u);
  EXPECT_EQ(codes[999], 0u);
}

TEST(PackedCodes, AHeapBlockEndsWhereTheLastCodesLoadEnds) {
  // Ten 15-bit codes: the last starts in byte 16 and is read as 8 bytes, so 24 bytes in all,
  // not the 19 bytes of codes plus 8. Ten-row Markdown columns fit the 24-byte pool blocks.
  const PackedCodes codes(10, 15);
  EXPECT_EQ(codes.heap_bytes(), 24u);
  const PackedCodes wide(3, 64);
  EXPECT_EQ(wide.heap_bytes(), 24u);
  const PackedCodes generated_codes = generated(sample_codes(10, 15, 7), 15);
  EXPECT_EQ(generated_codes[9], sample_codes(10, 15, 7)[9]);
}

}  // namespace
}  // namespace chimera::model
