#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

// Work spread over threads: the calling thread and `threads - 1` more each take the next
// index until all `count` are done. For loops whose iterations are independent.

namespace iamx {

/// The number of threads parallelFor() uses for `count` iterations.
inline unsigned workerCount(std::size_t count, unsigned threads)
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<std::size_t>(threads, count / 16 + 1));
}

/// Calls `work(worker, i)` for every i in [0, count) on workerCount(count, threads) threads
/// (0: every core); `worker` (0 .. workers - 1) says which thread, for per-thread state.
template <typename Work> void parallelFor(std::size_t count, unsigned threads, Work work)
{
    const unsigned workers = workerCount(count, threads);
    std::atomic<std::size_t> next { 0 };
    const auto run = [&](unsigned worker) {
        for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1))
            work(worker, i);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < workers; ++t)
        pool.emplace_back(run, t);
    run(0);
    for (auto &thread : pool)
        thread.join();
}

} // namespace iamx
