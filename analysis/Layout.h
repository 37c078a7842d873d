#pragma once

#include "analysis/Embedding.h"
#include "analysis/Knn.h"
#include "analysis/Progress.h"

#include <cstdint>

namespace synthscope::analysis {

struct LayoutParams {
    std::size_t neighbours = 15;     ///< k of the kNN graph (UMAP's n_neighbors default)
    std::size_t epochs = 0;          ///< 0: 500 up to 10,000 points, 200 up to 100,000, else 60
    std::size_t negativeSamples = 5; ///< repulsive samples per attractive update
    double a = 1.577;                ///< curve 1 / (1 + a d^(2b)) for min_dist 0.1 (UMAP defaults)
    double b = 0.895;
    HnswParams hnsw;
    std::uint64_t seed = 1;
};

/// A neighbour-preserving 2-D layout of the rows of x (L2-normalised embeddings) by the UMAP
/// method (McInnes, Healy & Melville 2018) on a kNN graph (NeighbourIndex: exact while
/// rows² ≤ params.hnsw.exactPairs, about 15,800 rows by default, else HNSW): fuzzy memberships
/// exp(−(d − ρᵢ)/σᵢ) with σᵢ set so they sum to log₂ k, symmetrised as w + wᵀ − w∘wᵀ, then
/// stochastic gradient descent with negative sampling, edges sampled in proportion to their
/// weight and a linearly decaying learning rate. d is the cosine distance 1 − cos.
/// initial: rows × 2 starting positions (e.g. the PCA layout), rescaled to a 10-wide box.
/// Deterministic for a seed (single-threaded descent) while the graph is exact; beyond, HNSW's
/// parallel build may change a few edges from run to run. Returns rows × 2. Throws Cancelled.
RowMatrixXf neighbourLayout(const RowMatrixXf& x, const RowMatrixXf& initial,
                            const LayoutParams& params = {}, const Progress& progress = {});

} // namespace synthscope::analysis
