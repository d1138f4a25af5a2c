#include "chimera/model/symbol.hpp"

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <stdexcept>
#include <unordered_map>

namespace chimera::model {
namespace {

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

// Shards keep parser threads from queueing on one lock; a node map keeps each string's address
// fixed for the life of the process, so the id table can point at it.
struct Shard {
  std::mutex mutex;
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids;
};

constexpr std::size_t k_shards = 16;

std::array<Shard, k_shards>& shards() {
  static std::array<Shard, k_shards> all;
  return all;
}

// The empty string, id 0. GCC initialises it at compile time (libstdc++'s std::string constructor
// is constexpr), but clang cannot evaluate that constructor, so it is also put first among the
// objects initialised at start-up, before any other static object could read a Symbol.
[[gnu::init_priority(101)]] const std::string k_empty;
// Chunk 0 exists before any Symbol does (a default Symbol reads slot 0), so it is static.
constinit const std::string* g_first_chunk[detail::k_symbol_chunk_size] = {&k_empty};
std::atomic<std::uint32_t> g_next_id{1};

// Gives `text` (already placed in its shard, under the shard's lock) the next id.
std::uint32_t register_text(const std::string& text) {
  const std::uint32_t id = g_next_id.fetch_add(1, std::memory_order_relaxed);
  if (id == 0 || id >> detail::k_symbol_chunk_bits >= detail::k_symbol_chunks) {
    throw std::length_error("more than 4294967295 distinct names");
  }
  auto& slot = detail::g_symbol_chunks[id >> detail::k_symbol_chunk_bits];
  const std::string* const* chunk = slot.load(std::memory_order_acquire);
  if (chunk == nullptr) {
    // Two threads may race to create a chunk: one wins, the other frees its own.
    auto fresh = std::make_unique<const std::string*[]>(detail::k_symbol_chunk_size);
    if (slot.compare_exchange_strong(chunk, fresh.get(), std::memory_order_acq_rel)) {
      chunk = fresh.release();
    }
  }
  // Written before the id leaves this function; whoever later reads it got the id through
  // the same thread or a synchronising hand-over (a joined worker, a lock).
  const_cast<const std::string**>(chunk)[id & (detail::k_symbol_chunk_size - 1)] = &text;
  return id;
}

std::uint32_t intern(std::string_view text) {
  const std::size_t hash = Hash{}(text);
  // Each thread remembers the strings it interned lately, so the names and units that every
  // table repeats take no lock. Ids never change, so a remembered id stays good.
  thread_local std::array<std::uint32_t, 1024> recent{};
  std::uint32_t& remembered = recent[hash % recent.size()];
  if (remembered != 0 && detail::symbol_text(remembered) == text) {
    return remembered;
  }
  Shard& shard = shards()[hash % k_shards];
  const std::lock_guard lock(shard.mutex);
  auto it = shard.ids.find(text);
  if (it == shard.ids.end()) {
    it = shard.ids.emplace(std::string(text), 0).first;
    it->second = register_text(it->first);
  }
  remembered = it->second;
  return remembered;
}

}  // namespace

namespace detail {
constinit std::atomic<const std::string* const*> g_symbol_chunks[k_symbol_chunks] = {
    g_first_chunk};
}  // namespace detail

Symbol::Symbol(std::string_view text) : m_id(text.empty() ? 0 : intern(text)) {}

std::string operator+(const Symbol& a, std::string_view b) {
  std::string out(a.view());
  out += b;
  return out;
}

std::string operator+(std::string_view a, const Symbol& b) {
  std::string out(a);
  out += b.view();
  return out;
}

std::string operator+(const Symbol& a, const std::string& b) { return a + std::string_view(b); }
std::string operator+(const std::string& a, const Symbol& b) { return std::string_view(a) + b; }
std::string operator+(const Symbol& a, const Symbol& b) { return a + b.view(); }
std::string operator+(const Symbol& a, const char* b) { return a + std::string_view(b); }
std::string operator+(const char* a, const Symbol& b) { return std::string_view(a) + b; }
std::string operator+(const Symbol& a, char b) { return a + std::string_view(&b, 1); }

std::ostream& operator<<(std::ostream& out, const Symbol& symbol) { return out << symbol.view(); }

}  // namespace chimera::model
