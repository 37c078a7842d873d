#pragma once

#include <cstddef>
#include <limits>
#include <span>

namespace synthscope::analysis {

/// How concentrated a population of samples is on its sources: teachers (generators),
/// template versions or judge versions (chapter 17, Table 17-3, data-source red line "single
/// source dominates long-term without external correction").
struct SourceConcentration {
    std::size_t samples = 0; ///< samples with a recorded source (the sum of the counts)
    std::size_t sources = 0; ///< sources with at least one sample
    std::size_t largest = 0; ///< index (into counts) of the largest source; the first on ties
    /// Samples of the largest source over all samples, in [1/sources, 1]; NaN when samples = 0.
    double largestShare = std::numeric_limits<double>::quiet_NaN();
    /// Shannon entropy of the source shares over its maximum, H / ln(sources), in [0, 1]:
    /// 1 when every source has the same share, 0 when one source holds every sample (also
    /// when there is only one source); NaN when samples = 0 (Pielou's evenness, Pielou 1966).
    double normalizedEntropy = std::numeric_limits<double>::quiet_NaN();
};

/// Concentration of counts[i] samples from source i (zero counts are sources absent from
/// this population and are ignored).
///
/// Confounds: the number of sources. The normalised entropy is relative to the sources
/// present, so two teachers used evenly score 1 like ten used evenly; read it with `sources`
/// and the largest share, which is not normalised. Shares do not depend on corpus size, but
/// a round of a few samples gives a noisy share. Samples without a recorded source are not
/// counted (callers report how many there were). No dependence on text length or language.
SourceConcentration sourceConcentration(std::span<const std::size_t> counts);

} // namespace synthscope::analysis
