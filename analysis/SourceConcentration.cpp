#include "analysis/SourceConcentration.h"

#include <algorithm>
#include <cmath>

namespace synthscope::analysis {

SourceConcentration sourceConcentration(std::span<const std::size_t> counts) {
    SourceConcentration out;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0)
            continue;
        out.samples += counts[i];
        if (out.sources == 0 || counts[i] > counts[out.largest])
            out.largest = i;
        ++out.sources;
    }
    if (out.samples == 0)
        return out;
    const auto total = static_cast<double>(out.samples);
    out.largestShare = static_cast<double>(counts[out.largest]) / total;
    if (out.sources == 1) {
        out.normalizedEntropy = 0.0;
        return out;
    }
    double entropy = 0.0;
    for (std::size_t c : counts)
        if (c > 0) {
            const double p = static_cast<double>(c) / total;
            entropy -= p * std::log(p);
        }
    // Rounding can put an even split a hair above 1.
    out.normalizedEntropy = std::min(1.0, entropy / std::log(static_cast<double>(out.sources)));
    return out;
}

} // namespace synthscope::analysis
