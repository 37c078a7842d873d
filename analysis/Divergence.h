#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace synthscope::analysis {

/// Jensen–Shannon divergence (Lin 1991, "Divergence measures based on the Shannon entropy"),
/// base 2, of two discrete distributions given as non-negative weights over the same support
/// (they are normalised here). JS(P,Q) = ½KL(P‖M) + ½KL(Q‖M), M = ½(P+Q); in [0, 1] bits;
/// 0 iff P = Q, 1 iff the supports are disjoint.
/// Throws std::invalid_argument when the sizes differ, a weight is negative or not finite,
/// or either side sums to zero.
double jensenShannonDivergence(std::span<const double> p, std::span<const double> q);

/// The same over sparse count maps (keys missing on one side count as zero there).
template <typename Key>
double jensenShannonDivergence(const std::unordered_map<Key, std::uint64_t>& p,
                               const std::unordered_map<Key, std::uint64_t>& q) {
    std::vector<double> a;
    std::vector<double> b;
    a.reserve(p.size() + q.size());
    b.reserve(p.size() + q.size());
    for (const auto& [key, count] : p) {
        a.push_back(static_cast<double>(count));
        auto it = q.find(key);
        b.push_back(it == q.end() ? 0.0 : static_cast<double>(it->second));
    }
    for (const auto& [key, count] : q)
        if (!p.contains(key)) {
            a.push_back(0.0);
            b.push_back(static_cast<double>(count));
        }
    return jensenShannonDivergence(a, b);
}

/// Two length samples binned on shared edges, for a chart and for a JS divergence.
/// Bin i covers [i·width, (i+1)·width); the last bin also holds every value beyond
/// (overflow). counts are raw counts; shares are counts / sample size.
struct SharedHistogram {
    std::uint32_t width = 1;
    std::vector<double> countsA;
    std::vector<double> countsB;
};

/// Bins a and b on shared edges: the range covers 0 .. the larger of the two 99th
/// percentiles, split into at most maxBins bins of integer width ≥ 1.
/// Throws std::invalid_argument when maxBins is 0.
SharedHistogram sharedHistogram(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                                std::size_t maxBins = 40);

/// Two samples of positive values (e.g. perplexities) binned on shared log10-spaced edges:
/// bin i covers [10^(log10Min + i·step), 10^(log10Min + (i+1)·step)); the range spans the 1st
/// to the 99th percentile of both samples together (values outside go to the end bins).
/// Non-finite and non-positive values are skipped. Empty inputs give no bins.
struct LogHistogram {
    double log10Min = 0.0;
    double step = 0.0;
    std::vector<double> countsA;
    std::vector<double> countsB;
};
LogHistogram sharedLogHistogram(std::span<const double> a, std::span<const double> b,
                                std::size_t bins = 30);

/// Two-sample Kolmogorov–Smirnov test: D = sup |F_a(x) − F_b(x)| in [0, 1], and the asymptotic
/// p-value Q_KS(√(n·m/(n+m))·D) (Kolmogorov distribution series; Numerical Recipes §14.3).
/// Both empty or either empty gives D = 0, p = 1.
struct KsResult {
    double statistic = 0.0;
    double pValue = 1.0;
};
KsResult kolmogorovSmirnov(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

} // namespace synthscope::analysis
