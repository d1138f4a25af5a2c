#include "chimera/model/texts.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
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

Texts::Texts(const Texts& other) : m_word(other.m_word) {
  if (const PackedCodes* codes = other.boxed()) {
    m_word = reinterpret_cast<std::uintptr_t>(new PackedCodes(*codes));
  }
}

Texts& Texts::operator=(const Texts& other) {
  if (this != &other) {
    Texts copy(other);
    *this = std::move(copy);
  }
  return *this;
}

Texts& Texts::operator=(Texts&& other) noexcept {
  if (this != &other) {
    delete boxed();
    m_word = std::exchange(other.m_word, k_blank);
  }
  return *this;
}

Texts::~Texts() { delete boxed(); }

void Texts::adopt(PackedCodes codes) {
  delete boxed();
  m_word = k_blank;
  if (codes.has_tail()) {
    m_word = reinterpret_cast<std::uintptr_t>(new PackedCodes(std::move(codes)));
  } else {
    m_word = (static_cast<std::uintptr_t>(codes.size()) << 1) | 1;
  }
}

std::size_t Texts::distinct() const {
  const PackedCodes* codes = boxed();
  if (codes == nullptr) {
    return empty() ? 0 : 1;  // every row is ""
  }
  return word(codes->tail(), 0);
}

std::size_t Texts::memory_bytes() const {
  const PackedCodes* codes = boxed();
  return codes == nullptr ? 0 : sizeof(PackedCodes) + codes->tail_bytes() + codes->memory_bytes();
}

bool operator==(const Texts& a, const Texts& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

namespace {

// Equality for the short strings of table cells, without a call into the C library per compare:
// a column of run ids compares every row at least once.
bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  if (a.size() > 16) {
    return a == b;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) {
      return false;
    }
  }
  return true;
}

// A quick hash for the builder's index, which only ever lives in memory: eight bytes at a time,
// a multiply and a shift to mix. Returns 32 well-mixed bits (the high half of the state).
std::uint32_t hash_text(std::string_view text) {
  constexpr std::uint64_t k_mix = 0xff51afd7ed558ccdULL;
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ text.size();
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, 8);
    h = (h ^ word) * k_mix;
    h ^= h >> 29;
  }
  std::uint64_t tail = 0;
  for (; i < text.size(); ++i) {
    tail = (tail << 8) | static_cast<unsigned char>(text[i]);
  }
  h = (h ^ tail) * k_mix;
  h ^= h >> 29;
  h *= k_mix;
  return static_cast<std::uint32_t>(h >> 32);
}

// The key of a slot: a string of up to 7 bytes as its bytes and its length (equal keys, equal
// strings), all ones for a longer string.
std::uint64_t slot_key(std::string_view text) {
  if (text.size() > 7) {
    return ~std::uint64_t{0};
  }
  std::uint64_t key = static_cast<std::uint64_t>(text.size()) << 56;
  for (std::size_t i = 0; i < text.size(); ++i) {
    key |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[i])) << (8 * i);
  }
  return key;
}

}  // namespace

void Texts::Builder::push_back(std::string_view text) {
  // Runs of one string (a model name down a whole sweep) skip the lookup.
  if (!m_rows.empty() && same_text(at(m_rows.back()), text)) {
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
  Slot* free_slot = nullptr;
  Slot wanted;
  if (distinct <= k_scan_limit) {
    for (std::size_t id = 0; id < distinct; ++id) {
      if (same_text(at(id), text)) {
        return static_cast<std::uint32_t>(id);
      }
    }
  } else {
    wanted.key = slot_key(text);
    wanted.tag = hash_text(text);
    const bool is_short = text.size() <= 7;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = wanted.tag & mask;; i = (i + 1) & mask) {
      Slot& slot = m_slots[i];
      if (slot.id == 0) {
        free_slot = &slot;
        break;
      }
      if (slot.tag == wanted.tag && slot.key == wanted.key &&
          (is_short || same_text(at(slot.id - 1), text))) {
        return slot.id - 1;
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
    wanted.id = id + 1;
    *free_slot = wanted;
  }
  // Kept at most half full, so probes stay short.
  if (distinct + 1 > k_scan_limit && (distinct + 1) * 2 > m_slots.size()) {
    grow_index();
  }
  return id;
}

void Texts::Builder::place(Slot slot) {
  const std::size_t mask = m_slots.size() - 1;
  std::size_t i = slot.tag & mask;
  while (m_slots[i].id != 0) {
    i = (i + 1) & mask;
  }
  m_slots[i] = slot;
}

void Texts::Builder::grow_index() {
  const std::size_t distinct = m_offsets.size() - 1;
  std::size_t size = m_slots.empty() ? 64 : m_slots.size() * 2;
  // A column whose first strings were all different (run ids) will most likely stay so: size
  // the index for the rows reserved at once rather than rehashing it a dozen times over, up to
  // 16 MiB of slots; a larger column grows from there.
  if (m_slots.empty() && distinct == m_rows.size() + 1) {
    constexpr std::size_t k_max_presized = std::size_t{1} << 20;
    size = std::max(size, std::bit_ceil(std::min(m_rows.capacity() * 2, k_max_presized)));
  }
  while (distinct * 2 > size) {
    size *= 2;
  }
  std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(size));
  if (old.empty()) {
    for (std::size_t id = 0; id < distinct; ++id) {
      const std::string_view text = at(id);
      place({slot_key(text), hash_text(text), static_cast<std::uint32_t>(id + 1)});
    }
    return;
  }
  for (const Slot& slot : old) {
    if (slot.id != 0) {
      place(slot);
    }
  }
}

Texts Texts::Builder::finish() {
  const std::size_t distinct = m_offsets.size() - 1;
  // A column of nothing but "" needs no dictionary: none reads as "".
  const bool dictionary = distinct > 1 || (distinct == 1 && !m_chars.empty());
  const std::size_t header = sizeof(std::uint32_t) * (distinct + 2);
  PackedCodes codes = PackedCodes::generate(
      m_rows.size(), distinct == 0 ? 0 : PackedCodes::width_for(distinct - 1),
      [this](std::size_t i) { return m_rows[i]; }, dictionary ? header + m_chars.size() : 0);
  if (dictionary) {
    std::uint8_t* block = codes.tail();
    const auto count = static_cast<std::uint32_t>(distinct);
    std::memcpy(block, &count, sizeof count);
    std::memcpy(block + sizeof count, m_offsets.data(), m_offsets.size() * sizeof(std::uint32_t));
    std::memcpy(block + header, m_chars.data(), m_chars.size());
  }
  Texts out;
  out.adopt(std::move(codes));
  *this = Builder();
  return out;
}

}  // namespace chimera::model
