#include "analysis/Compare.h"

#include <algorithm>
#include <map>

namespace synthscope::analysis {

namespace {

void mergeCounts(CorpusProfile& into, const CorpusProfile& from) {
    for (const auto& [k, v] : from.unigrams)
        into.unigrams[k] += v;
    for (const auto& [k, v] : from.bigramCounts)
        into.bigramCounts[k] += v;
    for (const auto& [k, v] : from.labelCounts)
        into.labelCounts[k] += v;
    into.labelledSamples += from.labelledSamples;
    into.samples += from.samples;
    into.lengthTokens.insert(into.lengthTokens.end(), from.lengthTokens.begin(),
                             from.lengthTokens.end());
}

std::unordered_map<std::string, std::uint64_t> ngramStrings(const CorpusProfile& p,
                                                            const Vocabulary& vocab) {
    std::unordered_map<std::string, std::uint64_t> out;
    out.reserve(p.unigrams.size() + p.bigramCounts.size());
    for (const auto& [id, c] : p.unigrams)
        out.emplace(vocab.word(id), c);
    for (const auto& [key, c] : p.bigramCounts) {
        const auto a = static_cast<std::uint32_t>(key >> 32);
        const auto b = static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
        out.emplace(vocab.word(a) + ' ' + vocab.word(b), c);
    }
    return out;
}

RealVsSynthetic compare(const CorpusProfile& real, const CorpusProfile& synthetic,
                        const Vocabulary& vocab, const AnalysisParams& params) {
    RealVsSynthetic r;
    r.realSamples = real.samples;
    r.syntheticSamples = synthetic.samples;
    r.lengthHistogram =
        sharedHistogram(real.lengthTokens, synthetic.lengthTokens, params.histogramBins);
    r.jsLengthTokens =
        jensenShannonDivergence(r.lengthHistogram.countsA, r.lengthHistogram.countsB);
    r.ksLengthTokens = kolmogorovSmirnov(real.lengthTokens, synthetic.lengthTokens);
    // A corpus of empty texts has no tokens; JS divergence is then undefined, report the
    // maximum (nothing in common).
    r.jsUnigram = real.unigrams.empty() || synthetic.unigrams.empty()
                      ? 1.0
                      : jensenShannonDivergence(real.unigrams, synthetic.unigrams);
    r.jsBigram = real.bigramCounts.empty() || synthetic.bigramCounts.empty()
                     ? 1.0
                     : jensenShannonDivergence(real.bigramCounts, synthetic.bigramCounts);

    std::map<std::string, double> total;
    for (const auto& [l, c] : real.labelCounts)
        total[l] += static_cast<double>(c);
    for (const auto& [l, c] : synthetic.labelCounts)
        total[l] += static_cast<double>(c);
    std::vector<std::pair<std::string, double>> ordered(total.begin(), total.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [label, count] : ordered) {
        r.labels.push_back(label);
        auto ir = real.labelCounts.find(label);
        auto is = synthetic.labelCounts.find(label);
        r.labelCountsReal.push_back(ir == real.labelCounts.end() ? 0.0
                                                                 : static_cast<double>(ir->second));
        r.labelCountsSynthetic.push_back(
            is == synthetic.labelCounts.end() ? 0.0 : static_cast<double>(is->second));
    }
    if (!real.labelCounts.empty() && !synthetic.labelCounts.empty())
        r.jsLabel = jensenShannonDivergence(r.labelCountsReal, r.labelCountsSynthetic);

    r.indicating =
        weightedLogOdds(ngramStrings(real, vocab), ngramStrings(synthetic, vocab), params.logOdds);
    return r;
}

} // namespace

AnalysisResult analyzeCorpora(std::span<const CorpusInput> corpora, const AnalysisParams& params,
                              const Progress& progress) {
    AnalysisResult result;
    Vocabulary vocab;
    std::vector<TokenizedCorpus> tokenized;
    tokenized.reserve(corpora.size());
    const double nc = static_cast<double>(std::max<std::size_t>(corpora.size(), 1));
    for (std::size_t i = 0; i < corpora.size(); ++i) {
        const Progress slice =
            progress.sub(0.4 * static_cast<double>(i) / nc, 0.4 * static_cast<double>(i + 1) / nc);
        tokenized.push_back(tokenizeCorpus(corpora[i].texts, vocab, slice.sub(0.0, 0.6)));
        result.corpora.push_back(
            profileCorpus(tokenized.back(), corpora[i].labels, slice.sub(0.6, 1.0)));
    }

    CorpusProfile real;
    CorpusProfile synthetic;
    TokenizedCorpus realDocs;
    TokenizedCorpus syntheticDocs;
    for (std::size_t i = 0; i < corpora.size(); ++i) {
        mergeCounts(corpora[i].synthetic ? synthetic : real, result.corpora[i]);
        (corpora[i].synthetic ? syntheticDocs : realDocs).append(tokenized[i]);
    }
    tokenized.clear();
    tokenized.shrink_to_fit();
    progress.report(0.45, "comparing");

    if (real.samples > 0 && synthetic.samples > 0) {
        result.comparison = compare(real, synthetic, vocab, params);
        progress.report(0.55, "comparing");
        result.syntheticToReal = tfidfNearestNeighbours(syntheticDocs, realDocs, vocab.size(),
                                                        params.neighbours, progress.sub(0.55, 1.0));
    }
    for (auto& p : result.corpora) {
        p.unigrams = {};
        p.bigramCounts = {};
    }
    progress.report(1.0, "done");
    return result;
}

} // namespace synthscope::analysis
