#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process.hpp"

// Findings on small corpora written the way real harnesses write them, found by the real binary:
// impossible values, near-duplicate digests, findings kept to raw runs.

namespace chimera::test {
namespace {

using Json = nlohmann::json;

Json analyze_json(const TempDir& dir) {
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off", "--format", "json", "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return Json::parse(r.out);
}

std::vector<Json> with_id(const Json& report, const std::string& id) {
  std::vector<Json> out;
  for (const auto& f : report["findings"]) {
    if (f["id"] == id) {
      out.push_back(f);
    }
  }
  return out;
}

// The headline statistics of the experiment's only configuration on `column`.
Json overall(const Json& report, const std::string& column) {
  for (const auto& e : report["experiments"]) {
    for (const auto& m : e["overall"]) {
      if (m["column"] == column) {
        return m;
      }
    }
  }
  return Json();
}

TEST(FindingsCorpusCli, NegativeRawValuesAreLeftOutAndReportedOncePerColumnWithTheirLines) {
  TempDir dir;
  // A CSV sweep with a -1 written for "not measured", a JSON run with a clock that went
  // backwards, and deltas that are negative by nature.
  dir.write("sweep/results.csv",
            "backend,run,ttft_ms,tokens_per_second,ttft_delta_ms\n"
            "vllm,1,410,61.0,-12\n"
            "vllm,2,-1,60.5,-10\n"
            "vllm,3,405,61.2,-11\n"
            "vllm,4,-1,60.9,-9\n"
            "vllm,5,409,-60.7,-13\n");
  const auto report = analyze_json(dir);
  const auto found = with_id(report, "impossible-value");
  ASSERT_EQ(found.size(), 2u) << report["findings"].dump(1);
  // Grouped by column, ttft_ms before tokens_per_second in name order.
  const auto& ttft = found[1]["evidence"][0]["column"] == "ttft_ms" ? found[1] : found[0];
  EXPECT_EQ(ttft["severity"], "warning");
  EXPECT_EQ(ttft["count"], 2);
  ASSERT_EQ(ttft["evidence"].size(), 2u);
  EXPECT_EQ(ttft["evidence"][0]["source"], "sweep/results.csv");
  EXPECT_EQ(ttft["evidence"][0]["locator"], ":3");
  EXPECT_EQ(ttft["evidence"][0]["value"], -1);
  EXPECT_EQ(ttft["evidence"][0]["unit"], "ms");
  EXPECT_EQ(ttft["evidence"][1]["locator"], ":5");
  EXPECT_NE(ttft["message"].get<std::string>().find("a duration cannot be negative"),
            std::string::npos)
      << ttft["message"];
  for (const auto& f : report["findings"]) {
    EXPECT_EQ(f["message"].get<std::string>().find("ttft_delta_ms"), std::string::npos)
        << "a delta may be negative: " << f.dump();
  }
  // No statistic sees them: the per-table minimum of ttft is a real reading.
  for (const auto& m : report["metrics"]) {
    if (m["column"] == "ttft_ms" || m["column"] == "tokens_per_second") {
      EXPECT_GT(m["min"].get<double>(), 0) << m.dump();
      EXPECT_EQ(m["n"], m["column"] == "ttft_ms" ? 3 : 4) << m.dump();
    }
  }
}

TEST(FindingsCorpusCli, ImpossibleValuesInJsonRunsNameTheirPointer) {
  TempDir dir;
  dir.write("runs/run_1.json",
            R"({"model": "gemma3", "runs": [
                 {"ttft_s_p50": 0.41, "throughput_tok_s": 60.1, "eval_count": 300},
                 {"ttft_s_p50": 0.40, "throughput_tok_s": -1, "eval_count": 301},
                 {"ttft_s_p50": 0.42, "throughput_tok_s": 59.8, "eval_count": 299}]})");
  const auto report = analyze_json(dir);
  const auto found = with_id(report, "impossible-value");
  ASSERT_EQ(found.size(), 1u) << report["findings"].dump(1);
  EXPECT_EQ(found[0]["evidence"][0]["locator"], "#/runs/1");
  EXPECT_EQ(found[0]["evidence"][0]["column"], "throughput_tok_s");
  EXPECT_EQ(found[0]["evidence"][0]["text"], "runs/run_1.json#/runs/1: throughput_tok_s -1 tok/s");
  EXPECT_NE(found[0]["message"].get<std::string>().find("a throughput cannot be negative"),
            std::string::npos);
  const auto throughput = overall(report, "throughput_tok_s");
  ASSERT_FALSE(throughput.is_null()) << report["experiments"].dump(1);
  EXPECT_EQ(throughput["n"], 2);
}

