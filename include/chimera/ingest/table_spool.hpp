#pragma once

#include <cstddef>
#include <vector>

#include "chimera/model/corpus.hpp"
#include "chimera/util/pages.hpp"

namespace chimera::ingest {

// Tables collected one by one while their number is not yet known, in order, then moved into one
// vector of exactly that size. The tables wait in fixed blocks mapped from the system, not in
// the malloc heap, and each block is given back as soon as it has been emptied: the tables are
// never held twice, and no array of them is left behind in the heap as holes.
class TableSpool {
 public:
  void push(model::Table&& table);
  [[nodiscard]] std::size_t size() const { return m_size; }
  // Appends every table to `out` in the order they were pushed, reserving room for all of them
  // first; the spool is empty afterwards.
  void move_into(std::vector<model::Table>& out);

 private:
  static constexpr std::size_t k_block_tables = 4096;
  using Block = std::vector<model::Table, util::PageAllocator<model::Table>>;
  std::vector<Block> m_blocks;
  std::size_t m_size = 0;
};

}  // namespace chimera::ingest
