#include "json_failure.hpp"

#include <string>

#include <fmt/format.h>

#include "chimera/ingest/names.hpp"

namespace chimera::ingest {
namespace {

using Kind = JsonNode::Kind;

std::size_t count_children(const JsonDocument& document, std::uint32_t index) {
  std::size_t count = 0;
  for (std::uint32_t child = index + 1; child < document.node(index).end;
       child = document.node(child).end) {
    ++count;
  }
  return count;
}

// What a member's key says about a failure. Every member of every JSON object is asked: the
// length decides before any comparison, and most keys have a length no marker has.
enum class Marker : std::uint8_t { none, error, status, success };

Marker marker_of(std::string_view key) {
  const auto is = [&](std::string_view word) { return key == word; };
  switch (key.size()) {
    case 3: return is("err") ? Marker::error : Marker::none;
    case 5: return is("error") ? Marker::error : is("state") ? Marker::status : Marker::none;
    case 6: return is("status") ? Marker::status : Marker::none;
    case 7:
      return is("failure")   ? Marker::error
             : is("outcome") ? Marker::status
             : is("success") ? Marker::success
                             : Marker::none;
    case 9:
      return is("error_msg") || is("exception") || is("traceback") ? Marker::error
             : is("succeeded")                                   ? Marker::success
                                                                 : Marker::none;
    case 10:
      return is("error_text")   ? Marker::error
             : is("run_status") ? Marker::status
                                : Marker::none;
    case 13:
      return is("error_message")   ? Marker::error
             : is("result_status") ? Marker::status
                                   : Marker::none;
    case 14: return is("failure_reason") ? Marker::error : Marker::none;
    default: return Marker::none;
  }
}

bool is_blank_text(std::string_view text) {
  return text.empty() || text == "0" || text == "false" || text == "False" || text == "none" ||
         text == "None" || text == "null" || text == "ok" || text == "OK";
}

// What an error value says, in a line: a string as is, an object by its message.
std::string error_text(const JsonDocument& document, std::uint32_t index) {
  const JsonNode& node = document.node(index);
  if (node.kind == Kind::string) {
    return std::string(node.text());
  }
  if (node.kind == Kind::object) {
    for (const std::string_view wanted : {"message", "msg", "detail", "type"}) {
      for (std::uint32_t child = index + 1; child < node.end; child = document.node(child).end) {
        const JsonNode& member = document.node(child);
        if (member.kind == Kind::string && member.key() == wanted) {
          return std::string(member.text());
        }
      }
    }
  }
  switch (node.kind) {
    case Kind::boolean: return node.boolean ? "true" : "false";
    case Kind::integer: return std::to_string(node.integer);
    case Kind::unsigned_integer: return std::to_string(node.unsigned_integer);
    case Kind::floating: return fmt::format("{}", node.floating);
    case Kind::object: return "an object without a message";
    case Kind::array: return "a list of " + std::to_string(count_children(document, index));
    case Kind::null:
    case Kind::string: break;
  }
  return {};
}

// Whether an error member holds anything: null, "", "none", false, 0, {} and [] do not.
bool holds_error(const JsonDocument& document, std::uint32_t index) {
  const JsonNode& node = document.node(index);
  switch (node.kind) {
    case Kind::null: return false;
    case Kind::boolean: return node.boolean;
    case Kind::integer: return node.integer != 0;
    case Kind::unsigned_integer: return node.unsigned_integer != 0;
    case Kind::floating: return node.floating != 0.0;
    case Kind::string: return !is_blank_text(node.text());
    case Kind::array:
    case Kind::object: return node.end > index + 1;
  }
  return false;
}

}  // namespace

std::string failure_of(const JsonDocument& document, std::uint32_t index, std::string_view name) {
  const std::uint32_t end = document.node(index).end;
  for (std::uint32_t child = index + 1; child < end; child = document.node(child).end) {
    const JsonNode& member = document.node(child);
    const std::string_view key = member.key();
    const Marker marker = marker_of(key);
    std::string why;
    if (marker == Marker::error && holds_error(document, child)) {
      why = error_text(document, child);
    } else if (marker == Marker::status && member.kind == Kind::string &&
               status_means_failure(member.text())) {
      why = std::string(member.text());
    } else if (marker == Marker::success && member.kind == Kind::boolean && !member.boolean) {
      why = "false";
    } else {
      continue;
    }
    std::string reason(name);
    if (!reason.empty()) {
      reason += '.';
    }
    reason += key;
    return reason + ": " + why;
  }
  return {};
}

}  // namespace chimera::ingest
