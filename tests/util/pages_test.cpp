#include "chimera/util/pages.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace chimera::util {
namespace {

TEST(Pages, MappedMemoryIsZeroedPageAlignedAndWritable) {
  constexpr std::size_t k_bytes = 3 * 4096 + 17;
  auto* bytes = static_cast<unsigned char*>(map_pages(k_bytes));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(bytes) % 4096, 0u);
  for (std::size_t i = 0; i < k_bytes; ++i) {
    ASSERT_EQ(bytes[i], 0u);
    bytes[i] = static_cast<unsigned char>(i);
  }
  EXPECT_EQ(bytes[k_bytes - 1], static_cast<unsigned char>(k_bytes - 1));
  unmap_pages(bytes, k_bytes);
}

TEST(Pages, ZeroBytesStillGiveAUsablePointer) {
  void* pages = map_pages(0);
  EXPECT_NE(pages, nullptr);
  unmap_pages(pages, 0);
  unmap_pages(nullptr, 0);
}

TEST(PageAllocator, BacksAVectorThatGrowsAndKeepsItsElements) {
  std::vector<std::string, PageAllocator<std::string>> strings;
  for (int i = 0; i < 5000; ++i) {
    strings.push_back("value " + std::to_string(i));
  }
  ASSERT_EQ(strings.size(), 5000u);
  EXPECT_EQ(strings[0], "value 0");
  EXPECT_EQ(strings[4999], "value 4999");
  strings.shrink_to_fit();
  EXPECT_EQ(strings[1234], "value 1234");
}

TEST(PageAllocator, RefusesACountTooLargeToMeasure) {
  PageAllocator<std::uint64_t> allocator;
  EXPECT_THROW((void)allocator.allocate(static_cast<std::size_t>(-1) / 4),
               std::bad_array_new_length);
}

}  // namespace
}  // namespace chimera::util
