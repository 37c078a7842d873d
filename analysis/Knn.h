#pragma once

#include "analysis/Embedding.h"
#include "analysis/Progress.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace synthscope::analysis {

struct Neighbour {
    std::uint32_t index = 0; ///< row of the embedding matrix
    float cosine = 0.0f;     ///< cosine similarity in [−1, 1]
};

struct HnswParams {
    std::size_t m = 16;              ///< graph degree M (Malkov & Yashunin 2018; hnswlib default)
    std::size_t efConstruction = 64; ///< candidate list while building
    std::size_t efSearch = 32;       ///< candidate list while searching (≥ k is used)
    std::uint64_t seed = 100;
};

/// Approximate nearest-neighbour index (HNSW, Malkov & Yashunin 2018, via hnswlib) over a
/// subset of the rows of an L2-normalised embedding matrix, by inner product = cosine.
/// Built in parallel (hnswlib's addPoint is thread-safe for distinct labels); searches are
/// const and may run concurrently. The matrix must outlive the index.
class KnnIndex {
public:
    /// Indexes rows `members` of x. Throws Cancelled when asked to stop.
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
    std::size_t m_ef = 64;
};

} // namespace synthscope::analysis
