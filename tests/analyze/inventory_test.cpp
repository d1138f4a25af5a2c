#include "chimera/analyze/inventory.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "analyze/corpus_builder.hpp"

namespace chimera::analyze {
namespace {

using testing::file;
using testing::TableBuilder;

model::Column timestamps(std::vector<double> values) {
  model::Column c;
  c.set_name("timestamp");
  c.set_type(model::ValueType::timestamp);
  c.set_role(model::Role::timestamp);
  c.numbers = std::move(values);
  return c;
}

model::Corpus two_files() {
  model::Corpus corpus;
  corpus.files = {file("runs/a.json", "", 1'700'000'500), file("b.csv", "", 1'700'000'100),
                  file("runs/notes.txt", "", 1'700'000'900)};
  corpus.files[2].skipped = true;
  corpus.files[2].skip_reason = "not a data file";
  return corpus;
}

TEST(Inventory, CountsFilesByKindWithBytesAndLatestModification) {
  const auto inv = take_inventory(two_files());
  EXPECT_EQ(inv.files_total, 3u);
  EXPECT_EQ(inv.by_kind.at(model::FileKind::json).files, 1u);
  EXPECT_EQ(inv.by_kind.at(model::FileKind::csv).bytes, 100u);
  EXPECT_EQ(inv.by_kind.at(model::FileKind::other).latest_modified, 1'700'000'900);
  EXPECT_EQ(inv.directories, (std::vector<std::string>{".", "runs"}));
  ASSERT_EQ(inv.skipped.size(), 1u);
  EXPECT_EQ(inv.skipped[0].second, "not a data file");
}

TEST(Inventory, TimeRangeFallsBackToFileTimesAndSaysSo) {
  const auto inv = take_inventory(two_files());
  EXPECT_EQ(inv.data_first, 1'700'000'100);
  EXPECT_EQ(inv.data_last, 1'700'000'900);
  EXPECT_EQ(inv.time_range_source, "file modification times");
}

TEST(Inventory, TimeRangeComesFromTimestampColumnsWhenPresent) {
  auto corpus = two_files();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  corpus.tables = {
      TableBuilder("runs/a.json").column(timestamps({1'762'737'300.5})).build(),
      TableBuilder("b.csv")
          .column(timestamps({1'762'740'000, nan, 1'762'730'000}))
          .metric("ttft_ms", model::MetricKind::ttft, "ms", {1, 2, 3})
          .fail(1, "oom")
          .build(),
  };
  const auto inv = take_inventory(corpus);
  EXPECT_EQ(inv.data_first, 1'762'730'000);
  EXPECT_EQ(inv.data_last, 1'762'740'000);
  EXPECT_EQ(inv.time_range_source, "data timestamps");
  EXPECT_EQ(inv.tables, 2u);
  EXPECT_EQ(inv.rows, 4u);
  EXPECT_EQ(inv.failed_rows, 1u);
}

TEST(Inventory, EmptyCorpusHasNoTimeRange) {
  const auto inv = take_inventory(model::Corpus{});
  EXPECT_FALSE(inv.data_first);
  EXPECT_EQ(inv.time_range_source, "");
}

}  // namespace
}  // namespace chimera::analyze
