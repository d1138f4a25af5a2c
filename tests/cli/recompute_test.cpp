#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/report_text.hpp"
#include "support/shared_corpora.hpp"

// The statistics of the JSON report, recomputed here from the raw files with code that shares
// nothing with chimera's ingest or analyze: a split-on-comma CSV reader and nlohmann walking the
// metric's JSON pointer.

namespace chimera::test {
namespace {

using Json = nlohmann::json;

const std::string k_examples = std::string(CHIMERA_SOURCE_DIR) + "/examples/reports";

Json analyze_json(const std::string& dir) {
  const auto r = run_chimera({"analyze", dir, "--llm", "off", "--format", "json", "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return Json::parse(r.out);
}

struct Stats {
  std::size_t n = 0;
  double mean = 0;
  double median = 0;
  double min = 0;
  double max = 0;
};

Stats stats_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  Stats s;
  s.n = values.size();
  if (s.n == 0) {
    return s;
  }
  s.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(s.n);
  s.median = s.n % 2 == 1 ? values[s.n / 2] : (values[s.n / 2 - 1] + values[s.n / 2]) / 2;
  s.min = values.front();
  s.max = values.back();
  return s;
}

void expect_close(double expected, const Json& actual, const std::string& what) {
  ASSERT_TRUE(actual.is_number()) << what << " = " << actual.dump();
  const double a = actual.get<double>();
  EXPECT_LE(std::fabs(a - expected), 1e-9 * std::max(1.0, std::fabs(expected)))
      << what << ": report " << a << ", recomputed " << expected;
}

void expect_stats(const Stats& s, const Json& metric) {
  const std::string what = metric["source"].get<std::string>() + "#" +
                           metric["locator"].get<std::string>() + " " +
                           metric["column"].get<std::string>();
  EXPECT_EQ(metric["n"], s.n) << what;
  expect_close(s.mean, metric["mean"], what + " mean");
  expect_close(s.median, metric["median"], what + " median");
  expect_close(s.min, metric["min"], what + " min");
  expect_close(s.max, metric["max"], what + " max");
}

// The factor from a column's unit, as its name says, to the canonical unit; 0 when unknown.
double factor_to(const std::string& unit, const std::string& name) {
  const auto ends = [&](const std::string& suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (unit == "ms") {
    if (ends("_ms") || name.find("_ms.") != std::string::npos || ends("(ms)")) {
      return 1;
    }
    if (ends("_s") || ends("_sec") || ends("_seconds") || ends("(s)")) {
      return 1000;
    }
    if (ends("_ns")) {
      return 1e-6;
    }
    return 0;
  }
  return unit.empty() || unit == "tok/s" || unit == "tokens" ? 1 : 0;
}

TEST(RecomputeCli, SweepCsvStatisticsMatchASplitOnCommaReading) {
  const Json j = analyze_json(k_examples);
  std::istringstream csv(read_text(k_examples + "/sweep/param_sweep.csv"));
  std::string line;
  std::getline(csv, line);
  std::vector<std::string> header;
  for (std::istringstream h(line); std::getline(h, line, ',');) {
    header.push_back(line);
  }
  std::vector<std::vector<std::string>> rows;
  while (std::getline(csv, line)) {
    std::vector<std::string> cells;
    for (std::istringstream r(line); std::getline(r, line, ',');) {
      cells.push_back(line);
    }
    cells.resize(header.size());
    if (cells.back().empty()) {  // the error column: a failed run is excluded
      rows.push_back(cells);
    }
  }
  ASSERT_EQ(rows.size(), 35u);
  std::size_t checked = 0;
  for (const auto& m : j["metrics"]) {
    if (m["source"] != "sweep/param_sweep.csv") {
      continue;
    }
    const std::string column = m["column"];
    const auto at = std::find(header.begin(), header.end(), column) - header.begin();
    const double factor =
        factor_to(m["unit"].is_string() ? m["unit"].get<std::string>() : "", column);
    ASSERT_NE(factor, 0) << column;
    std::vector<double> values;
    for (const auto& r : rows) {
      values.push_back(std::stod(r[static_cast<std::size_t>(at)]) * factor);
    }
    expect_stats(stats_of(values), m);
    EXPECT_EQ(m["failed_excluded"], 1) << column;
    ++checked;
  }
  EXPECT_GE(checked, 4u);
}

// The value at `path` ("a.b.c") inside `record`, or null.
Json at_path(const Json& record, const std::string& path) {
  const Json* node = &record;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = std::min(path.find('.', start), path.size());
    const std::string key = path.substr(start, dot - start);
    if (!node->is_object() || !node->contains(key)) {
      return nullptr;
    }
    node = &(*node)[key];
    start = dot + 1;
  }
  return *node;
}

struct Recomputed {
  std::vector<double> values;
  std::size_t failed = 0;
};

// Values of the metric `m` of a JSON file: walk the table's pointer, then the column's path in
// each record; a record whose metric fields are all zero or missing is a failed run. False when
// the unit conversion cannot be told from the column's name.
bool recompute_json(const Json& file, const Json& m, const std::vector<std::string>& metric_columns,
                    Recomputed& out) {
  const Json::json_pointer pointer(m["locator"].get<std::string>());
  if (!file.contains(pointer)) {
    return false;
  }
  const Json& found = file.at(pointer);
  // An object is the one-row table of a file's scalars.
  const Json table = found.is_object() ? Json::array({found}) : found;
  const std::string column = m["column"];
  const double factor =
      factor_to(m["unit"].is_string() ? m["unit"].get<std::string>() : "", column);
  if (factor == 0 || !table.is_array()) {
    return false;
  }
  for (const auto& record : table) {
    if (!record.is_object()) {
      if (!record.is_number()) {
        return false;
      }
      out.values.push_back(record.get<double>() * factor);
      continue;
    }
    bool all_empty = true;
    for (const auto& c : metric_columns) {
      const Json v = at_path(record, c);
      all_empty = all_empty && (!v.is_number() || v.get<double>() == 0);
    }
    const Json v = at_path(record, column);
    if (all_empty) {
      ++out.failed;
    } else if (v.is_number()) {
      out.values.push_back(v.get<double>() * factor);
    }
  }
  return true;
}

void expect_json_metrics_recomputed(const std::string& dir, std::size_t at_least) {
  const Json j = analyze_json(dir);
  std::size_t checked = 0;
  std::size_t json_metrics = 0;
  for (const auto& m : j["metrics"]) {
    const std::string source = m["source"];
    if (source.size() < 5 || source.substr(source.size() - 5) != ".json") {
      continue;
    }
    ++json_metrics;
    std::vector<std::string> metric_columns;
    for (const auto& t : j["tables"]) {
      if (t["source"] == source && t["locator"] == m["locator"]) {
        for (const auto& c : t["columns"]) {
          if (c["role"] == "metric") {
            metric_columns.push_back(c["name"]);
          }
        }
      }
    }
    const Json file = Json::parse(read_text(dir + "/" + source), nullptr, false);
    if (file.is_discarded()) {
      continue;  // e.g. NaN literals, which chimera reads and nlohmann does not
    }
    Recomputed r;
    if (!recompute_json(file, m, metric_columns, r)) {
      continue;
    }
    SCOPED_TRACE(source + "#" + m["locator"].get<std::string>() + " " +
                 m["column"].get<std::string>());
    expect_stats(stats_of(r.values), m);
    EXPECT_EQ(m["failed_excluded"], r.failed);
    ++checked;
  }
  EXPECT_GE(checked, at_least) << dir << ": " << json_metrics << " metrics from JSON tables";
  EXPECT_GE(checked * 2, json_metrics) << dir << ": too few of the JSON metrics recomputed";
}

TEST(RecomputeCli, ExampleJsonStatisticsMatchAWalkOfTheirPointers) {
  expect_json_metrics_recomputed(k_examples, 30);
}

TEST(RecomputeCli, AgentSweepStatisticsMatchAWalkOfTheirPointers) {
  CHIMERA_SKIP_WITHOUT_SHARED_CORPUS("agent-sweep");
  expect_json_metrics_recomputed(shared_corpus("agent-sweep"), 50);
}

TEST(RecomputeCli, PythonSweepStatisticsMatchAWalkOfTheirPointers) {
  CHIMERA_SKIP_WITHOUT_SHARED_CORPUS("python-sweep");
  expect_json_metrics_recomputed(shared_corpus("python-sweep"), 50);
}

}  // namespace
}  // namespace chimera::test
