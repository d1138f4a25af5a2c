#include "chimera/util/json_depth.hpp"

namespace chimera::util {

std::size_t json_depth_exceeded_at(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '"') {
      // Skip the string: a quote preceded by an odd number of backslashes is escaped.
      std::size_t close = at + 1;
      for (;; ++close) {
        close = text.find('"', close);
        if (close == std::string_view::npos) {
          return std::string_view::npos;
        }
        std::size_t backslashes = 0;
        while (text[close - 1 - backslashes] == '\\') {
          ++backslashes;
        }
        if (backslashes % 2 == 0) {
          break;
        }
      }
      at = close;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        return at;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace chimera::util
