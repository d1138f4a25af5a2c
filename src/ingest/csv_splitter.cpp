#include "chimera/ingest/csv_splitter.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

// Fields are found a block at a time: one mask of the bytes that can end a field per 64 bytes,
// walked with countr_zero. A byte-at-a-time loop pays a mispredicted branch at the end of every
// field, and benchmark CSVs are mostly short numeric fields.

namespace chimera::ingest {

std::uint64_t csv_special_mask(const char* block, char delimiter) {
#if defined(__SSE2__)
  const __m128i delimiters = _mm_set1_epi8(delimiter);
  const __m128i newlines = _mm_set1_epi8('\n');
  const __m128i returns = _mm_set1_epi8('\r');
  const __m128i quotes = _mm_set1_epi8('"');
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < k_csv_block; i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + i));
    const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(bytes, delimiters), _mm_cmpeq_epi8(bytes, newlines));
    const __m128i others = _mm_or_si128(_mm_cmpeq_epi8(bytes, returns), _mm_cmpeq_epi8(bytes, quotes));
    const auto bits = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(ends, others)));
    mask |= static_cast<std::uint64_t>(bits) << i;
  }
  return mask;
#else
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < k_csv_block; ++i) {
    const char c = block[i];
    const bool special = c == delimiter || c == '\n' || c == '\r' || c == '"';
    mask |= static_cast<std::uint64_t>(special ? 1 : 0) << i;
  }
  return mask;
#endif
}

std::size_t count_newlines(std::string_view text) {
  std::size_t count = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  // std::count widens every byte's match to a 64-bit lane. Here matches are summed in byte lanes
  // (a match is -1, subtracted) for up to 255 rounds, then the lanes are added up with one psadbw;
  // a popcount per mask would be a libgcc call where the target has no POPCNT.
  const __m128i newlines = _mm_set1_epi8('\n');
  const __m128i zero = _mm_setzero_si128();
  while (i + 16 <= text.size()) {
    __m128i lanes = zero;
    const std::size_t rounds = std::min<std::size_t>((text.size() - i) / 16, 255);
    for (std::size_t r = 0; r < rounds; ++r, i += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(bytes, newlines));
    }
    const __m128i sums = _mm_sad_epu8(lanes, zero);
    count += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i < text.size(); ++i) {
    count += text[i] == '\n' ? 1U : 0U;
  }
  return count;
}

std::uint64_t CsvSplitter::next(std::vector<CsvField>& fields) {
  fields.clear();
  const std::uint64_t start_line = m_line;
  const std::size_t size = m_text.size();
  while (true) {
    if (m_pos < size && m_text[m_pos] == '"') {
      fields.push_back(read_quoted());
    } else {
      // Built in place: a field returned from a call comes back through memory, and loading
      // it whole after the callee stored it in parts stalls store forwarding on every field.
      const std::size_t start = m_pos;
      const std::size_t pos = find_field_end(start);
      m_pos = pos;
      fields.push_back({m_text.substr(start, pos - start), false});
    }
    if (m_pos >= size) {
      return start_line;
    }
    const char c = m_text[m_pos++];
    if (c == m_delimiter) {
      continue;
    }
    // End of record: "\n" or "\r\n" (or a lone "\r").
    if (c == '\r' && m_pos < size && m_text[m_pos] == '\n') {
      ++m_pos;
    }
    ++m_line;
    return start_line;
  }
}

CsvField CsvSplitter::read_quoted() {
  const std::uint64_t open_line = m_line;
  const std::size_t start = ++m_pos;
  bool doubled = false;
  while (m_pos < m_text.size()) {
    const char c = m_text[m_pos];
    if (c == '"') {
      if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
        doubled = true;
        m_pos += 2;
        continue;
      }
      const std::string_view inner = m_text.substr(start, m_pos - start);
      // Text between the closing quote and the delimiter (`"a"b`) is kept, as spreadsheets do.
      const std::size_t tail = ++m_pos;
      m_pos = find_field_end(tail);
      if (m_pos == tail && !doubled) {
        return {inner, false};
      }
      return {m_text.substr(start - 1, m_pos - (start - 1)), true};
    }
    if (c == '\n') {
      ++m_line;
    }
    ++m_pos;
  }
  m_unterminated = open_line;
  return {m_text.substr(start - 1), true};
}

std::size_t CsvSplitter::find_special_in_later_block(std::size_t pos) {
  const std::size_t block = pos & ~(k_csv_block - 1);
  if (block != m_block) {
    m_block = block;
    m_mask = mask_of_block(block);
  }
  std::uint64_t mask = m_mask & (~std::uint64_t{0} << (pos - block));
  while (mask == 0) {
    const std::size_t next = m_block + k_csv_block;
    if (next >= m_text.size()) {
      return m_text.size();
    }
    m_block = next;
    m_mask = mask_of_block(next);
    mask = m_mask;
  }
  return m_block + static_cast<std::size_t>(std::countr_zero(mask));
}

std::uint64_t CsvSplitter::mask_of_block(std::size_t block) const {
  const std::size_t left = m_text.size() - block;
  if (left >= k_csv_block) {
    return csv_special_mask(m_text.data() + block, m_delimiter);
  }
  // The last, partial block: copied so that no byte past the text is read. The zero padding is
  // never special, as no delimiter is '\0'.
  char tail[k_csv_block] = {};
  std::memcpy(tail, m_text.data() + block, left);
  return csv_special_mask(tail, m_delimiter);
}

std::string unescape_csv(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool quoted = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '"') {
      if (quoted && i + 1 < raw.size() && raw[i + 1] == '"') {
        out.push_back('"');
        ++i;
      } else {
        quoted = !quoted;
      }
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace chimera::ingest
