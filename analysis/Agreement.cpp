#include "analysis/Agreement.h"

#include "analysis/Statistics.h"

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace synthscope::analysis {

double cohenKappa(std::span<const int> a, std::span<const int> b) {
    if (a.size() != b.size())
        throw std::invalid_argument("cohenKappa: the two raters coded different numbers of items");
    if (a.empty())
        return kNaN;
    std::map<int, std::pair<double, double>> marginals; // code → (count in a, count in b)
    double agree = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        agree += a[i] == b[i] ? 1.0 : 0.0;
        marginals[a[i]].first += 1.0;
        marginals[b[i]].second += 1.0;
    }
    const auto n = static_cast<double>(a.size());
    const double observed = agree / n;
    double chance = 0.0;
    for (const auto& [code, counts] : marginals)
        chance += (counts.first / n) * (counts.second / n);
    if (chance >= 1.0)
        return kNaN;
    return (observed - chance) / (1.0 - chance);
}

double krippendorffAlphaNominal(const std::vector<std::vector<int>>& units) {
    std::map<int, double> marginal; // n_c
    double diagonal = 0.0;          // Σ_c o_cc
    for (const std::vector<int>& unit : units) {
        const std::size_t m = unit.size();
        if (m < 2)
            continue;
        std::map<int, double> counts;
        for (int code : unit)
            counts[code] += 1.0;
        const double scale = 1.0 / static_cast<double>(m - 1);
        for (const auto& [code, count] : counts) {
            diagonal += count * (count - 1.0) * scale; // ordered pairs of equal codes
            marginal[code] += count;                   // Σ_k o_ck = count of c in pairable units
        }
    }
    double n = 0.0;
    double expectedPairs = 0.0; // Σ_c n_c (n_c − 1)
    for (const auto& [code, count] : marginal) {
        n += count;
        expectedPairs += count * (count - 1.0);
    }
    const double denominator = n * (n - 1.0) - expectedPairs;
    if (n < 2.0 || denominator <= 0.0)
        return kNaN;
    return ((n - 1.0) * diagonal - expectedPairs) / denominator;
}

} // namespace synthscope::analysis
