#include "support/xml_check.hpp"

#include <fstream>

#include "support/process.hpp"

namespace chimera::test {
namespace {

const char* const k_parse =
    "import sys, xml.etree.ElementTree as E\n"
    "try:\n"
    "    E.parse(sys.argv[1])\n"
    "except E.ParseError as e:\n"
    "    print(e)\n"
    "    sys.exit(1)\n";

}  // namespace

bool xml_checker_available() {
  const auto r = run_process({"/usr/bin/env", "python3", "-c", "import xml.etree.ElementTree"});
  return r.exit_code == 0;
}

std::string xml_error(const std::string& xml) {
  TempDir dir;
  dir.write("chart.svg", xml);
  const auto r = run_process({"/usr/bin/env", "python3", "-c", k_parse, dir.path() + "/chart.svg"});
  if (r.exit_code == 0) {
    return "";
  }
  return r.out.empty() ? "python3 failed: " + r.err : r.out;
}

std::vector<std::string> svg_elements(const std::string& html) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = html.find("<svg", pos)) != std::string::npos) {
    const std::size_t end = html.find("</svg>", pos);
    if (end == std::string::npos) {
      out.push_back(html.substr(pos));  // left unclosed: the XML check says so
      break;
    }
    out.push_back(html.substr(pos, end + 6 - pos));
    pos = end + 6;
  }
  return out;
}

std::string attribute(const std::string& element, const std::string& name) {
  const std::size_t tag_end = element.find('>');
  const std::string key = " " + name + "=\"";
  const std::size_t at = element.find(key);
  if (at == std::string::npos || at > tag_end) {
    return "";
  }
  const std::size_t start = at + key.size();
  return element.substr(start, element.find('"', start) - start);
}

std::vector<std::string> tags_of_class(const std::string& element, const std::string& tag,
                                       const std::string& cls) {
  std::vector<std::string> out;
  const std::string open = "<" + tag + " class=\"" + cls + "\"";
  std::size_t pos = 0;
  while ((pos = element.find(open, pos)) != std::string::npos) {
    const std::size_t end = element.find('>', pos);
    out.push_back(element.substr(pos, end + 1 - pos));
    pos = end;
  }
  return out;
}

}  // namespace chimera::test
