#include "chimera/model/texts.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

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

Texts::Texts(const Texts& other) : m_codes(other.m_codes) {
  if (other.m_dictionary) {
    m_dictionary = std::make_unique_for_overwrite<char[]>(other.dictionary_bytes());
    std::memcpy(m_dictionary.get(), other.m_dictionary.get(), other.dictionary_bytes());
  }
}

Texts& Texts::operator=(const Texts& other) {
  if (this != &other) {
    Texts copy(other);
    *this = std::move(copy);
  }
  return *this;
}

std::size_t Texts::distinct() const {
  if (!m_dictionary) {
    return empty() ? 0 : 1;  // every row is ""
  }
  return word(0);
}

std::size_t Texts::dictionary_bytes() const {
  if (!m_dictionary) {
    return 0;
  }
  const std::uint32_t count = word(0);
  return sizeof(std::uint32_t) * (count + 2) + word(count + 1);
}

std::size_t Texts::memory_bytes() const { return dictionary_bytes() + m_codes.memory_bytes(); }

bool operator==(const Texts& a, const Texts& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

void Texts::Builder::push_back(std::string_view text) {
  // Runs of one string (a model name down a whole sweep) skip the lookup.
  if (!m_rows.empty() && at(m_rows.back()) == text) {
    m_rows.push_back(m_rows.back());
    return;
  }
  m_rows.push_back(add(text));
}

// The index of `text`, added if new. A short list is searched in place: most columns of a
// Markdown table hold a handful of strings, and a hash table per column cost more than it saved.
std::uint32_t Texts::Builder::add(std::string_view text) {
  constexpr std::size_t k_scan_limit = 16;
  const std::size_t distinct = m_offsets.size() - 1;
  std::uint64_t* free_slot = nullptr;
  std::uint64_t tag = 0;
  if (distinct <= k_scan_limit) {
    for (std::size_t id = 0; id < distinct; ++id) {
      if (at(id) == text) {
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
      if ((slot >> 32) == tag && at(id) == text) {
        return static_cast<std::uint32_t>(id);
      }
    }
  }
  const auto id = static_cast<std::uint32_t>(distinct);
  if (m_chars.size() + text.size() > UINT32_MAX) {
    throw std::length_error("a column of more than 4 GiB of distinct text");
  }
  m_chars.append(text);
  m_offsets.push_back(static_cast<std::uint32_t>(m_chars.size()));
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
  const std::size_t distinct = m_offsets.size() - 1;
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
          static_cast<std::uint32_t>(std::hash<std::string_view>{}(at(id)));
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
  const std::size_t distinct = m_offsets.size() - 1;
  Texts out;
  out.m_codes = PackedCodes(m_rows.size(), distinct == 0 ? 0 : PackedCodes::width_for(distinct - 1));
  for (std::size_t i = 0; i < m_rows.size(); ++i) {
    out.m_codes.set(i, m_rows[i]);
  }
  // A column of nothing but "" needs no dictionary: a null one reads as "".
  if (distinct > 1 || (distinct == 1 && !m_chars.empty())) {
    const std::size_t header = sizeof(std::uint32_t) * (distinct + 2);
    out.m_dictionary = std::make_unique_for_overwrite<char[]>(header + m_chars.size());
    char* block = out.m_dictionary.get();
    const auto count = static_cast<std::uint32_t>(distinct);
    std::memcpy(block, &count, sizeof count);
    std::memcpy(block + sizeof count, m_offsets.data(), m_offsets.size() * sizeof(std::uint32_t));
    std::memcpy(block + header, m_chars.data(), m_chars.size());
  }
  *this = Builder();
  return out;
}

}  // namespace chimera::model
