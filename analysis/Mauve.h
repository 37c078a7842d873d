#pragma once

#include "analysis/Embedding.h"
#include "analysis/KMeans.h"
#include "analysis/Progress.h"

#include <utility>
#include <vector>

namespace synthscope::analysis {

struct MauveParams {
    double scaling = 5.0;            ///< c in exp(−c·KL) (Pillutla et al. 2021 default)
    double pcaVariance = 0.9;        ///< PCA keeps this share of the variance
    std::size_t frontierPoints = 25; ///< mixture weights λ in (0, 1)
    std::size_t maxPerSide = 5000;   ///< larger sides are subsampled (seeded)
    std::size_t clusters = 0;        ///< 0: max(2, round(min(n_p, n_q) / 10))
    KMeansParams kmeans{.maxIterations = 30};
    std::uint64_t seed = 1;
};

struct MauveResult {
    double mauve = 0.0; ///< area under the divergence frontier, in (0, 1]; 1 = same distribution
    std::vector<std::pair<double, double>> frontier; ///< (exp(−c·KL(Q‖R)), exp(−c·KL(P‖R)))
    std::size_t clusters = 0;
    std::size_t components = 0; ///< PCA dimensions kept
    std::vector<double> histogramP;
    std::vector<double> histogramQ;
};

/// MAUVE (Pillutla et al. 2021) of P (rows of p) against Q (rows of q): both embedded jointly,
/// reduced by PCA to pcaVariance of the variance, quantised by k-means into clusters, and
/// compared as histograms P̂, Q̂ over the clusters. For λ on frontierPoints evenly spaced
/// weights in [10⁻⁶, 1 − 10⁻⁶], R = λP̂ + (1 − λ)Q̂ gives a frontier point
/// (exp(−c·KL(Q̂‖R)), exp(−c·KL(P̂‖R))); with the end points (0, 1) and (1, 0) MAUVE is the
/// area under the frontier (trapezoids). Identical inputs give 1; disjoint ones tend to 0.
/// The reference implementation quantises GPT-2 features; here the features are whatever
/// rows the caller passes (Synthscope's embeddings), so values compare only within the same
/// embedding. Throws std::invalid_argument when a side is empty; Cancelled when asked.
MauveResult mauve(const RowMatrixXf& p, const RowMatrixXf& q, const MauveParams& params = {},
                  const Progress& progress = {});

/// The MAUVE frontier area of two histograms over the same bins (each summing to > 0; they
/// are normalised here). Exposed for tests and for callers with their own quantisation.
MauveResult mauveFromHistograms(std::vector<double> p, std::vector<double> q, double scaling = 5.0,
                                std::size_t frontierPoints = 25);

} // namespace synthscope::analysis
