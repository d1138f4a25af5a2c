#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/report_text.hpp"
#include "support/shared_corpora.hpp"

// The JSON report of the real binary on real corpora: its contract, its determinism, and that
// it accounts for every input file.

namespace chimera::test {
namespace {

using Json = nlohmann::json;

const std::string k_examples = std::string(CHIMERA_SOURCE_DIR) + "/examples/reports";

// The corpora a test runs on: the examples when asked, and those of the shared corpora `names`
// that are present; `missing` says which are not, for a skip once the others are checked.
struct Corpora {
  std::vector<std::string> dirs;
  std::string missing;
};

Corpora corpora(bool examples, std::initializer_list<const char*> names) {
  Corpora c;
  if (examples) {
    c.dirs.push_back(k_examples);
  }
  for (const char* name : names) {
    if (has_shared_corpus(name)) {
      c.dirs.push_back(shared_corpus(name));
    } else {
      c.missing += (c.missing.empty() ? "" : "; ") + missing_shared_corpus(name);
    }
  }
  return c;
}

Json analyze_json(const std::string& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"analyze", dir, "--llm", "off", "--format", "json", "-q"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_chimera(args);
  EXPECT_EQ(r.exit_code, 0) << dir << ": " << r.err;
  const Json j = Json::parse(r.out, nullptr, false);
  return j.is_discarded() ? Json::object() : j;  // a failure above, not an exception here
}

// Asserts that `j[key]` exists and satisfies `is`, naming the key when it does not.
template <typename Predicate>
void expect_key(const Json& j, const char* key, Predicate is, const std::string& where) {
  ASSERT_TRUE(j.is_object()) << where;
  ASSERT_TRUE(j.contains(key)) << where << ": no key " << key;
  EXPECT_TRUE(is(j.at(key))) << where << "." << key << " = " << j.at(key).dump();
}

const auto is_string = [](const Json& v) { return v.is_string(); };
const auto is_uint = [](const Json& v) { return v.is_number_unsigned(); };
const auto is_number = [](const Json& v) { return v.is_number(); };
const auto is_object = [](const Json& v) { return v.is_object(); };
const auto is_array = [](const Json& v) { return v.is_array(); };
const auto is_string_or_null = [](const Json& v) { return v.is_string() || v.is_null(); };
const auto is_number_or_null = [](const Json& v) { return v.is_number() || v.is_null(); };

void expect_contract(const Json& j, const std::string& dir) {
  expect_key(j, "tool", is_object, dir);
  EXPECT_EQ(j["tool"]["name"], "chimera");
  expect_key(j["tool"], "version", is_string, "tool");
  expect_key(j, "root", is_string, dir);
  EXPECT_EQ(j["root"], dir);

  const Json& inv = j["inventory"];
  expect_key(inv, "files_total", is_uint, "inventory");
  expect_key(inv, "by_kind", is_object, "inventory");
  std::uint64_t files = 0;
  for (const auto& [kind, totals] : inv["by_kind"].items()) {
    EXPECT_TRUE(std::set<std::string>({"csv", "json", "markdown", "other"}).count(kind)) << kind;
    expect_key(totals, "files", is_uint, kind);
    expect_key(totals, "bytes", is_uint, kind);
    expect_key(totals, "latest_modified", is_string_or_null, kind);
    files += totals["files"].get<std::uint64_t>();
  }
  EXPECT_EQ(files, inv["files_total"].get<std::uint64_t>());

  expect_key(j, "diagnostics", is_array, dir);
  for (const auto& d : j["diagnostics"]) {
    expect_key(d, "path", is_string, "diagnostic");
    expect_key(
        d, "line", [](const Json& v) { return v.is_number_unsigned() || v.is_null(); },
        "diagnostic");
    expect_key(d, "severity", is_string, "diagnostic");
    EXPECT_TRUE(std::set<std::string>({"info", "warning", "error"}).count(d["severity"]));
    expect_key(d, "message", is_string, "diagnostic");
  }

  expect_key(j, "tables", is_array, dir);
  EXPECT_FALSE(j["tables"].empty()) << dir;
  for (const auto& t : j["tables"]) {
    expect_key(t, "source", is_string, "table");
    expect_key(t, "locator", is_string, "table");
    expect_key(t, "rows", is_uint, "table");
    expect_key(t, "columns", is_array, "table");
    for (const auto& c : t["columns"]) {
      const std::string where = t["source"].get<std::string>() + " column";
      expect_key(c, "name", is_string, where);
      expect_key(c, "type", is_string, where);
      expect_key(c, "role", is_string, where);
      expect_key(c, "kind", is_string_or_null, where);
      expect_key(c, "unit", is_string_or_null, where);
      EXPECT_EQ(c["kind"].is_null(), c["role"] != "metric") << where << " " << c.dump();
    }
  }

  expect_key(j, "metrics", is_array, dir);
  EXPECT_FALSE(j["metrics"].empty()) << dir;
  for (const auto& m : j["metrics"]) {
    for (const char* key : {"source", "locator", "column", "kind"}) {
      expect_key(m, key, is_string, "metric");
    }
    expect_key(m, "n", is_uint, "metric");
    for (const char* key : {"mean", "median", "stddev", "min", "max", "p05", "p95"}) {
      expect_key(m, key, is_number_or_null, "metric");
    }
  }

  expect_key(j, "findings", is_array, dir);
  for (const auto& f : j["findings"]) {
    expect_key(f, "id", is_string, "finding");
    expect_key(f, "severity", is_string, "finding");
    expect_key(f, "message", is_string, "finding");
    expect_key(f, "count", is_uint, "finding");
    expect_key(f, "evidence", is_array, "finding");
    expect_key(f, "evidence_total", is_uint, "finding");
    EXPECT_GE(f["evidence_total"].get<std::size_t>(), f["evidence"].size()) << f.dump();
    for (const auto& e : f["evidence"]) {
      for (const char* key : {"source", "locator", "column", "unit"}) {
        expect_key(e, key, is_string_or_null, "evidence");
      }
      for (const char* key : {"value", "reference"}) {
        expect_key(e, key, is_number_or_null, "evidence");
      }
      expect_key(e, "text", is_string, "evidence");
      EXPECT_EQ(e.size(), 7u) << e.dump();
    }
  }

  const Json& llm = j["llm"];
  expect_key(llm, "status", is_string, "llm");
  EXPECT_EQ(llm["status"], "skipped");
  expect_key(llm, "reason", is_string_or_null, "llm");
  expect_key(llm, "model", is_string, "llm");
  expect_key(llm, "endpoint", is_string, "llm");
  expect_key(llm, "options", is_object, "llm");
  expect_key(llm, "passes", is_array, "llm");

  for (const char* key : {"ingest_s", "analysis_s", "report_s", "total_s"}) {
    expect_key(j["workflow"], key, is_number, "workflow");
  }
  expect_key(j["grounding"], "checked", is_uint, "grounding");
  expect_key(j["grounding"], "supported", is_uint, "grounding");
  expect_key(j["grounding"], "unsupported", is_array, "grounding");
}

TEST(JsonContractCli, ReportOfEachCorpusHasEveryContractKeyWithItsType) {
  const auto c = corpora(true, {"agent-sweep", "python-sweep"});
  for (const auto& dir : c.dirs) {
    SCOPED_TRACE(dir);
    expect_contract(analyze_json(dir), dir);
  }
  if (!c.missing.empty()) {
    GTEST_SKIP() << "checked the others; " << c.missing;
  }
}

// The report without what legitimately changes between runs.
Json without_timings(Json j) {
  j.erase("workflow");
  j.erase("generated_at");
  return j;
}

TEST(JsonContractCli, TwoRunsGiveIdenticalJsonApartFromTimings) {
  const auto c = corpora(true, {"agent-sweep"});
  for (const auto& dir : c.dirs) {
    const auto a = run_chimera({"analyze", dir, "--llm", "off", "--format", "json"});
    const auto b = run_chimera({"analyze", dir, "--llm", "off", "--format", "json"});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(without_timings(Json::parse(a.out)).dump(1),
              without_timings(Json::parse(b.out)).dump(1))
        << dir;
  }
  if (!c.missing.empty()) {
    GTEST_SKIP() << "checked the others; " << c.missing;
  }
}

TEST(JsonContractCli, TwoRunsGiveIdenticalMarkdownApartFromTimings) {
  CHIMERA_SKIP_WITHOUT_SHARED_CORPUS("python-sweep");
  const std::string dir = shared_corpus("python-sweep");
  const auto a = run_chimera({"analyze", dir, "--llm", "off"});
  const auto b = run_chimera({"analyze", dir, "--llm", "off"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(normalise_report(a.out), normalise_report(b.out));
}

TEST(JsonContractCli, OneJobAndTwoJobsIngestTheSameTables) {
  const auto c = corpora(true, {"agent-sweep"});
  for (const auto& dir : c.dirs) {
    const Json one = without_timings(analyze_json(dir, {"--jobs", "1"}));
    const Json two = without_timings(analyze_json(dir, {"--jobs", "2"}));
    EXPECT_EQ(one["tables"], two["tables"]) << dir;
    EXPECT_EQ(one["diagnostics"], two["diagnostics"]) << dir;
    EXPECT_EQ(one.dump(1), two.dump(1)) << dir;
  }
  if (!c.missing.empty()) {
    GTEST_SKIP() << "checked the others; " << c.missing;
  }
}

TEST(JsonContractCli, EveryFileOfTheSharedCorporaIsIngestedOrExplained) {
  const auto c = corpora(false, {"agent-sweep", "python-sweep"});
  for (const auto& dir : c.dirs) {
    const Json j = analyze_json(dir);
    std::set<std::string> diagnosed;
    for (const auto& d : j["diagnostics"]) {
      diagnosed.insert(d["path"].get<std::string>());
    }
    ASSERT_FALSE(j["files"].empty()) << dir;
    EXPECT_EQ(j["files"].size(), j["inventory"]["files_total"].get<std::size_t>());
    for (const auto& f : j["files"]) {
      const std::string path = f["path"];
      const bool ingested = f["tables"].get<std::size_t>() > 0;
      const bool skipped_with_reason =
          f["skipped"] == true && f["skip_reason"].is_string() && !f["skip_reason"].empty();
      EXPECT_TRUE(ingested || skipped_with_reason || diagnosed.count(path) != 0)
          << dir << ": " << path << " has no table, is not skipped and has no diagnostic";
    }
  }
  if (!c.missing.empty()) {
    GTEST_SKIP() << c.missing;
  }
}

}  // namespace
}  // namespace chimera::test
