#include "name_words.hpp"

#include <array>

namespace chimera::ingest {
namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

// "Δ" (U+0394), "δ" (U+03B4) and "∆" (U+2206) in UTF-8: harnesses head difference columns with
// them ("Throughput Δ", "TP Δ (tok/s)").
constexpr std::array<std::string_view, 3> k_delta_signs = {"\xCE\x94", "\xCE\xB4",
                                                           "\xE2\x88\x86"};

// `name` with each delta sign written as the word "delta".
std::string spell_deltas(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 8);
  for (std::size_t i = 0; i < name.size();) {
    bool replaced = false;
    for (const auto sign : k_delta_signs) {
      if (name.substr(i, sign.size()) == sign) {
        out += " delta ";
        i += sign.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out.push_back(name[i++]);
    }
  }
  return out;
}

}  // namespace

Words::Words(std::string_view name) {
  // Most names are ASCII: only a name with a byte of 0xCE or 0xE2 can hold a delta sign.
  const bool maybe_delta = std::any_of(name.begin(), name.end(), [](char c) {
    return c == '\xCE' || c == '\xE2';
  });
  m_text = maybe_delta ? spell_deltas(name) : std::string(name);
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= m_text.size(); ++i) {
    if (i < m_text.size() && is_alnum(m_text[i])) {
      if (m_text[i] >= 'A' && m_text[i] <= 'Z') {
        m_text[i] = static_cast<char>(m_text[i] - 'A' + 'a');
      }
      continue;
    }
    if (i > begin) {
      m_spans.push_back({begin, i - begin, begin > 0 && m_text[begin - 1] == '/'});
    }
    begin = i + 1;
  }
}

std::string Words::joined() const {
  std::string out;
  for (std::size_t i = 0; i < size(); ++i) {
    if (i > 0) {
      out.push_back('_');
    }
    out += (*this)[i];
  }
  return out;
}

}  // namespace chimera::ingest
