#include "support/report_text.hpp"

#include <cctype>
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

std::string unwrapped(const std::string& markdown) {
  std::string out;
  std::string previous;
  std::size_t start = 0;
  bool fenced = false;
  while (start <= markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    end = end == std::string::npos ? markdown.size() : end;
    const std::string line = markdown.substr(start, end - start);
    std::size_t lead = 0;
    while (lead < line.size() && line[lead] == ' ') {
      ++lead;
    }
    const std::string body = line.substr(lead);
    const bool fence = body.rfind("```", 0) == 0;
    const bool block_start = body.empty() || body[0] == '#' || body[0] == '|' || body[0] == '>' ||
                             body.rfind("- ", 0) == 0 || body.rfind("* ", 0) == 0 ||
                             (std::isdigit(static_cast<unsigned char>(body[0])) != 0 &&
                              body.find(". ") != std::string::npos && body.find(". ") < 4) ||
                             fence;
    const bool joins = !fenced && !block_start && !previous.empty() && previous[0] != '#' &&
                       previous.find_first_not_of(' ') != std::string::npos &&
                       previous[previous.find_first_not_of(' ')] != '|';
    if (joins) {
      out += ' ' + body;
    } else {
      if (start > 0) {
        out += '\n';
      }
      out += line;
    }
    if (fence) {
      fenced = !fenced;
    }
    previous = line;
    if (end == markdown.size()) {
      break;
    }
    start = end + 1;
  }
  return out;
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
