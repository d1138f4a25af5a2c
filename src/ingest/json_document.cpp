#include "json_document.hpp"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace chimera::ingest {

using nlohmann::json;

// nlohmann's SAX handler: appends one node per value.
class JsonDocumentBuilder {
 public:
  explicit JsonDocumentBuilder(JsonDocument& document) : m_document(document) {}

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
    const std::string_view kept = m_document.keep(value);
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
    m_key = m_document.keep(name);
    return true;
  }

  template <class Exception>
  bool parse_error(std::size_t byte, const std::string& /*token*/, const Exception& error) {
    // json::parse throws this one rather than a parse_error; callers see the same.
    if constexpr (std::is_same_v<Exception, json::out_of_range>) {
      throw error;
    }
    m_error = JsonSyntaxError{byte, error.what()};
    return false;
  }

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
  std::string_view m_key;
  std::vector<std::uint32_t> m_open;
  std::optional<JsonSyntaxError> m_error;
};

std::optional<JsonSyntaxError> JsonDocument::read(std::string_view text) {
  m_nodes.clear();
  JsonDocumentBuilder builder(*this);
  if (json::sax_parse(text.data(), text.data() + text.size(), &builder)) {
    return std::nullopt;
  }
  m_nodes.clear();
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
