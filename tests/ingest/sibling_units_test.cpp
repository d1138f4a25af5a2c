#include "chimera/ingest/sibling_units.hpp"

#include <gtest/gtest.h>

#include "chimera/ingest/csv.hpp"
#include "chimera/ingest/json.hpp"

namespace chimera::ingest {
namespace {

const model::Column& column(const Parsed& parsed, std::string_view name) {
  const auto* found = parsed.tables.at(0).find_column(name);
  EXPECT_NE(found, nullptr) << name;
  static const model::Column k_none;
  return found != nullptr ? *found : k_none;
}

Parsed csv(std::string_view text) { return parse_csv(text, {"s.csv", model::FileKind::csv}); }

TEST(SiblingUnits, AUnitlessSizeTakesTheMemoryUnitItsSiblingsWrite) {
  const auto parsed = csv("peak_vram_gb,kv_cache_gb,activation_memory\n10.5,2,1.5\n");
  const auto& memory = column(parsed, "activation_memory");
  EXPECT_EQ(memory.kind(), model::MetricKind::memory);
  EXPECT_EQ(memory.unit_source(), model::UnitSource::siblings);
  EXPECT_DOUBLE_EQ(memory.numbers[0], 1536.0);
}

TEST(SiblingUnits, SiblingsInMillisecondsOnlySayWhereTheUnitCameFrom) {
  const auto parsed = csv("ttft_ms,load_ms,queue_wait_time\n120,30,4.5\n");
  const auto& wait = column(parsed, "queue_wait_time");
  EXPECT_EQ(wait.unit_source(), model::UnitSource::siblings);
  EXPECT_DOUBLE_EQ(wait.numbers[0], 4.5);
}

TEST(SiblingUnits, OllamaNanosecondsAndTimeSpansKeepTheirOwnUnit) {
  const auto ns = csv("ttft_s,load_duration\n0.41,3463034200\n");
  EXPECT_EQ(column(ns, "load_duration").unit_source(), model::UnitSource::ollama_ns);
  EXPECT_DOUBLE_EQ(column(ns, "load_duration").numbers[0], 3463.0342);
  // A duration the time span shows to be seconds stays seconds beside siblings in ms.
  const auto span = parse_json(R"({"run": {"execution_time": 26.339488, "ttft_ms": 410,
      "start_time": "2025-10-09T16:39:58.107537", "end_time": "2025-10-09T16:40:24.447025"}})",
                               {"m.json", model::FileKind::json});
  EXPECT_EQ(column(span, "run.execution_time").unit_source(), model::UnitSource::time_span);
  EXPECT_NEAR(column(span, "run.execution_time").numbers[0], 26339.488, 1e-6);
}

TEST(SiblingUnits, AUnitFromTheCellsIsNotOverruled) {
  const auto parsed = csv("ttft_s,duration\n0.41,350 ms\n");
  EXPECT_EQ(column(parsed, "duration").unit_source(), model::UnitSource::cells);
  EXPECT_DOUBLE_EQ(column(parsed, "duration").numbers[0], 350.0);
}

}  // namespace
}  // namespace chimera::ingest
