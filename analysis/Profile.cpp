#include "analysis/Profile.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_set>

namespace synthscope::analysis {

double entropyBits(std::span<const double> counts) {
    double total = 0.0;
    for (double c : counts)
        total += c;
    if (total <= 0.0)
        return 0.0;
    double h = 0.0;
    for (double c : counts)
        if (c > 0.0) {
            const double p = c / total;
            h -= p * std::log2(p);
        }
    return h;
}

CorpusProfile profileCorpus(const TokenizedCorpus& corpus, std::span<const std::string> labels,
                            const Progress& progress) {
    const std::size_t n = corpus.size();
    if (!labels.empty() && labels.size() != n)
        throw std::invalid_argument("profileCorpus: labels must be empty or one per document");

    CorpusProfile p;
    p.samples = n;
    p.lengthTokens.reserve(n);
    std::unordered_set<std::uint64_t> seenHashes;
    std::unordered_set<std::uint64_t> trigramHashes;
    seenHashes.reserve(n);
    double charSum = 0.0;

    for (std::size_t i = 0; i < n; ++i) {
        if (i % 4096 == 0)
            progress.report(static_cast<double>(i) /
                                static_cast<double>(std::max<std::size_t>(n, 1)),
                            "profiling");
        const auto doc = corpus.doc(i);
        p.lengthTokens.push_back(static_cast<std::uint32_t>(doc.size()));
        p.tokens += doc.size();
        charSum += corpus.lengthChars[i];
        for (std::size_t t = 0; t < doc.size(); ++t) {
            ++p.unigrams[doc[t]];
            if (t + 1 < doc.size()) {
                ++p.bigramCounts[bigramKey(doc[t], doc[t + 1])];
                ++p.bigrams;
            }
            if (t + 2 < doc.size()) {
                trigramHashes.insert(
                    splitmix64(bigramKey(doc[t], doc[t + 1]) ^ splitmix64(doc[t + 2])));
                ++p.trigrams;
            }
        }
        if (!seenHashes.insert(corpus.hashes[i]).second)
            ++p.exactDuplicates;
        if (!labels.empty() && !labels[i].empty()) {
            ++p.labelCounts[labels[i]];
            ++p.labelledSamples;
        }
    }

    if (n > 0) {
        const double dn = static_cast<double>(n);
        p.meanLengthTokens = static_cast<double>(p.tokens) / dn;
        p.meanLengthChars = charSum / dn;
        p.exactDuplicateRate = static_cast<double>(p.exactDuplicates) / dn;
        std::vector<std::uint32_t> sorted = p.lengthTokens;
        std::sort(sorted.begin(), sorted.end());
        p.medianLengthTokens = n % 2 == 1 ? sorted[n / 2]
                                          : 0.5 * (static_cast<double>(sorted[n / 2 - 1]) +
                                                   static_cast<double>(sorted[n / 2]));
    }
    p.vocabularySize = p.unigrams.size();
    p.distinct1 = p.tokens == 0
                      ? 0.0
                      : static_cast<double>(p.unigrams.size()) / static_cast<double>(p.tokens);
    p.distinct2 = p.bigrams == 0
                      ? 0.0
                      : static_cast<double>(p.bigramCounts.size()) / static_cast<double>(p.bigrams);
    p.distinct3 = p.trigrams == 0
                      ? 0.0
                      : static_cast<double>(trigramHashes.size()) / static_cast<double>(p.trigrams);
    std::vector<double> labelValues;
    labelValues.reserve(p.labelCounts.size());
    for (const auto& [label, count] : p.labelCounts)
        labelValues.push_back(static_cast<double>(count));
    p.labelEntropyBits = entropyBits(labelValues);
    progress.report(1.0, "profiling");
    return p;
}

} // namespace synthscope::analysis
