// `chimera export DIR`: one long-form record per measured value, to stdout or atomically to -o,
// in JSON Lines or CSV (quoted as RFC 4180 says).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/baseline_corpus.hpp"
#include "support/process.hpp"

namespace chimera::test {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    out.push_back(line);
  }
  return out;
}

TEST(ExportCli, JsonLinesHaveOneRecordPerMeasuredValueOnStdout) {
  TempDir dir;
  dir.write("sweeps/sweep.csv", sweep_csv(standard_sweep()));
  const auto r = run_chimera({"export", dir.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 4u * 8u * 2u);  // configurations x runs x metrics
  std::map<std::string, std::size_t> per_column;
  for (const auto& line : lines) {
    const Json record = Json::parse(line);
    for (const char* key : {"experiment", "source", "locator", "config", "replicate", "column",
                            "kind", "unit", "direction", "value", "failed"}) {
      EXPECT_TRUE(record.contains(key)) << key << " in " << line;
    }
    ++per_column[record["column"]];
  }
  EXPECT_EQ(per_column["throughput_tok_s"], 32u);
  EXPECT_EQ(per_column["ttft_ms"], 32u);
  // The first run of the file: line 2, value as written, its configuration.
  const Json first = Json::parse(lines[0]);
  EXPECT_EQ(first["source"], "sweeps/sweep.csv");
  EXPECT_EQ(first["locator"], "2");
  EXPECT_EQ(first["config"]["num_gpu"], "40");
  EXPECT_EQ(first["config"]["num_ctx"], "1024");
  EXPECT_EQ(first["replicate"], 0);
  EXPECT_EQ(first["column"], "throughput_tok_s");
  EXPECT_EQ(first["kind"], "throughput");
  EXPECT_EQ(first["direction"], "higher");
  EXPECT_DOUBLE_EQ(first["value"].get<double>(), 54.0 * (1.0 + 0.002 * -3.5));
  EXPECT_EQ(first["failed"], false);
  EXPECT_EQ(Json::parse(lines[2])["replicate"], 1);
}

TEST(ExportCli, AFailedRunIsExportedAndMarked) {
  TempDir dir;
  dir.write("runs.csv",
            "run,num_gpu,throughput_tok_s,error\n1,40,50.5,\n2,40,0,CUDA error: out of memory\n"
            "3,40,51.5,\n");
  const auto r = run_chimera({"export", dir.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t failed = 0;
  for (const auto& line : lines_of(r.out)) {
    failed += Json::parse(line)["failed"] == true ? 1U : 0U;
  }
  EXPECT_EQ(failed, 1u) << r.out;
}

TEST(ExportCli, CsvHasAColumnPerSettingAndQuotesCommasAndQuotes) {
  TempDir dir;
  // A model name with a comma and a quote in it, quoted in the input as CSV does.
  std::string csv = "run,model,num_gpu,throughput_tok_s\n";
  csv += "1,\"llama, \"\"big\"\"\",40,50.25\n2,\"llama, \"\"big\"\"\",80,60.5\n";
  dir.write("runs.csv", csv);
  const auto r = run_chimera({"export", dir.path(), "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0],
            "experiment,source,locator,config.model,config.num_gpu,replicate,column,kind,unit,"
            "direction,value,failed");
  EXPECT_NE(lines[1].find(",2,\"llama, \"\"big\"\"\",40,0,throughput_tok_s,throughput,tok/s,"
                          "higher,50.25,false"),
            std::string::npos)
      << lines[1];
}

TEST(ExportCli, OutputFileIsWrittenWholeAndMatchesStdout) {
  TempDir dir;
  dir.write("sweeps/sweep.csv", sweep_csv(standard_sweep()));
  const std::string file = dir.path() + "/out/records.jsonl";
  fs::create_directories(dir.path() + "/out");
  const auto to_file = run_chimera({"export", dir.path() + "/sweeps", "-o", file});
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_TRUE(to_file.out.empty());
  const auto to_stdout = run_chimera({"export", dir.path() + "/sweeps"});
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), to_stdout.out);
  for (const auto& entry : fs::directory_iterator(dir.path() + "/out")) {
    EXPECT_EQ(entry.path().filename(), "records.jsonl") << "no temporary file is left";
  }
}

TEST(ExportCli, NothingToExportIsExit4AndAnUnwritableOutputIs74) {
  TempDir dir;
  dir.write("notes.txt", "nothing here\n");
  auto r = run_chimera({"export", dir.path()});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("nothing to export"), std::string::npos) << r.err;
  dir.write("runs.csv", sweep_csv(standard_sweep()));
  r = run_chimera({"export", dir.path(), "-o", dir.path()});
  EXPECT_EQ(r.exit_code, 74) << r.err;
}

TEST(ExportCli, AReaderThatGoesAwayEndsTheExportQuietly) {
  TempDir dir;
  std::vector<SweepConfig> big = standard_sweep();
  for (auto& c : big) {
    c.runs = 400;  // far more than a pipe holds
  }
  dir.write("runs.csv", sweep_csv(big));
  const auto r = run_process({"/bin/bash", "-c",
                              "'" + std::string(CHIMERA_BINARY) + "' export '" + dir.path() +
                                  "' | head -c 10 > /dev/null; echo \"${PIPESTATUS[0]}\""});
  EXPECT_EQ(r.out, "0\n") << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(ExportCli, AnUnknownFormatIsAUsageError) {
  TempDir dir;
  dir.write("runs.csv", sweep_csv(standard_sweep()));
  const auto r = run_chimera({"export", dir.path(), "--format", "parquet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--format"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace chimera::test
