#pragma once

#include "analysis/Embedding.h"
#include "analysis/Progress.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace synthscope::analysis {

/// The instruction set an inner-product kernel uses. The build stays portable x86-64 (SSE2),
/// so hnswlib's own kernels are SSE; the wider one is compiled for its instruction set alone
/// and chosen at run time (the CPU is asked once). An AVX-512 kernel was measured and not kept:
/// on this project's machine its neighbour searches were no faster than SSE's (README, *Inside*,
/// "The neighbours' inner product").
enum class DotKernel {
    Baseline, ///< hnswlib's own: SSE on x86-64 (plain loops under AddressSanitizer)
    Avx2Fma,  ///< AVX2 with fused multiply-add: 8 floats a step, four sums in flight
};

/// Whether this CPU runs kernel (Baseline: always).
[[nodiscard]] bool cpuRuns(DotKernel kernel);
/// The widest kernel this CPU runs: what KnnIndex measures with.
[[nodiscard]] DotKernel fastestDotKernel();
/// Its name, for reports and the run's parameters ("baseline", "AVX2+FMA").
[[nodiscard]] const char* dotKernelName(DotKernel kernel);

/// hnswlib's inner-product distance 1 − ⟨a, b⟩ of the float vectors a and b of n entries each
/// (n ≥ 0; for L2-normalised vectors 1 − cosine, in [0, 2] up to rounding) with the given kernel,
/// which this CPU must run. Errors: std::invalid_argument for a kernel it does not run
/// (!cpuRuns(kernel)), instead of an illegal instruction. The kernels sum in different orders, so
/// their results differ in the last bits (a relative 1e-6 for n = 256); each is deterministic.
[[nodiscard]] float innerProductDistance(const float* a, const float* b, std::size_t n,
                                         DotKernel kernel);

struct Neighbour {
    std::uint32_t index = 0; ///< row of the embedding matrix
    float cosine = 0.0f;     ///< cosine similarity in [−1, 1]
};

struct HnswParams {
    std::size_t m = 16;              ///< graph degree M (Malkov & Yashunin 2018; hnswlib default)
    std::size_t efConstruction = 64; ///< candidate list while building
    std::size_t efSearch = 32;       ///< candidate list while searching (≥ k is used)
    std::uint64_t seed = 100;
    DotKernel kernel = fastestDotKernel(); ///< must be one this CPU runs (cpuRuns)
};

/// Approximate nearest-neighbour index (HNSW, Malkov & Yashunin 2018, via hnswlib) over a
/// subset of the rows of an L2-normalised embedding matrix, by inner product = cosine.
/// Built in parallel (hnswlib's addPoint is thread-safe for distinct labels); searches are
/// const and may run concurrently. Distances use params.kernel (by default fastestDotKernel()).
/// The matrix must outlive the index.
class KnnIndex {
public:
    /// Indexes rows `members` of x. Throws Cancelled when asked to stop, std::invalid_argument
    /// when this CPU does not run params.kernel.
    KnnIndex(const RowMatrixXf& x, std::span<const std::uint32_t> members,
             const HnswParams& params = {}, const Progress& progress = {});
    ~KnnIndex();
    KnnIndex(const KnnIndex&) = delete;
    KnnIndex& operator=(const KnnIndex&) = delete;

    /// Up to k indexed rows most similar to row `query` of the matrix, highest cosine first,
    /// never `query` itself (an identical other row is still returned).
    [[nodiscard]] std::vector<Neighbour> search(std::uint32_t query, std::size_t k) const;
    [[nodiscard]] std::size_t size() const { return m_size; }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    const RowMatrixXf& m_x;
    std::size_t m_size = 0;
};

} // namespace synthscope::analysis
