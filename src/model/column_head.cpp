// The process-wide table of column heads, and the Column members that go through it.
#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "chimera/model/corpus.hpp"

namespace chimera::model {
namespace {

struct HeadHash {
  std::size_t operator()(const ColumnHead& head) const noexcept {
    std::uint64_t h = head.name.id();
    h = h * 0x9e3779b97f4a7c15ULL + head.unit.id();
    h = h * 0x9e3779b97f4a7c15ULL + head.source_unit.id();
    h = h * 0x9e3779b97f4a7c15ULL +
        (static_cast<std::uint64_t>(head.type) | static_cast<std::uint64_t>(head.role) << 8 |
         static_cast<std::uint64_t>(head.kind) << 16 |
         static_cast<std::uint64_t>(head.direction) << 24 |
         static_cast<std::uint64_t>(head.base_kind) << 32 |
         static_cast<std::uint64_t>(head.unit_source) << 40);
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

// Chunk 0 exists before any Column does (a default Column reads slot 0), so it is static.
constinit ColumnHead g_first_chunk[detail::k_head_chunk_size] = {};

struct Registry {
  std::mutex mutex;
  std::unordered_map<ColumnHead, std::uint32_t, HeadHash> ids{{ColumnHead{}, 0}};
  std::uint32_t next = 1;
};

Registry& registry() {
  static Registry instance;
  return instance;
}

// Stores `head` under the next id; called with the registry's lock held.
std::uint32_t register_head(Registry& reg, const ColumnHead& head) {
  const std::uint32_t id = reg.next;
  if (id == 0 || id >> detail::k_head_chunk_bits >= detail::k_head_chunks) {
    throw std::length_error("more than 1073741823 distinct column heads");
  }
  auto& slot = detail::g_head_chunks[id >> detail::k_head_chunk_bits];
  const ColumnHead* chunk = slot.load(std::memory_order_acquire);
  if (chunk == nullptr) {
    // Only this thread, under the lock, creates chunks; readers reach a chunk only through an id
    // handed out after it was stored.
    chunk = std::make_unique<ColumnHead[]>(detail::k_head_chunk_size).release();
    slot.store(chunk, std::memory_order_release);
  }
  const_cast<ColumnHead*>(chunk)[id & (detail::k_head_chunk_size - 1)] = head;
  ++reg.next;
  return id;
}

}  // namespace

namespace detail {

constinit std::atomic<const ColumnHead*> g_head_chunks[k_head_chunks] = {g_first_chunk};

std::uint32_t intern_head(const ColumnHead& head) {
  const std::size_t hash = HeadHash{}(head);
  // Each thread remembers the heads it interned lately: a parser gives the same few heads to
  // table after table, and takes no lock for them. Ids never change, so a remembered id stays
  // good.
  thread_local std::array<std::uint32_t, 256> recent{};
  std::uint32_t& remembered = recent[hash % recent.size()];
  if (column_head(remembered) == head) {
    return remembered;
  }
  Registry& reg = registry();
  const std::lock_guard lock(reg.mutex);
  auto it = reg.ids.find(head);
  if (it == reg.ids.end()) {
    it = reg.ids.emplace(head, register_head(reg, head)).first;
  }
  remembered = it->second;
  return remembered;
}

}  // namespace detail

template <class T>
void Column::change(T ColumnHead::*field, T value) {
  ColumnHead changed = head();
  changed.*field = value;
  set_head(changed);
}

void Column::set_name(Symbol name) { change(&ColumnHead::name, name); }
void Column::set_unit(Symbol unit) { change(&ColumnHead::unit, unit); }
void Column::set_source_unit(Symbol source_unit) {
  change(&ColumnHead::source_unit, source_unit);
}
void Column::set_type(ValueType type) { change(&ColumnHead::type, type); }
void Column::set_role(Role role) { change(&ColumnHead::role, role); }
void Column::set_kind(MetricKind kind) { change(&ColumnHead::kind, kind); }
void Column::set_direction(Direction direction) { change(&ColumnHead::direction, direction); }
void Column::set_unit_source(UnitSource source) { change(&ColumnHead::unit_source, source); }

Symbol Column::pointer() const {
  return (m_origin & k_pointer_bit) != 0 ? Symbol::from_id(m_origin & ~k_pointer_bit) : Symbol();
}

std::uint32_t Column::line() const { return (m_origin & k_pointer_bit) != 0 ? 0 : m_origin; }

void Column::set_pointer(Symbol pointer) {
  if (pointer.id() >= k_pointer_bit) {
    throw std::length_error("more than 2147483647 distinct names");
  }
  m_origin = pointer.id() == 0 ? 0 : pointer.id() | k_pointer_bit;
}

void Column::set_line(std::uint64_t line) {
  m_origin = static_cast<std::uint32_t>(std::min<std::uint64_t>(line, k_pointer_bit - 1));
}

}  // namespace chimera::model
