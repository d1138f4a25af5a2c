#include "chimera/util/hash.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace chimera::util {
namespace {

TEST(ContentHash, SameBytesSameHash) {
  const std::string text = "run_id,ttft_ms\n1,250.5\n2,249.75\n";
  EXPECT_EQ(content_hash(text), content_hash(std::string(text)));
  EXPECT_EQ(content_hash(text).size(), 32u);
}

TEST(ContentHash, EveryLengthAndEveryByteChangesTheHash) {
  // Lengths around the 8- and 16-byte steps, and one flipped byte at each position.
  std::set<std::string> seen;
  std::string base(40, 'a');
  for (std::size_t length = 0; length <= base.size(); ++length) {
    EXPECT_TRUE(seen.insert(content_hash(base.substr(0, length))).second) << length;
  }
  for (std::size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] = 'b';
    EXPECT_TRUE(seen.insert(content_hash(changed)).second) << i;
  }
  // Trailing zero bytes are not the same as a shorter input.
  EXPECT_NE(content_hash(std::string("x\0", 2)), content_hash("x"));
}

}  // namespace
}  // namespace chimera::util
