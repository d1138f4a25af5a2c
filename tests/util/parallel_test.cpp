#include "chimera/util/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace chimera::util {
namespace {

TEST(ParallelFor, RunsEveryIndexExactlyOnce) {
  for (const unsigned jobs : {0u, 1u, 3u, 16u}) {
    std::vector<std::atomic<int>> hits(1000);
    parallel_for(hits.size(), jobs, [&](std::size_t i) { ++hits[i]; });
    for (std::size_t i = 0; i < hits.size(); ++i) {
      ASSERT_EQ(hits[i].load(), 1) << "index " << i << " with " << jobs << " jobs";
    }
  }
}

TEST(ParallelFor, UsesSeveralThreadsWhenAsked) {
  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::atomic<int> waiting{0};
  parallel_for(2, 2, [&](std::size_t) {
    {
      std::lock_guard lock(mutex);
      threads.insert(std::this_thread::get_id());
    }
    // Both tasks wait for each other: only possible when they run on two threads at once.
    ++waiting;
    while (waiting.load() < 2) {
      std::this_thread::yield();
    }
  });
  EXPECT_EQ(threads.size(), 2u);
}

TEST(ParallelFor, ZeroCountCallsNothing) {
  bool called = false;
  parallel_for(0, 4, [&](std::size_t) { called = true; });
  EXPECT_FALSE(called);
}

TEST(ParallelFor, ZeroJobsMeansOnePerCore) {
  EXPECT_GE(resolve_jobs(0), 1u);
  EXPECT_EQ(resolve_jobs(3), 3u);
}

}  // namespace
}  // namespace chimera::util
