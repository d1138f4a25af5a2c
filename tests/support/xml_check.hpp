#pragma once

#include <optional>
#include <string>
#include <vector>

namespace chimera::test {

// Whether python3 (with xml.etree, its standard library) runs here; the XML checks skip without.
[[nodiscard]] bool xml_checker_available();

// Parses `xml` with python3's xml.etree: "" when it is well-formed XML, else the parser's error.
[[nodiscard]] std::string xml_error(const std::string& xml);

// Every "<svg ...>...</svg>" element of `html`, in order.
[[nodiscard]] std::vector<std::string> svg_elements(const std::string& html);

// The value of attribute `name` in the first tag of `element` ("" when absent).
[[nodiscard]] std::string attribute(const std::string& element, const std::string& name);

// The start tags ("<rect ...>") of `element` with the given class, in order.
[[nodiscard]] std::vector<std::string> tags_of_class(const std::string& element,
                                                     const std::string& tag,
                                                     const std::string& cls);

}  // namespace chimera::test
