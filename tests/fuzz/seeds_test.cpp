// Every checked-in fuzz seed, through the same checks as its fuzz target, on every `make test`:
// the seeds that reproduced a crash or a hang stay regression tests without a fuzzing build.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "chimera/ingest/csv.hpp"
#include "chimera/ingest/json.hpp"
#include "chimera/ingest/markdown.hpp"
#include "chimera/util/file_io.hpp"
#include "fuzz/fuzz_parser.hpp"

namespace chimera::test {
namespace {

const std::filesystem::path k_seeds = std::filesystem::path(CHIMERA_SOURCE_DIR) / "fuzz/seeds";

std::vector<std::filesystem::path> seeds(const std::string& parser) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(k_seeds / parser)) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

template <typename Parse>
void run_seeds(const std::string& parser, model::FileKind kind, Parse parse) {
  const auto files = seeds(parser);
  ASSERT_FALSE(files.empty()) << (k_seeds / parser);
  for (const auto& path : files) {
    SCOPED_TRACE(path.string());
    const auto bytes = util::read_file(path);
    ASSERT_TRUE(bytes.has_value());
    const model::SourceRef where{path.filename().string(), kind};
    EXPECT_EQ(fuzz::fuzz_parser(reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size(),
                                where, parse),
              0);
  }
}

TEST(FuzzSeeds, CsvSeedsParseToWellFormedTables) {
  run_seeds("csv", model::FileKind::csv, [](std::string_view text, const auto& where) {
    return ingest::parse_csv(text, where);
  });
}

TEST(FuzzSeeds, JsonSeedsParseToWellFormedTables) {
  run_seeds("json", model::FileKind::json, [](std::string_view text, const auto& where) {
    return ingest::parse_json(text, where);
  });
}

TEST(FuzzSeeds, MarkdownSeedsParseToWellFormedTables) {
  run_seeds("markdown", model::FileKind::markdown, [](std::string_view text, const auto& where) {
    return ingest::parse_markdown(text, where);
  });
}

}  // namespace
}  // namespace chimera::test
