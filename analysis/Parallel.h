#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace synthscope::analysis {

/// Number of worker threads the analyses use: the hardware's, at least 1, at most 16.
inline std::size_t workerCount() {
    return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 16);
}

/// Runs fn(begin, end, worker) over [0, n) split into one contiguous slice per worker
/// (worker in [0, maxWorkers)), the calling thread taking the first slice; at least
/// minPerWorker items a slice. The slices depend on n, minPerWorker and maxWorkers only: two
/// calls with the same three slice alike. The first exception thrown by any slice (Cancelled
/// included) is rethrown after every thread joined, so no slice outlives the data it reads.
/// Slices must not write shared state unguarded.
template <typename Fn>
void parallelFor(std::size_t n, Fn&& fn, std::size_t minPerWorker = 256,
                 std::size_t maxWorkers = workerCount()) {
    const std::size_t workers =
        std::max<std::size_t>(1, std::min(maxWorkers, n / std::max<std::size_t>(minPerWorker, 1)));
    if (workers == 1) {
        fn(std::size_t{0}, n, std::size_t{0});
        return;
    }
    std::exception_ptr error;
    std::mutex errorMutex;
    auto run = [&](std::size_t w) {
        try {
            fn(n * w / workers, n * (w + 1) / workers, w);
        } catch (...) {
            std::lock_guard lock(errorMutex);
            if (!error)
                error = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t w = 1; w < workers; ++w)
        threads.emplace_back(run, w);
    run(0);
    for (auto& t : threads)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

} // namespace synthscope::analysis
