#include "chimera/util/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace chimera::util {

unsigned resolve_jobs(unsigned jobs) {
  if (jobs != 0) {
    return jobs;
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& task) {
  const std::size_t threads = std::min<std::size_t>(resolve_jobs(jobs), count);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
      task(i);
    }
  };
  if (threads <= 1) {
    work();
    return;
  }
  std::vector<std::jthread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) {
    pool.emplace_back(work);
  }
  work();
}

}  // namespace chimera::util
