#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace synthscope::analysis {

/// One n-gram's weighted log-odds ratio between side A and side B.
struct LogOddsTerm {
    std::string ngram; ///< tokens joined by single spaces
    std::uint64_t countA = 0;
    std::uint64_t countB = 0;
    double delta = 0.0;  ///< log-odds ratio δ (nats), > 0 leans to A
    double zScore = 0.0; ///< δ / σ(δ)
};

struct LogOddsParams {
    /// Strength α₀ of the informative Dirichlet prior. The prior for n-gram w is
    /// α_w = α₀ · (y_w^A + y_w^B) / (n^A + n^B), i.e. proportional to its pooled frequency
    /// (the empirical-Bayes "informative" prior of Monroe et al.). 0 means α₀ = n^A + n^B,
    /// so that α_w equals the pooled count.
    double priorStrength = 0.0;
    /// N-grams with a pooled count below this are skipped (too rare to rank).
    std::uint64_t minCount = 5;
    /// Terms kept per side.
    std::size_t topK = 30;
    /// n^A and n^B. 0: the sum of each side's counts (counts of occurrences, as for words).
    /// For document frequencies give the number of samples on each side, so that δ compares
    /// the odds that a sample contains the n-gram; every count must then be ≤ its total.
    double totalA = 0.0;
    double totalB = 0.0;
};

struct LogOddsResult {
    std::vector<LogOddsTerm> indicatingA; ///< highest z first
    std::vector<LogOddsTerm> indicatingB; ///< lowest z first (most B-leaning)
};

/// Weighted log-odds ratio with an informative Dirichlet prior, Monroe, Colaresi & Quinn
/// (2008), "Fightin' Words", Political Analysis 16(4), eq. 16–22:
///   δ_w = ln[(y_w^A+α_w)/(n^A+α₀−y_w^A−α_w)] − ln[(y_w^B+α_w)/(n^B+α₀−y_w^B−α_w)]
///   σ²(δ_w) ≈ 1/(y_w^A+α_w) + 1/(y_w^B+α_w),   z_w = δ_w / σ(δ_w).
/// countsA/countsB map an n-gram (as a string) to its count on each side.
/// Returns the topK n-grams leaning to each side; empty when a side has no counts.
LogOddsResult weightedLogOdds(const std::unordered_map<std::string, std::uint64_t>& countsA,
                              const std::unordered_map<std::string, std::uint64_t>& countsB,
                              const LogOddsParams& params = {});

} // namespace synthscope::analysis
