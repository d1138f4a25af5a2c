#include "chimera/ingest/records_file.hpp"

#include <gtest/gtest.h>

#include <string>

namespace chimera::ingest {
namespace {

const char* k_record =
    R"({"experiment":"sweep","source":"a.csv","locator":"2","config":{"num_gpu":"80"},)"
    R"("replicate":0,"column":"tps","kind":"throughput","unit":"tok/s","direction":"higher",)"
    R"("value":VALUE,"failed":FAILED})";

std::string record(const std::string& value, bool failed = false) {
  std::string r = k_record;
  r.replace(r.find("VALUE"), 5, value);
  r.replace(r.find("FAILED"), 6, failed ? "true" : "false");
  return r + "\n";
}

TEST(RecordsFile, JsonLinesGroupValuesByExperimentConfigurationAndColumnSorted) {
  const auto b = parse_records(record("3") + record("1") + "\n" + record("2"), "old.jsonl");
  ASSERT_TRUE(b) << b.error().message;
  ASSERT_EQ(b->experiments.size(), 1u);
  const auto& e = b->experiments[0];
  EXPECT_EQ(e.name, "sweep");
  ASSERT_EQ(e.configurations.size(), 1u);
  EXPECT_EQ(e.configurations[0].config, (model::GroupKey{{"num_gpu", "80"}}));
  ASSERT_EQ(e.configurations[0].metrics.size(), 1u);
  const auto& m = e.configurations[0].metrics[0];
  EXPECT_EQ(m.column, "tps");
  EXPECT_EQ(m.kind, model::MetricKind::throughput);
  EXPECT_EQ(m.direction, model::Direction::higher);
  EXPECT_EQ(m.values, (std::vector<double>{1, 2, 3}));
}

TEST(RecordsFile, FailedRunsAndNullValuesAreLeftOut) {
  const auto b = parse_records(record("3") + record("9", true) + record("null"), "old.jsonl");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->experiments[0].configurations[0].metrics[0].values, (std::vector<double>{3}));
}

TEST(RecordsFile, ABadLineNamesItsNumberAndWhatIsWrong) {
  auto b = parse_records(record("3") + "{\"experiment\": 1}\n", "old.jsonl");
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().where, "old.jsonl:2");
  EXPECT_NE(b.error().message.find("\"experiment\" is missing or not a string"), std::string::npos);
  b = parse_records(record("3") + record("4") + "{not json\n", "old.jsonl");
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().where, "old.jsonl:3");
  std::string unknown = record("3");
  unknown.replace(unknown.find("throughput"), 10, "speed");
  b = parse_records(unknown, "old.jsonl");
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().message.find("unknown kind \"speed\""), std::string::npos);
}

TEST(RecordsFile, CsvWithQuotedFieldsReadsBackTheSameSettings) {
  const std::string csv =
      "experiment,source,locator,config.model,config.num_gpu,replicate,column,kind,unit,"
      "direction,value,failed\n"
      "sweep,a.csv,2,\"llama, \"\"big\"\"\",80,0,tps,throughput,tok/s,higher,50.5,false\n"
      "sweep,a.csv,3,\"llama, \"\"big\"\"\",80,1,tps,throughput,tok/s,higher,49.5,false\n"
      "sweep,a.csv,4,,40,0,tps,throughput,tok/s,higher,10,false\n";
  const auto b = parse_records(csv, "old.csv");
  ASSERT_TRUE(b) << b.error().message;
  const auto& configs = b->experiments[0].configurations;
  ASSERT_EQ(configs.size(), 2u);
  // Sorted by settings: ("model", ...) before ("num_gpu", ...).
  EXPECT_EQ(configs[0].config, (model::GroupKey{{"model", "llama, \"big\""}, {"num_gpu", "80"}}));
  EXPECT_EQ(configs[0].metrics[0].values, (std::vector<double>{49.5, 50.5}));
  EXPECT_EQ(configs[1].config, (model::GroupKey{{"num_gpu", "40"}}));
}

TEST(RecordsFile, ACsvRowOfTheWrongWidthOrANonNumberNamesItsLine) {
  const std::string header =
      "experiment,source,locator,replicate,column,kind,unit,direction,value,failed\n";
  auto b = parse_records(header + "e,a,1,0,t,throughput,tok/s,higher,1,false\ne,a,1\n", "o.csv");
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().where, "o.csv:3");
  EXPECT_NE(b.error().message.find("expected 10 fields, got 3"), std::string::npos);
  b = parse_records(header + "e,a,1,0,t,throughput,tok/s,higher,fast,false\n", "o.csv");
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().where, "o.csv:2");
  b = parse_records("a,b\n1,2\n", "o.csv");
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().message.find("the header has no \"experiment\" column"), std::string::npos);
}

TEST(RecordsFile, AnEmptyFileIsAnError) {
  const auto b = parse_records("\n\n", "old.jsonl");
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().message.find("holds no records"), std::string::npos);
}

}  // namespace
}  // namespace chimera::ingest
