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
// Markdown table hold a handful of strings, and a hash table per column cost more than it saved.
std::uint32_t Texts::Builder::add(std::string_view text) {
  constexpr std::size_t k_scan_limit = 16;
  const std::size_t distinct = m_dictionary.offsets.size() - 1;
  std::uint64_t* free_slot = nullptr;
  std::uint64_t tag = 0;
  if (distinct <= k_scan_limit) {
    for (std::size_t id = 0; id < distinct; ++id) {
      if (m_dictionary.at(id) == text) {
        return static_cast<std::uint32_t>(id);
      }
    }
  } else {
    tag = static_cast<std::uint32_t>(std::hash<std::string_view>{}(text));
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = tag & mask;; i = (i + 1) & mask) {
      const std::uint64_t slot = m_slots[i];
      if (slot == 0) {
        free_slot = &m_slots[i];
        break;
      }
      const std::size_t id = (slot & 0xFFFFFFFFU) - 1;
      if ((slot >> 32) == tag && m_dictionary.at(id) == text) {
        return static_cast<std::uint32_t>(id);
      }
    }
  }
  const auto id = static_cast<std::uint32_t>(distinct);
  m_dictionary.chars.append(text);
  m_dictionary.offsets.push_back(m_dictionary.chars.size());
  if (free_slot != nullptr) {
    *free_slot = (tag << 32) | (std::uint64_t{id} + 1);
  }
  // Kept at most half full, so probes stay short.
  if (distinct + 1 > k_scan_limit && (distinct + 1) * 2 > m_slots.size()) {
    grow_index();
  }
  return id;
}

void Texts::Builder::grow_index() {
  const std::size_t distinct = m_dictionary.offsets.size() - 1;
  std::size_t size = m_slots.empty() ? 64 : m_slots.size() * 2;
  while (distinct * 2 > size) {
    size *= 2;
  }
  std::vector<std::uint64_t> slots(size, 0);
  const std::size_t mask = size - 1;
  const auto place = [&](std::uint64_t slot) {
    std::size_t i = (slot >> 32) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = slot;
  };
  if (m_slots.empty()) {
    for (std::size_t id = 0; id < distinct; ++id) {
      const std::uint64_t tag =
          static_cast<std::uint32_t>(std::hash<std::string_view>{}(m_dictionary.at(id)));
      place((tag << 32) | (std::uint64_t{id} + 1));
    }
  } else {
    for (const std::uint64_t slot : m_slots) {
      if (slot != 0) {
        place(slot);
      }
    }
  }
  m_slots = std::move(slots);
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
