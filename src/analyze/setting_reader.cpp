#include "setting_reader.hpp"

#include <bit>
#include <cmath>

#include "chimera/analyze/format.hpp"
#include "chimera/analyze/names.hpp"

namespace chimera::analyze::detail {

SettingReader::SettingReader(const model::Corpus& corpus, std::vector<const SettingRef*> refs)
    : m_corpus(corpus),
      m_refs(std::move(refs)),
      m_by_number(m_refs.size()),
      m_by_text(m_refs.size()),
      m_one_row(m_refs.size(), -2),
      m_last(m_refs.size()) {}

SettingReader::SettingReader(const model::Corpus& corpus, std::string constant) : m_corpus(corpus) {
  if (!constant.empty()) {
    m_constant = intern(std::move(constant));
  }
}

int SettingReader::intern(std::string text) {
  const auto [it, added] = m_ids.try_emplace(text, static_cast<int>(m_values.size()));
  if (added) {
    m_values.push_back(std::move(text));
  }
  return it->second;
}

int SettingReader::read_ref(std::size_t ref, std::size_t row) {
  const SettingRef& setting = *m_refs[ref];
  std::size_t r = row;
  if (setting.one_row) {
    if (m_one_row[ref] != -2) {
      return m_one_row[ref];
    }
    r = 0;
  } else if (setting.enclosing) {
    r = row < setting.enclosing->size() ? (*setting.enclosing)[row] : k_no_row;
    if (r == k_no_row) {
      return -1;
    }
  }
  const auto& column = m_corpus.tables[setting.table].columns[setting.column];
  int id = -1;
  Last& last = m_last[ref];
  if (r < column.numbers.size() && std::isfinite(column.numbers[r])) {
    const double v = column.numbers[r];
    const auto bits = std::bit_cast<std::uint64_t>(v);
    if (last.id != -2 && last.text == nullptr && last.bits == bits) {
      return last.id;
    }
    auto& cache = m_by_number[ref];
    if (const auto it = cache.find(bits); it != cache.end()) {
      id = it->second;
    } else {
      id = intern(format_dimension(v));
      cache.emplace(bits, id);
    }
    last = {bits, nullptr, id};
  } else if (r < column.texts.size()) {
    const std::string_view text = column.texts[r];
    // A column's strings are stored once each: the same string is at the same address.
    if (last.id != -2 && last.text == text.data() && !text.empty()) {
      return last.id;
    }
    auto& cache = m_by_text[ref];
    if (const auto it = cache.find(text); it != cache.end()) {
      id = it->second;
    } else {
      id = is_short_data(text) ? intern(std::string(text)) : -1;
      cache.emplace(text, id);
    }
    last = {0, text.data(), id};
  }
  if (setting.one_row) {
    m_one_row[ref] = id;
  }
  return id;
}

int SettingReader::read(std::size_t row) {
  if (m_refs.empty()) {
    return m_constant;
  }
  for (std::size_t ref = 0; ref < m_refs.size(); ++ref) {
    if (const int id = read_ref(ref, row); id >= 0) {
      return id;
    }
  }
  return -1;
}

}  // namespace chimera::analyze::detail
