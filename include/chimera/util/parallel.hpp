#pragma once

#include <cstddef>
#include <functional>

namespace chimera::util {

// Calls `task(i)` for every i in [0, count) on up to `jobs` threads (0: one per core), and
// returns when all calls have returned. Tasks are handed out in index order; each index runs
// exactly once. `task` must not throw.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& task);

// The number of threads `jobs` stands for: itself, or the number of cores when 0.
[[nodiscard]] unsigned resolve_jobs(unsigned jobs);

}  // namespace chimera::util
