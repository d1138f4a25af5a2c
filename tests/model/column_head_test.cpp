#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "chimera/model/corpus.hpp"

namespace chimera::model {
namespace {

ColumnHead ttft_head() {
  ColumnHead head;
  head.name = "ttft_s";
  head.unit = "ms";
  head.source_unit = "s";
  head.type = ValueType::floating;
  head.role = Role::metric;
  head.kind = MetricKind::ttft;
  head.direction = Direction::lower;
  return head;
}

TEST(ColumnHead, ADefaultColumnIsAnUnnamedTextColumn) {
  const Column column;
  EXPECT_TRUE(column.name().empty());
  EXPECT_TRUE(column.unit().empty());
  EXPECT_TRUE(column.source_unit().empty());
  EXPECT_EQ(column.type(), ValueType::string);
  EXPECT_EQ(column.role(), Role::text);
  EXPECT_EQ(column.kind(), MetricKind::none);
  EXPECT_EQ(column.direction(), Direction::none);
  EXPECT_EQ(column.line(), 0u);
  EXPECT_TRUE(column.pointer().empty());
}

TEST(ColumnHead, ColumnsWithTheSameHeadShareOneCopy) {
  Column a;
  Column b;
  a.set_head(ttft_head());
  b.set_head(ttft_head());
  EXPECT_EQ(&a.head(), &b.head());
  EXPECT_EQ(a.name(), "ttft_s");
  EXPECT_EQ(b.source_unit(), "s");
  EXPECT_EQ(b.kind(), MetricKind::ttft);

  ColumnHead other = ttft_head();
  other.direction = Direction::higher;
  b.set_head(other);
  EXPECT_NE(&a.head(), &b.head());
  EXPECT_EQ(a.direction(), Direction::lower);
  EXPECT_EQ(b.direction(), Direction::higher);
}

TEST(ColumnHead, EachSetterChangesOneFieldAndKeepsTheRest) {
  Column column;
  column.set_head(ttft_head());
  column.set_name("load_ms");
  column.set_unit("tok/s");
  column.set_source_unit("ms");
  column.set_type(ValueType::integer);
  column.set_role(Role::dimension);
  column.set_kind(MetricKind::load);
  column.set_direction(Direction::none);
  EXPECT_EQ(column.name(), "load_ms");
  EXPECT_EQ(column.unit(), "tok/s");
  EXPECT_EQ(column.source_unit(), "ms");
  EXPECT_EQ(column.type(), ValueType::integer);
  EXPECT_EQ(column.role(), Role::dimension);
  EXPECT_EQ(column.kind(), MetricKind::load);
  EXPECT_EQ(column.direction(), Direction::none);

  column.set_head(ttft_head());
  column.set_kind(MetricKind::latency);
  EXPECT_EQ(column.name(), "ttft_s");
  EXPECT_EQ(column.unit(), "ms");
  EXPECT_EQ(column.kind(), MetricKind::latency);
}

TEST(ColumnHead, CopiesAndMovesKeepTheHeadAndTheValues) {
  Column column;
  column.set_head(ttft_head());
  column.set_line(12);
  column.numbers = {0.5, 1.25};
  const Column copy = column;
  const Column moved = std::move(column);
  for (const Column* c : {&copy, &moved}) {
    EXPECT_EQ(c->name(), "ttft_s");
    EXPECT_EQ(c->line(), 12u);
    EXPECT_EQ(c->numbers, (Numbers{0.5, 1.25}));
  }
}

TEST(ColumnHead, AColumnHoldsEitherAPointerOrALine) {
  Column column;
  column.set_pointer("/results/0/ttft_ms");
  EXPECT_EQ(column.pointer(), "/results/0/ttft_ms");
  EXPECT_EQ(column.line(), 0u);

  column.set_line(42);
  EXPECT_EQ(column.line(), 42u);
  EXPECT_TRUE(column.pointer().empty());

  column.set_pointer("");
  EXPECT_EQ(column.line(), 0u);
  EXPECT_TRUE(column.pointer().empty());
}

TEST(ColumnHead, ALineBeyondTheFieldIsHeldAtItsLargestValue) {
  Column column;
  column.set_line(std::uint64_t{1} << 40);
  EXPECT_EQ(column.line(), (std::uint32_t{1} << 31) - 1);
  EXPECT_TRUE(column.pointer().empty());
}

TEST(ColumnHead, ThreadsInterningTheSameHeadsAgreeOnEveryOne) {
  constexpr std::size_t k_threads = 4;
  constexpr std::size_t k_heads = 2048;
  // seen[t][h]: where thread t found head h.
  std::vector<std::vector<const ColumnHead*>> seen(k_threads,
                                                   std::vector<const ColumnHead*>(k_heads));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < k_threads; ++t) {
    threads.emplace_back([t, &seen] {
      for (std::size_t i = 0; i < k_heads; ++i) {
        // Each thread walks the heads in its own order (an odd stride is a permutation of a
        // power of two), so that they race to add new ones.
        const std::size_t h = i * (2 * t + 1) % k_heads;
        ColumnHead head;
        head.name = "threaded_" + std::to_string(h);
        head.kind = static_cast<MetricKind>(h % 16);
        Column column;
        column.set_head(head);
        seen[t][h] = &column.head();
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (std::size_t h = 0; h < k_heads; ++h) {
    ASSERT_NE(seen[0][h], nullptr);
    EXPECT_EQ(seen[0][h]->name, "threaded_" + std::to_string(h));
    for (std::size_t t = 1; t < k_threads; ++t) {
      EXPECT_EQ(seen[t][h], seen[0][h]) << "head " << h << ", thread " << t;
    }
  }
}

}  // namespace
}  // namespace chimera::model
