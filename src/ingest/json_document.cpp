#include "json_document.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "chimera/util/json_depth.hpp"
#include "json_scan.hpp"

namespace chimera::ingest {
namespace {

// The string type of the nlohmann::basic_json that parses: its lexer adds each character of a
// string or number with push_back, which libstdc++'s std::string does not get inlined (a tenth
// of all parsing time). A SAX parse needs only these members of it.
class TokenBuffer {
 public:
  using value_type = char;

  void push_back(char c) { m_chars.push_back(c); }
  void clear() { m_chars.clear(); }
  [[nodiscard]] std::size_t size() const { return m_chars.size(); }
  // Null-terminated: the lexer hands numbers to strtod.
  [[nodiscard]] const char* data() {
    m_chars.push_back('\0');
    m_chars.pop_back();
    return m_chars.data();
  }
  [[nodiscard]] std::string_view view() const { return {m_chars.data(), m_chars.size()}; }

 private:
  std::vector<char> m_chars;
};

using json = nlohmann::basic_json<std::map, std::vector, TokenBuffer>;

}  // namespace

// nlohmann's SAX handler: appends one node per value.
class JsonDocumentBuilder {
 public:
  JsonDocumentBuilder(JsonDocument& document, std::string_view text)
      : m_document(document), m_text(text) {}

  bool null() {
    add(JsonNode::Kind::null);
    return true;
  }
  bool boolean(bool value) {
    add(JsonNode::Kind::boolean).boolean = value;
    return true;
  }
  bool number_integer(json::number_integer_t value) {
    add(JsonNode::Kind::integer).integer = value;
    return true;
  }
  bool number_unsigned(json::number_unsigned_t value) {
    add(JsonNode::Kind::unsigned_integer).unsigned_integer = value;
    return true;
  }
  bool number_float(json::number_float_t value, const json::string_t& /*text*/) {
    add(JsonNode::Kind::floating).floating = value;
    return true;
  }
  bool string(json::string_t& value) {
    const std::string_view kept = m_document.keep(value.view());
    JsonNode& node = add(JsonNode::Kind::string);
    node.text_data = kept.data();
    node.text_size = static_cast<std::uint32_t>(kept.size());
    return true;
  }
  bool binary(json::binary_t& /*value*/) { return null(); }  // JSON text has no binary values
  bool start_object(std::size_t /*elements*/) { return open(JsonNode::Kind::object); }
  bool end_object() { return close(); }
  bool start_array(std::size_t /*elements*/) { return open(JsonNode::Kind::array); }
  bool end_array() { return close(); }
  bool key(json::string_t& name) {
    m_key = m_document.keep(name.view());
    return true;
  }

  template <class Exception>
  bool parse_error(std::size_t byte, const std::string& /*token*/, const Exception& error) {
    // nlohmann reports a number too large for a double this way (json::parse throws it).
    m_out_of_range = std::is_same_v<Exception, json::out_of_range>;
    m_error = JsonSyntaxError{byte, error.what()};
    return false;
  }

  [[nodiscard]] bool out_of_range() const { return m_out_of_range; }
  [[nodiscard]] std::optional<JsonSyntaxError> error() && { return std::move(m_error); }

 private:
  JsonNode& add(JsonNode::Kind kind) {
    auto& nodes = m_document.m_nodes;
    JsonNode& node = nodes.emplace_back();
    node.kind = kind;
    node.key_data = m_key.data();
    node.key_size = static_cast<std::uint32_t>(m_key.size());
    node.end = static_cast<std::uint32_t>(nodes.size());
    m_key = {};
    return node;
  }
  bool open(JsonNode::Kind kind) {
    if (m_open.size() == util::k_max_json_depth) {
      // Every later walk of the document (flattening, the JSON text of mixed arrays) recurses
      // once per level: the limit keeps them shallow whatever the input.
      const std::size_t at = util::json_depth_exceeded_at(m_text);
      m_error = JsonSyntaxError{at == std::string_view::npos ? 0 : at + 1,
                                "nesting deeper than " + std::to_string(util::k_max_json_depth) +
                                    " levels"};
      return false;
    }
    add(kind);
    m_open.push_back(static_cast<std::uint32_t>(m_document.m_nodes.size() - 1));
    return true;
  }
  bool close() {
    m_document.m_nodes[m_open.back()].end = static_cast<std::uint32_t>(m_document.m_nodes.size());
    m_open.pop_back();
    return true;
  }

  JsonDocument& m_document;
  std::string_view m_text;
  std::string_view m_key;
  std::vector<std::uint32_t> m_open;
  std::optional<JsonSyntaxError> m_error;
  bool m_out_of_range = false;
};

std::optional<JsonSyntaxError> JsonDocument::read(std::string_view text) {
  m_out_of_range.clear();
  bool out_of_range = false;
  auto error = parse(text, out_of_range);
  if (!error || !out_of_range) {
    return error;
  }
  // nlohmann's parser stops at such a number and cannot resume, so the text is read once more
  // with all of them replaced by null. Only texts holding one pay for the second reading.
  std::vector<OutOfRangeNumber> found;
  const std::string replaced = replace_out_of_range(text, found);
  error = parse(replaced, out_of_range);
  if (error) {
    return error;
  }
  // Nodes are in text order, so the n-th null node is the n-th null literal.
  auto next = found.begin();
  std::size_t nulls = 0;
  for (std::uint32_t i = 0; i < m_nodes.size() && next != found.end(); ++i) {
    if (m_nodes[i].kind == JsonNode::Kind::null && nulls++ == next->null_index) {
      m_out_of_range.push_back({next->byte, next->size, i});
      ++next;
    }
  }
  return std::nullopt;
}

std::optional<JsonSyntaxError> JsonDocument::parse(std::string_view text, bool& out_of_range) {
  m_nodes.clear();
  JsonDocumentBuilder builder(*this, text);
  // json::sax_parse would also instantiate the binary formats' reader, which needs all of
  // std::string's interface from the string type; the JSON parser alone needs TokenBuffer's.
  using Input = nlohmann::detail::iterator_input_adapter<const char*>;
  nlohmann::detail::parser<json, Input> parser(Input(text.data(), text.data() + text.size()));
  if (parser.sax_parse(&builder)) {
    return std::nullopt;
  }
  m_nodes.clear();
  out_of_range = builder.out_of_range();
  return std::move(builder).error();
}

std::string_view JsonDocument::keep(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  if (text.size() > m_free_size) {
    // Blocks grow so that a large file needs few of them; a long string gets one of its own.
    const std::size_t size = std::max(text.size(), m_block_size);
    m_block_size = std::min(m_block_size * 2, std::size_t{1} << 20);
    m_blocks.push_back(std::make_unique_for_overwrite<char[]>(size));
    m_free = m_blocks.back().get();
    m_free_size = size;
  }
  std::memcpy(m_free, text.data(), text.size());
  const std::string_view kept(m_free, text.size());
  m_free += text.size();
  m_free_size -= text.size();
  return kept;
}

}  // namespace chimera::ingest
