#pragma once

namespace synthscope::analysis {

/// Makes every BLAS call run on the thread that calls it: Eigen's dense products go to
/// OpenBLAS (`EIGEN_USE_BLAS`, linked in analysis/CMakeLists.txt), which picks its kernels for
/// the processor at run time (AVX2, AVX-512) where Eigen's own are compiled for portable x86-64,
/// and which otherwise splits a large product over the thread pool it starts when it loads. The
/// analyses already run their own threads (parallelFor(), stages beside each other), and
/// OpenBLAS's pool working on top of them fought them for the cores (the Twitter/Bitext pair:
/// 7.8 s against 5.9 s, 2026-12-05, README "Eigen's products on OpenBLAS"); its threads stay
/// idle after this call. The app's and the benches' main() call it first; analyzeCorpora()
/// calls it too, for every other program that runs an analysis. The setting is the process's
/// (OpenBLAS keeps one). Idempotent, never throws.
void runBlasOnCallingThread() noexcept;

/// The number of threads OpenBLAS would use for one product now (1 after
/// runBlasOnCallingThread()).
int blasThreads() noexcept;

} // namespace synthscope::analysis
