#include "analysis/LogOdds.h"

#include <algorithm>
#include <cmath>

namespace synthscope::analysis {

LogOddsResult weightedLogOdds(const std::unordered_map<std::string, std::uint64_t>& countsA,
                              const std::unordered_map<std::string, std::uint64_t>& countsB,
                              const LogOddsParams& params) {
    LogOddsResult result;
    double nA = 0.0;
    double nB = 0.0;
    for (const auto& [w, c] : countsA)
        nA += static_cast<double>(c);
    for (const auto& [w, c] : countsB)
        nB += static_cast<double>(c);
    if (params.totalA > 0.0 && params.totalB > 0.0) {
        nA = params.totalA;
        nB = params.totalB;
    }
    if (nA <= 0.0 || nB <= 0.0)
        return result;
    const double pooled = nA + nB;
    const double alpha0 = params.priorStrength > 0.0 ? params.priorStrength : pooled;

    std::vector<LogOddsTerm> terms;
    auto consider = [&](const std::string& w, std::uint64_t a, std::uint64_t b) {
        if (a + b < params.minCount)
            return;
        const double ya = static_cast<double>(a);
        const double yb = static_cast<double>(b);
        const double aw = alpha0 * (ya + yb) / pooled;
        const double delta = std::log((ya + aw) / (nA + alpha0 - ya - aw)) -
                             std::log((yb + aw) / (nB + alpha0 - yb - aw));
        const double variance = 1.0 / (ya + aw) + 1.0 / (yb + aw);
        const double z = delta / std::sqrt(variance);
        // An n-gram in every sample of both sides (with totals given) has no odds to compare.
        if (!std::isfinite(z))
            return;
        terms.push_back({w, a, b, delta, z});
    };
    for (const auto& [w, a] : countsA) {
        auto it = countsB.find(w);
        consider(w, a, it == countsB.end() ? 0 : it->second);
    }
    for (const auto& [w, b] : countsB)
        if (!countsA.contains(w))
            consider(w, 0, b);

    auto byZ = [](const LogOddsTerm& x, const LogOddsTerm& y) {
        return x.zScore != y.zScore ? x.zScore > y.zScore : x.ngram < y.ngram;
    };
    std::sort(terms.begin(), terms.end(), byZ);
    for (std::size_t i = 0; i < terms.size() && result.indicatingA.size() < params.topK; ++i)
        if (terms[i].zScore > 0.0)
            result.indicatingA.push_back(terms[i]);
    for (std::size_t i = terms.size(); i-- > 0 && result.indicatingB.size() < params.topK;)
        if (terms[i].zScore < 0.0)
            result.indicatingB.push_back(terms[i]);
    return result;
}

} // namespace synthscope::analysis
