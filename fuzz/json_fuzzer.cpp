// libFuzzer entry for the json parser (see fuzz_parser.hpp for what is checked).
#include "chimera/ingest/json.hpp"
#include "fuzz_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chimera;
  const model::SourceRef where{"fuzz.json", model::FileKind::json};
  return fuzz::fuzz_parser(data, size, where, [](std::string_view text, const auto& ref) {
    return ingest::parse_json(text, ref);
  });
}