TEST(FindingsCorpusCli, DigestsThatDifferOnlyInWhenTheyWereGeneratedAreNearDuplicates) {
  TempDir dir;
  const auto digest = [](const std::string& when, const std::string& id) {
    return "# Nightly digest\n\nGenerated at: " + when + "\nRun ID: " + id +
           "\n\n| Backend | TTFT (ms) | Tokens/s |\n|---|---:|---:|\n| vllm | 410 | 61.2 |\n"
           "| tgi | 395 | 58.9 |\n";
  };
  dir.write("digests/2026-12-06.md", digest("2026-12-06T02:00:03Z", "9f1c2e3d4b5a"));
  dir.write("digests/2026-12-07.md", digest("2026-12-07T02:00:05Z", "0a1b2c3d4e5f"));
  dir.write("digests/copy.md", digest("2026-12-06T02:00:03Z", "9f1c2e3d4b5a"));
  std::string other = digest("2026-12-08T02:00:01Z", "1234abcd5678");
  other.replace(other.find("410"), 3, "999");
  dir.write("digests/other.md", other);
  const auto report = analyze_json(dir);
  const auto near = with_id(report, "near-duplicate-file");
  ASSERT_EQ(near.size(), 1u) << report["findings"].dump(1);
  EXPECT_EQ(near[0]["severity"], "warning");
  ASSERT_EQ(near[0]["evidence"].size(), 2u) << "the byte copy is duplicate-file's";
  EXPECT_EQ(near[0]["evidence"][0]["source"], "digests/2026-12-06.md");
  EXPECT_EQ(near[0]["evidence"][1]["source"], "digests/2026-12-07.md");
  EXPECT_EQ(with_id(report, "duplicate-file").size(), 1u);
  // Only the first digest is counted: the experiment's runs are its two rows and other.md's.
  ASSERT_EQ(report["experiments"].size(), 1u) << report["experiments"].dump(1);
  EXPECT_EQ(report["experiments"][0]["runs"], 4);
}

TEST(FindingsCorpusCli, SampleSizeAndMissingMetricFindingsAreForRawRunsOnly) {
  TempDir dir;
  // A summary of means, one row per configuration by design, and a Markdown digest.
  dir.write("summary/summary.csv",
            "backend,num_ctx,mean_ttft_ms,mean_tokens_per_second\n"
            "vllm,2048,410,61.2\nvllm,4096,,60.1\ntgi,2048,395,58.9\n");
  dir.write("notes.md",
            "# Results\n\n| Backend | TTFT (ms) | Tokens/s |\n|---|---:|---:|\n"
            "| vllm | 410 | 61.2 |\n| tgi | 395 | |\n");
  const auto report = analyze_json(dir);
  EXPECT_TRUE(with_id(report, "single-sample").empty()) << report["findings"].dump(1);
  EXPECT_TRUE(with_id(report, "missing-metric").empty()) << report["findings"].dump(1);
}

TEST(FindingsCorpusCli, MarkdownShowsFiveEvidenceItemsThenHowManyMore) {
  TempDir dir;
  std::string csv = "run,latency_ms\n";
  for (int i = 1; i <= 9; ++i) {
    csv += std::to_string(i) + ",-" + std::to_string(i) + "\n";
  }
  csv += "10,120\n11,118\n";
  dir.write("lat.csv", csv);
  const auto r = run_chimera({"analyze", dir.path(), "--llm", "off", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto at = r.out.find("`impossible-value`");
  ASSERT_NE(at, std::string::npos) << r.out;
  const auto item = r.out.substr(at, r.out.find("\n- ", at) - at);
  EXPECT_NE(item.find("`lat.csv:6: latency_ms -5 ms`"), std::string::npos) << item;
  EXPECT_EQ(item.find("lat.csv:7:"), std::string::npos) << item;
  EXPECT_NE(item.find("  - and 4 more"), std::string::npos) << item;
}

// A harness that writes its runs as CSV and as JSON (in seconds there), and a Markdown summary
// that restates them: one cold start, one finding, which says where it is restated.
TEST(FindingsCorpusCli, AColdStartRestatedInSeveralFilesIsOneFinding) {
  TempDir dir;
  const std::vector<double> ttft{3517, 423, 439, 446, 411, 414, 420};
  std::string csv = "run,ttft_ms,tokens_per_second\n";
  std::string json = R"({"generated_at": "2026-12-07T10:00:00Z", "runs": [)";
  std::string md = "# Results\n\n| Run | TTFT (ms) | Tokens/s |\n|---|---:|---:|\n";
  for (std::size_t i = 0; i < ttft.size(); ++i) {
    const auto run = std::to_string(i + 1);
    const auto ms = std::to_string(static_cast<int>(ttft[i]));
    const auto rate = std::to_string(60 + static_cast<int>(i));
    csv += run + "," + ms + "," + rate + "\n";
    json += std::string(i > 0 ? ", " : "") + R"({"run": )" + run + R"(, "ttft_s": )" +
            std::to_string(ttft[i] / 1000).substr(0, 5) + R"(, "tokens_per_second": )" + rate + "}";
    md += "| " + run + " | " + ms + " | " + rate + " |\n";
  }
  dir.write("results.csv", csv);
  dir.write("results.json", json + "]}");
  dir.write("summary.md", md);
  const auto report = analyze_json(dir);
  const auto cold = with_id(report, "cold-start");
  ASSERT_EQ(cold.size(), 1u) << report["findings"].dump(1);
  EXPECT_EQ(cold[0]["count"], 1);
  EXPECT_EQ(cold[0]["evidence_total"], 2);
  const std::string message = cold[0]["message"];
  EXPECT_NE(message.find("restated in results.json"), std::string::npos) << message;
  ASSERT_EQ(cold[0]["evidence"].size(), 2u);
  EXPECT_EQ(cold[0]["evidence"][0]["text"].get<std::string>().rfind("results.csv:2: ttft_ms", 0),
            0u);
  EXPECT_EQ(cold[0]["evidence"][1]["text"], "results.json#/runs/0: restates results.csv:2");
  EXPECT_EQ(cold[0]["evidence"][1]["value"], 3517);
}

// The same single-run sweep written as CSV and as JSON: one single-sample finding, which says the
// JSON restates it.
TEST(FindingsCorpusCli, SingleRunConfigurationsRestatedInAnotherFileAreOneFinding) {
  TempDir dir;
  dir.write("sweep.csv", "num_gpu,tokens_per_second\n60,50.5\n80,60.1\n120,64.2\n");
  dir.write("sweep.json",
            R"({"runs": [{"num_gpu": 60, "tokens_per_second": 50.5},
                         {"num_gpu": 80, "tokens_per_second": 60.1},
                         {"num_gpu": 120, "tokens_per_second": 64.2}]})");
  const auto report = analyze_json(dir);
  const auto single = with_id(report, "single-sample");
  ASSERT_EQ(single.size(), 1u) << report["findings"].dump(1);
  EXPECT_EQ(single[0]["count"], 3);
  const std::string message = single[0]["message"];
  EXPECT_EQ(message.rfind("3 configurations of `sweep.csv` (also in `sweep.json#/runs`) have", 0),
            0u)
      << message;
}

