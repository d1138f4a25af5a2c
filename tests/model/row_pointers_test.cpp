#include "chimera/model/row_pointers.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chimera::model {
namespace {

TEST(RowPointers, GivesBackEveryPointer) {
  const std::vector<std::string> pointers = {
      "/runs/0", "/runs/1", "/runs/1/samples/3", "/0", "", "/config", "/runs/01",
      "/runs/-1", "/a~1b/7", "/big/1234567890123456789", "/runs/", "/runs/10"};
  const RowPointers rows(pointers);
  ASSERT_EQ(rows.size(), pointers.size());
  EXPECT_EQ(rows.to_vector(), pointers);
}

TEST(RowPointers, AnArrayOfRecordsSharesOnePrefix) {
  RowPointers::Builder builder;
  for (int i = 0; i < 100000; ++i) {
    builder.push_back("/results/runs/" + std::to_string(i));
  }
  const RowPointers rows = builder.finish();
  EXPECT_EQ(rows[0], "/results/runs/0");
  EXPECT_EQ(rows[99999], "/results/runs/99999");
  EXPECT_LT(rows.memory_bytes(), 100000u * 2);
}

TEST(RowPointers, ComparesByValue) {
  EXPECT_EQ(RowPointers({"/a/0", "/a/1"}), (std::vector<std::string>{"/a/0", "/a/1"}));
  EXPECT_NE(RowPointers({"/a/0", "/a/1"}), (std::vector<std::string>{"/a/0", "/a/2"}));
}

}  // namespace
}  // namespace chimera::model
