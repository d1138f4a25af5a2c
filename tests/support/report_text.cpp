#include "support/report_text.hpp"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

namespace chimera::test {

std::string normalise_report(std::string text) {
  const std::string source = CHIMERA_SOURCE_DIR;
  for (std::size_t pos; (pos = text.find(source)) != std::string::npos;) {
    text.replace(pos, source.size(), "$SRC");
  }
  text = std::regex_replace(text, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"), "<time>");
  text = std::regex_replace(text, std::regex(R"(\d+\.\d\ds\b)"), "<s>");
  return text;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool update_golden(const std::string& golden, const std::string& actual) {
  const char* update = std::getenv("CHIMERA_UPDATE_GOLDEN");
  if (update == nullptr || std::string(update) != "1") {
    return false;
  }
  std::ofstream(golden, std::ios::binary) << actual;
  return true;
}

}  // namespace chimera::test
