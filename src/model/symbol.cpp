#include "chimera/model/symbol.hpp"

#include <array>
#include <functional>
#include <mutex>
#include <ostream>
#include <unordered_set>

namespace chimera::model {
namespace {

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

// Shards keep parser threads from queueing on one lock; a node set keeps each string's address
// fixed for the life of the process.
struct Shard {
  std::mutex mutex;
  std::unordered_set<std::string, Hash, std::equal_to<>> strings;
};

constexpr std::size_t k_shards = 16;

std::array<Shard, k_shards>& shards() {
  static std::array<Shard, k_shards> all;
  return all;
}

const std::string* intern(std::string_view text) {
  const std::size_t hash = Hash{}(text);
  // Each thread remembers the strings it interned lately, so the names and units that every
  // table repeats take no lock. Interned strings never move, so a remembered pointer stays good.
  thread_local std::array<const std::string*, 1024> recent{};
  const std::string*& remembered = recent[hash % recent.size()];
  if (remembered != nullptr && *remembered == text) {
    return remembered;
  }
  Shard& shard = shards()[hash % k_shards];
  const std::lock_guard lock(shard.mutex);
  auto it = shard.strings.find(text);
  if (it == shard.strings.end()) {
    it = shard.strings.emplace(text).first;
  }
  remembered = &*it;
  return remembered;
}

const std::string* empty_string() {
  static const std::string empty;
  return &empty;
}

}  // namespace

Symbol::Symbol() : m_text(empty_string()) {}

Symbol::Symbol(std::string_view text) : m_text(text.empty() ? empty_string() : intern(text)) {}

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
