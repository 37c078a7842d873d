#pragma once

#include "analysis/Progress.h"
#include "analysis/Tokenizer.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace synthscope::analysis {

/// Counts and profile of one corpus (or of several pooled).
///
/// Units: lengths in tokens (see tokenize()) and in characters (Unicode code points).
/// Rates are shares in [0, 1]. Entropy in bits (log base 2).
struct CorpusProfile {
    std::size_t samples = 0;
    std::uint64_t tokens = 0;        ///< total tokens over all samples
    double meanLengthTokens = 0.0;   ///< tokens / samples
    double medianLengthTokens = 0.0; ///< median of per-sample token counts
    double meanLengthChars = 0.0;    ///< mean code points per sample
    std::size_t vocabularySize = 0;  ///< distinct unigrams (types)
    /// distinct-n (Li et al. 2016, "A Diversity-Promoting Objective Function for Neural
    /// Conversation Models"): distinct n-grams / total n-grams over the whole corpus;
    /// n-grams do not cross sample boundaries; 0 when the corpus has no n-gram.
    double distinct1 = 0.0;
    double distinct2 = 0.0;
    /// distinct-3: trigrams are counted by a 64-bit hash of their three token ids (a collision
    /// among a corpus's trigrams is negligibly likely).
    double distinct3 = 0.0;
    std::uint64_t bigrams = 0;  ///< total bigrams
    std::uint64_t trigrams = 0; ///< total trigrams
    /// Samples whose normalised text (normalizeForDuplicate) equals an earlier sample's,
    /// over samples: (samples − distinct normalised texts) / samples.
    double exactDuplicateRate = 0.0;
    std::size_t exactDuplicates = 0;
    /// Label counts over samples with a non-empty label; labelEntropyBits is the Shannon
    /// entropy of that distribution (0 for one label or none).
    std::map<std::string, std::uint64_t> labelCounts;
    double labelEntropyBits = 0.0;
    std::size_t labelledSamples = 0;

    std::vector<std::uint32_t> lengthTokens;                       ///< per sample
    std::unordered_map<std::uint32_t, std::uint64_t> unigrams;     ///< token id → count
    std::unordered_map<std::uint64_t, std::uint64_t> bigramCounts; ///< (id1 << 32 | id2) → count
};

/// Profiles a tokenized corpus. labels may be empty (no label field mapped) or have one entry
/// per document (empty string = unlabelled).
/// Throws std::invalid_argument when labels is non-empty and its size differs from the corpus;
/// throws Cancelled when progress asks to stop.
CorpusProfile profileCorpus(const TokenizedCorpus& corpus, std::span<const std::string> labels,
                            const Progress& progress = {});

/// Shannon entropy in bits of a count distribution; 0 for an empty one.
double entropyBits(std::span<const double> counts);

/// Packs a bigram of token ids into one key (first id in the high 32 bits).
constexpr std::uint64_t bigramKey(std::uint32_t a, std::uint32_t b) {
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

} // namespace synthscope::analysis
