#pragma once

#include "analysis/Embedding.h"
#include "analysis/Progress.h"

#include <cstdint>
#include <vector>

namespace synthscope::analysis {

struct KMeansParams {
    std::size_t maxIterations = 50;     ///< Lloyd rounds, or mini-batch steps / 10
    double tolerance = 1e-4;            ///< stop when no centroid moves more than this (L2)
    std::size_t miniBatchAbove = 50000; ///< more points than this: mini-batch k-means
    std::size_t batchSize = 4096;       ///< points per mini-batch step (Sculley 2010)
    std::size_t seedingSample = 20000;  ///< k-means++ seeds from at most this many points
    std::uint64_t seed = 1;
    /// Lloyd rounds keep Elkan's bounds (8 bytes per row and centroid, plus 12 bytes per pair
    /// of centroids) while rows·k is at most this (64 MB of bounds); above it, or at 0, every
    /// distance is computed every round.
    std::size_t elkanBoundsMax = std::size_t{1} << 23;
};

struct KMeansResult {
    RowMatrixXf centroids;                 ///< k × d
    std::vector<std::uint32_t> assignment; ///< per row of x, its nearest centroid
    double inertia = 0.0;                  ///< Σ squared Euclidean distance to the own centroid
    std::size_t iterations = 0;
};

/// k-means (Lloyd 1982) with k-means++ seeding (Arthur & Vassilvitskii 2007) on a seeded
/// sample of at most seedingSample rows; Lloyd rounds skip, with Elkan's bounds (Elkan 2003),
/// every distance the triangle inequality proves cannot change a row's centroid: the rounds and
/// result of plain rounds, up to their own float rounding (two centroids within about
/// 2d·2⁻²⁴·(‖x‖² + ‖c‖²) of a row's squared distance, or tied, may go either way), at a fraction
/// of their cost after the first round (each round also moves the centroids, rows·d, and
/// measures the centroids' distances, k²·d). Above
/// miniBatchAbove rows, mini-batch k-means (Sculley 2010: per-centroid learning rate 1/count) for
/// 10·maxIterations steps, then one full assignment. k is clamped to [1, rows]. Distances are
/// squared Euclidean (on L2-normalised rows this orders like cosine). Deterministic for a seed on
/// one machine (its distance kernel depends on the CPU: squaredDistance()).
/// Throws std::invalid_argument for k = 0 with rows > 0; Cancelled when asked to stop.
KMeansResult kmeans(const RowMatrixXf& x, std::size_t k, const KMeansParams& params = {},
                    const Progress& progress = {});

/// Nearest centroid of every row (squared Euclidean), in parallel; *inertia (if given)
/// receives the summed squared distances.
std::vector<std::uint32_t> assignToCentroids(const RowMatrixXf& x, const RowMatrixXf& centroids,
                                             double* inertia = nullptr,
                                             const Progress& progress = {});

/// The default number of clusters for n points: round(√(n/2)) (the rule of thumb in Mardia,
/// Kent & Bibby 1979, §13), clamped to [2, 100] so the clusters table stays reviewable;
/// 1 for n < 4.
std::size_t defaultClusterCount(std::size_t n);

} // namespace synthscope::analysis