// A standard deviation of one value is undefined: the JSON says null, never 0, and the evidence
// the LLM reads leaves it out.
TEST(FindingsCorpusCli, StddevOfASingleRunIsNullNotZero) {
  TempDir dir;
  dir.write("sweep.csv", "num_gpu,tokens_per_second\n60,50.5\n80,60.1\n80,61.3\n80,59.9\n");
  const auto report = analyze_json(dir);
  ASSERT_EQ(report["experiments"].size(), 1u);
  const auto& configurations = report["experiments"][0]["configurations"];
  ASSERT_EQ(configurations.size(), 2u);
  const auto& one = configurations[0]["metrics"][0];
  EXPECT_EQ(one["n"], 1);
  EXPECT_TRUE(one["stddev"].is_null()) << one.dump();
  EXPECT_TRUE(one["cv"].is_null()) << one.dump();
  EXPECT_EQ(one["median"], 50.5);
  const auto& three = configurations[1]["metrics"][0];
  EXPECT_EQ(three["n"], 3);
  EXPECT_NEAR(three["stddev"].get<double>(), 0.7571877794, 1e-9);
}

// Replicates written a file each (run_9/ ... run_14/, and trial-N.json): the first by number,
// not by bytes ("run_10" sorts before "run_9"), is the cold start of its configuration.
TEST(FindingsCorpusCli, AColdStartAcrossReplicateFilesIsTheFirstByRunNumber) {
  TempDir dir;
  for (int run = 9; run <= 14; ++run) {
    for (const int batch : {1, 8}) {
      const double ttft = (run == 9 ? 3.0 : 1.0) * (120.0 + batch * 4 + run % 3);
      dir.write(
          "bench/batch" + std::to_string(batch) + "/run_" + std::to_string(run) + "/results.json",
          R"({"config": {"max_batch_size": )" + std::to_string(batch) +
              R"(}, "results": {"output_tok_s": )" + std::to_string(40 + batch * 6 + run % 2) +
              R"(, "ttft_ms": )" + std::to_string(ttft) + "}}");
    }
  }
  for (int trial = 1; trial <= 5; ++trial) {
    dir.write("other/trial-" + std::to_string(trial) + ".json",
              R"({"tokens_per_second": 50, "load_ms": )" +
                  std::to_string(trial == 1 ? 900 : 200 + trial) + "}");
  }
  const auto report = analyze_json(dir);
  const auto cold = with_id(report, "cold-start");
  ASSERT_EQ(cold.size(), 2u) << report["findings"].dump(1);
  std::vector<std::string> sources;
  for (const auto& f : cold) {
    for (const auto& e : f["evidence"]) {
      sources.push_back(e["source"]);
    }
  }
  std::sort(sources.begin(), sources.end());
  EXPECT_EQ(sources,
            (std::vector<std::string>{"bench/batch1/run_9/results.json",
                                      "bench/batch8/run_9/results.json", "other/trial-1.json"}));
}

}  // namespace
}  // namespace chimera::test
