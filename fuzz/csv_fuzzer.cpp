// libFuzzer entry for the csv parser (see fuzz_parser.hpp for what is checked).
#include "chimera/ingest/csv.hpp"
#include "fuzz_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chimera;
  const model::SourceRef where{"fuzz.csv", model::FileKind::csv};
  return fuzz::fuzz_parser(data, size, where, [](std::string_view text, const auto& ref) {
    return ingest::parse_csv(text, ref);
  });
}
