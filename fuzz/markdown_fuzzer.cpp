// libFuzzer entry for the markdown parser (see fuzz_parser.hpp for what is checked).
#include "chimera/ingest/markdown.hpp"
#include "fuzz_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chimera;
  const model::SourceRef where{"fuzz.md", model::FileKind::markdown};
  return fuzz::fuzz_parser(data, size, where, [](std::string_view text, const auto& ref) {
    return ingest::parse_markdown(text, ref);
  });
}
