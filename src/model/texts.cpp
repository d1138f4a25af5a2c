#include "chimera/model/texts.hpp"

#include <algorithm>

namespace chimera::model {

Texts::Texts(const std::vector<std::string>& values) {
  Builder builder;
  builder.reserve(values.size());
  for (const auto& value : values) {
    builder.push_back(value);
  }
  *this = builder.finish();
}

Texts::Texts(std::initializer_list<std::string_view> values) {
  Builder builder;
  builder.reserve(values.size());
  for (const auto value : values) {
    builder.push_back(value);
  }
  *this = builder.finish();
}

std::size_t Texts::memory_bytes() const {
  const std::size_t dictionary =
      m_dictionary ? m_dictionary->chars.size() + m_dictionary->offsets.size() * sizeof(std::size_t)
                   : 0;
  return dictionary + m_codes.memory_bytes();
}

bool operator==(const Texts& a, const Texts& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

void Texts::Builder::push_back(std::string_view text) {
  // Runs of one string (a model name down a whole sweep) skip the lookup.
  if (!m_rows.empty() && m_dictionary.at(m_rows.back()) == text) {
    m_rows.push_back(m_rows.back());
    return;
  }
  m_rows.push_back(add(text));
}

// The index of `text`, added if new. A short list is searched in place: most columns of a
// Markdown table hold a handful of strings, and a hash map per column cost more than it saved.
std::uint32_t Texts::Builder::add(std::string_view text) {
  constexpr std::size_t k_scan_limit = 16;
  const std::size_t distinct = m_dictionary.offsets.size() - 1;
  if (distinct <= k_scan_limit) {
    for (std::size_t id = 0; id < distinct; ++id) {
      if (m_dictionary.at(id) == text) {
        return static_cast<std::uint32_t>(id);
      }
    }
  } else if (const auto it = m_index.find(text); it != m_index.end()) {
    return it->second;
  }
  const auto id = static_cast<std::uint32_t>(distinct);
  m_dictionary.chars.append(text);
  m_dictionary.offsets.push_back(m_dictionary.chars.size());
  if (distinct + 1 > k_scan_limit) {
    if (m_index.empty()) {
      for (std::size_t k = 0; k < distinct; ++k) {
        m_index.emplace(std::string(m_dictionary.at(k)), static_cast<std::uint32_t>(k));
      }
    }
    m_index.emplace(std::string(text), id);
  }
  return id;
}

Texts Texts::Builder::finish() {
  const std::size_t distinct = m_dictionary.offsets.size() - 1;
  Texts out;
  out.m_codes = PackedCodes(m_rows.size(), distinct == 0 ? 0 : PackedCodes::width_for(distinct - 1));
  for (std::size_t i = 0; i < m_rows.size(); ++i) {
    out.m_codes.set(i, m_rows[i]);
  }
  if (distinct > 0) {
    m_dictionary.chars.shrink_to_fit();
    m_dictionary.offsets.shrink_to_fit();
    out.m_dictionary = std::make_shared<const Dictionary>(std::move(m_dictionary));
  }
  *this = Builder();
  return out;
}

}  // namespace chimera::model
