#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chimera::ingest {

// One JSON value of a JsonDocument. An array or object is followed by its elements, each
// followed by its own; `end` is the index just past the last of them. 32-bit sizes and indices
// suffice: files over --max-file-size are never read, and that limit is far below 4 GiB.
struct JsonNode {
  enum class Kind : std::uint8_t {
    null,
    boolean,
    integer,
    unsigned_integer,
    floating,
    string,
    array,
    object,
  };
  Kind kind = Kind::null;
  std::uint32_t key_size = 0;
  std::uint32_t text_size = 0;
  std::uint32_t end = 0;
  const char* key_data = nullptr;  // the member name when the parent is an object
  union {
    bool boolean;
    std::int64_t integer = 0;
    std::uint64_t unsigned_integer;
    double floating;
    const char* text_data;
  };

  [[nodiscard]] std::string_view key() const { return {key_data, key_size}; }
  [[nodiscard]] std::string_view text() const { return {text_data, text_size}; }
  [[nodiscard]] bool is_number() const {
    return kind == Kind::integer || kind == Kind::unsigned_integer || kind == Kind::floating;
  }
};

// A number too large for a double (1e999, a 400-digit integer), which JsonDocument reads as null.
struct JsonOutOfRange {
  std::size_t byte = 0;    // where it starts in the text read
  std::size_t size = 0;    // its length in bytes
  std::uint32_t node = 0;  // the null node that stands for it
};

// Where and why nlohmann's parser stopped.
struct JsonSyntaxError {
  std::size_t byte = 0;  // 1-based, just past the offending character
  // nlohmann's message, with its "parse error at line L, column C: " prefix, or chimera's own
  // ("nesting deeper than 128 levels") without one.
  std::string what;
};

// A parsed JSON value as a flat array of nodes, built from nlohmann's SAX events: far cheaper
// than nlohmann::json's maps and strings, and it keeps every member in document order
// (duplicates too), so a reader can sort members the way nlohmann::json does.
class JsonDocument {
 public:
  // Replaces the value with the one in `text`. Decoded strings and keys are appended to storage
  // that the document keeps until it is destroyed, so views of them stay valid across calls.
  // A number too large for a double is read as null and listed in out_of_range(); one too small
  // is read as zero (or a subnormal), as strtod and Python's json read it. Arrays and objects
  // nested deeper than util::k_max_json_depth are an error.
  [[nodiscard]] std::optional<JsonSyntaxError> read(std::string_view text);

  [[nodiscard]] const JsonNode& node(std::uint32_t index) const { return m_nodes[index]; }
  [[nodiscard]] std::size_t size() const { return m_nodes.size(); }
  // The numbers of the last text read that a double cannot hold, in text order.
  [[nodiscard]] const std::vector<JsonOutOfRange>& out_of_range() const {
    return m_out_of_range;
  }

 private:
  friend class JsonDocumentBuilder;
  std::optional<JsonSyntaxError> parse(std::string_view text, bool& out_of_range);
  std::string_view keep(std::string_view text);

  std::vector<JsonNode> m_nodes;
  std::vector<JsonOutOfRange> m_out_of_range;
  std::vector<std::unique_ptr<char[]>> m_blocks;
  char* m_free = nullptr;
  std::size_t m_free_size = 0;
  std::size_t m_block_size = std::size_t{64} << 10;
};

}  // namespace chimera::ingest
