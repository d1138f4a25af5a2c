#include "chimera/ingest/duration_check.hpp"

#include <gtest/gtest.h>

#include "chimera/ingest/json.hpp"

namespace chimera::ingest {
namespace {

const model::SourceRef k_where{"data/metrics.json", model::FileKind::json};

const model::Column& column(const Parsed& parsed, std::string_view name) {
  const auto* found = parsed.tables.at(0).find_column(name);
  EXPECT_NE(found, nullptr) << name;
  static const model::Column k_none;
  return found != nullptr ? *found : k_none;
}

TEST(UnitlessDurations, SecondsAreRecognisedFromTheRecordsOwnStartAndEnd) {
  // As python-sweep writes it: 26.339488 s between the two timestamps.
  const auto parsed = parse_json(R"({"run": {"execution_time": 26.339488,
      "start_time": "2025-10-09T16:39:58.107537", "end_time": "2025-10-09T16:40:24.447025"}})",
                                 k_where);
  const auto& time = column(parsed, "run.execution_time");
  EXPECT_EQ(time.unit(), "ms");
  EXPECT_EQ(time.source_unit(), "s");
  EXPECT_EQ(time.unit_source(), model::UnitSource::time_span);
  EXPECT_NEAR(time.numbers[0], 26339.488, 1e-6);
}

TEST(UnitlessDurations, MillisecondsMatchingTheSpanStayMilliseconds) {
  const auto parsed = parse_json(R"({"run": {"execution_time": 26339.5,
      "start_time": "2025-10-09T16:39:58.107537", "end_time": "2025-10-09T16:40:24.447025"}})",
                                 k_where);
  const auto& time = column(parsed, "run.execution_time");
  EXPECT_EQ(time.source_unit(), "");
  EXPECT_EQ(time.numbers[0], 26339.5);
}

TEST(UnitlessDurations, AValueThatIsNotTheSpanIsLeftAlone) {
  // 12 is neither 26 s nor 26000 ms: nothing tells its unit, so it stays the ms default.
  const auto parsed = parse_json(R"({"run": {"execution_time": 12,
      "start_time": "2025-10-09T16:39:58", "end_time": "2025-10-09T16:40:24"}})",
                                 k_where);
  EXPECT_EQ(column(parsed, "run.execution_time").numbers[0], 12.0);
}

TEST(UnitlessDurations, TimestampsOfAnotherRecordDoNotCount) {
  const auto parsed = parse_json(R"({"a": {"execution_time": 26},
      "b": {"start_time": "2025-10-09T16:39:58", "end_time": "2025-10-09T16:40:24"}})",
                                 k_where);
  EXPECT_EQ(column(parsed, "a.execution_time").numbers[0], 26.0);
}

TEST(UnitlessDurations, AWrittenUnitIsNeverOverridden) {
  const auto parsed = parse_json(R"({"run": {"execution_time_ms": 26,
      "start_time": "2025-10-09T16:39:58", "end_time": "2025-10-09T16:40:24"}})",
                                 k_where);
  EXPECT_EQ(column(parsed, "run.execution_time_ms").numbers[0], 26.0);
}

TEST(UnitlessDurations, EveryRowMustAgree) {
  const auto parsed = parse_json(R"([
      {"elapsed": 10, "start": "2025-10-09T10:00:00", "end": "2025-10-09T10:00:10"},
      {"elapsed": 20, "start": "2025-10-09T11:00:00", "end": "2025-10-09T11:00:20"}])",
                                 k_where);
  const auto& agreed = column(parsed, "elapsed");
  EXPECT_EQ(agreed.numbers[1], 20000.0);
  const auto mixed = parse_json(R"([
      {"elapsed": 10, "start": "2025-10-09T10:00:00", "end": "2025-10-09T10:00:10"},
      {"elapsed": 20, "start": "2025-10-09T11:00:00", "end": "2025-10-09T11:00:50"}])",
                                k_where);
  EXPECT_EQ(column(mixed, "elapsed").numbers[1], 20.0);
}

}  // namespace
}  // namespace chimera::ingest
