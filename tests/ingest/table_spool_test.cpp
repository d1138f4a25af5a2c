#include "chimera/ingest/table_spool.hpp"

#include <gtest/gtest.h>

#include <string>

namespace chimera::ingest {
namespace {

model::Table table_titled(const std::string& title) {
  model::Table table;
  table.title = title;
  return table;
}

TEST(TableSpool, MovesTablesOutInTheOrderTheyCameAcrossBlocks) {
  TableSpool spool;
  for (int i = 0; i < 10000; ++i) {
    spool.push(table_titled("t" + std::to_string(i)));
  }
  EXPECT_EQ(spool.size(), 10000u);
  std::vector<model::Table> out;
  out.push_back(table_titled("already there"));
  spool.move_into(out);
  ASSERT_EQ(out.size(), 10001u);
  EXPECT_EQ(out.capacity(), 10001u);
  EXPECT_EQ(std::string_view(out[0].title), "already there");
  EXPECT_EQ(std::string_view(out[1].title), "t0");
  EXPECT_EQ(std::string_view(out[4097].title), "t4096");
  EXPECT_EQ(std::string_view(out[10000].title), "t9999");
  EXPECT_EQ(spool.size(), 0u);
}

TEST(TableSpool, CanBeFilledAgainAfterMovingOut) {
  TableSpool spool;
  spool.push(table_titled("a"));
  std::vector<model::Table> first;
  spool.move_into(first);
  spool.push(table_titled("b"));
  std::vector<model::Table> second;
  spool.move_into(second);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(std::string_view(second[0].title), "b");
}

}  // namespace
}  // namespace chimera::ingest
