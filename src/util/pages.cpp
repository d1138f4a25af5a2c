#include "chimera/util/pages.hpp"

#include <sys/mman.h>

namespace chimera::util {

void* map_pages(std::size_t bytes) {
  if (bytes == 0) {
    bytes = 1;  // mmap refuses a length of 0; one page keeps the pointer unique
  }
  void* pages = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (pages == MAP_FAILED) {
    throw std::bad_alloc();
  }
  return pages;
}

void unmap_pages(void* pages, std::size_t bytes) noexcept {
  if (pages != nullptr) {
    ::munmap(pages, bytes == 0 ? 1 : bytes);
  }
}

}  // namespace chimera::util
