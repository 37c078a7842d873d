#pragma once

#include "analysis/Embedding.h"
#include "analysis/Progress.h"

#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace synthscope::analysis {

/// The instruction set an inner-product (or squared-distance) kernel uses. The build stays
/// portable x86-64 (SSE2), so hnswlib's own kernels are SSE; the wider one is compiled for its
/// instruction set alone and chosen at run time (the CPU is asked once). An AVX-512 kernel was
/// measured and not kept: on this project's machine its neighbour searches were no faster than
/// SSE's (README, *Inside*, "The neighbours' inner product").
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

/// The squared Euclidean distance Σ (aᵢ − bᵢ)² of the float vectors a and b of n entries each
/// (n ≥ 0), summed in float with the given kernel, which this CPU must run (k-means measures
/// with fastestDotKernel()). Baseline: Eigen's sum at the build's instruction set. In any order
/// of the sum the relative error stays below (n + 2)·2⁻²⁴ (Higham 2002, §3.1; each rounded
/// difference adds 2⁻²⁴ twice), within k-means's rounding margins; the kernels differ in the
/// last bits. Errors: std::invalid_argument
/// for a kernel this CPU does not run.
[[nodiscard]] float squaredDistance(const float* a, const float* b, std::size_t n,
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
    /// NeighbourIndex searches exactly (no HNSW index at all) while queries × indexed rows stay
    /// at most this many pairs: 2.5·10⁸ pairs of 256-dimensional rows are about 6.4·10¹⁰ float
    /// multiply-adds, ~0.8 s on this project's two cores with OpenBLAS (3.2 ns a pair measured
    /// on the demo pair); a search of the members among themselves (searchWithin) or both
    /// directions between two indices at once (searchBetween) computes half of its pairs.
    /// 0: HNSW for every search (an index without members answers nothing either way).
    std::size_t exactPairs = 250'000'000;
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

/// Exact nearest neighbours by cosine (brute force): for each row `queries[q]` of x, up to k
/// rows of `members` with the highest inner product (the cosine when x's rows are
/// L2-normalised), highest first, never the query's own row; equal values keep the order of
/// `members`. Every index in members and queries must be < x.rows(). Computed as blocked
/// matrix products (Eigen on the BLAS the build links) in blocks of queries shared among the
/// workers; the blocks depend only on the sizes and the worker count, not on which thread
/// takes one, so the result is identical from run to run on one machine (another CPU may get
/// other BLAS kernels and other last bits). Returns queries.size() lists. O(|queries| ·
/// |members| · d) time, O(k · |queries|) memory beyond fixed blocks. Throws Cancelled when
/// asked to stop (checked at every block of 2,048 members).
[[nodiscard]] std::vector<std::vector<Neighbour>>
exactNeighbours(const RowMatrixXf& x, std::span<const std::uint32_t> members,
                std::span<const std::uint32_t> queries, std::size_t k,
                const Progress& progress = {});

/// exactNeighbours(x, members, members, k) from half the products: the Gram matrix of members
/// is symmetric, so each pair's cosine is computed once (blocks on and above the diagonal) and
/// offered to both rows' lists. Returns members.size() lists, each up to k other members, highest
/// cosine first, never the row itself, equal values in the order of members; the same lists as
/// exactNeighbours up to the last bits of a cosine (a pair's product may come from another block
/// shape). Deterministic on one machine, as exactNeighbours. O(|members|² · d / 2) time,
/// O(k · |members| · workers) memory beyond fixed blocks. Throws Cancelled when asked to stop.
[[nodiscard]] std::vector<std::vector<Neighbour>>
exactNeighboursWithin(const RowMatrixXf& x, std::span<const std::uint32_t> members, std::size_t k,
                      const Progress& progress = {});

/// Both directions of an exact search between two sets of rows of x from one set of products:
/// .first[i] are up to kOfA rows of b nearest row a[i] (exactNeighbours(x, b, a, kOfA)),
/// .second[j] up to kOfB rows of a nearest row b[j] (exactNeighbours(x, a, b, kOfB)), each
/// highest cosine first, never a row itself, equal values in the order of the searched list;
/// the same lists as the two exactNeighbours calls up to the last bits of a cosine. Shapes:
/// a.size() and b.size() lists. O(|a| · |b| · d) time (half of the two calls),
/// O(kOfB · |b| · workers + kOfA · |a|) memory beyond fixed blocks. Throws Cancelled when asked
/// to stop.
[[nodiscard]] std::pair<std::vector<std::vector<Neighbour>>, std::vector<std::vector<Neighbour>>>
exactNeighboursBetween(const RowMatrixXf& x, std::span<const std::uint32_t> a,
                       std::span<const std::uint32_t> b, std::size_t kOfA, std::size_t kOfB,
                       const Progress& progress = {});

/// The nearest-neighbour search the analyses use over rows `members` of x: exact
/// (exactNeighbours) while a batch of queries times the members is at most params.exactPairs,
/// else HNSW (KnnIndex, built at the first such batch and kept for the next). Why both: an
/// HNSW index over one role answers queries of the other role, which lie off its graph, with
/// the true nearest neighbour only ~70 % of the time on the demo pair (efSearch 32; README,
/// *Exact neighbours where they are affordable*), and its parallel build makes the answers
/// change from run to run; exact search costs |queries| · |members| products, so it is used
/// up to the budget. The matrix must outlive the index.
class NeighbourIndex {
public:
    NeighbourIndex(const RowMatrixXf& x, std::vector<std::uint32_t> members,
                   const HnswParams& params = {});
    ~NeighbourIndex();
    NeighbourIndex(const NeighbourIndex&) = delete;
    NeighbourIndex& operator=(const NeighbourIndex&) = delete;

    /// Whether a batch of this many queries is searched exactly (an empty batch or an index
    /// without members needs no search: true).
    [[nodiscard]] bool searchesExactly(std::size_t queries) const;
    /// Per query (rows of x), up to k members most similar, highest cosine first, never the
    /// query's own row. Not concurrent with another search of the same index (it may build
    /// the HNSW index). Throws Cancelled when asked to stop; std::invalid_argument when HNSW is
    /// needed and this CPU does not run params.kernel.
    [[nodiscard]] std::vector<std::vector<Neighbour>>
    search(std::span<const std::uint32_t> queries, std::size_t k, const Progress& progress = {});
    /// Per member (in the order of members), up to k other members most similar, highest
    /// cosine first: search(members, k), exactly by exactNeighboursWithin (half the products)
    /// while searchesExactly(size()). Errors as search().
    [[nodiscard]] std::vector<std::vector<Neighbour>> searchWithin(std::size_t k,
                                                                   const Progress& progress = {});
    [[nodiscard]] std::size_t size() const { return m_members.size(); }
    [[nodiscard]] std::span<const std::uint32_t> members() const { return m_members; }

    /// Both directions between the members of two indices over the same matrix: .first[i] =
    /// b.search(a's members, kOfA)[i], .second[j] = a.search(b's members, kOfB)[j]. When both
    /// directions are exact (a.searchesExactly(b.size()) and b.searchesExactly(a.size())) from
    /// one set of products (exactNeighboursBetween), else each search by itself. Errors as
    /// search(); std::invalid_argument when the two index different matrices.
    friend std::pair<std::vector<std::vector<Neighbour>>, std::vector<std::vector<Neighbour>>>
    searchBetween(NeighbourIndex& a, NeighbourIndex& b, std::size_t kOfA, std::size_t kOfB,
                  const Progress& progress);

private:
    const RowMatrixXf& m_x;
    std::vector<std::uint32_t> m_members;
    HnswParams m_params;
    std::unique_ptr<KnnIndex> m_hnsw;
};

} // namespace synthscope::analysis
