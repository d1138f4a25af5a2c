#include "chimera/ingest/table_spool.hpp"

#include <utility>

namespace chimera::ingest {

void TableSpool::push(model::Table&& table) {
  if (m_blocks.empty() || m_blocks.back().size() == k_block_tables) {
    m_blocks.emplace_back().reserve(k_block_tables);
  }
  m_blocks.back().push_back(std::move(table));
  ++m_size;
}

void TableSpool::move_into(std::vector<model::Table>& out) {
  out.reserve(out.size() + m_size);
  for (Block& block : m_blocks) {
    for (model::Table& table : block) {
      out.push_back(std::move(table));
    }
    Block().swap(block);
  }
  m_blocks.clear();
  m_size = 0;
}

}  // namespace chimera::ingest
