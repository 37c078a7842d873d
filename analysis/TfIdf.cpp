#include "analysis/TfIdf.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace synthscope::analysis {

namespace {

struct SparseVector {
    std::vector<std::uint32_t> terms;
    std::vector<float> weights;
};

SparseVector weigh(std::span<const std::uint32_t> doc, const std::vector<float>& idf,
                   bool sublinear) {
    std::unordered_map<std::uint32_t, std::uint32_t> tf;
    for (auto t : doc)
        ++tf[t];
    SparseVector v;
    v.terms.reserve(tf.size());
    v.weights.reserve(tf.size());
    double norm = 0.0;
    for (const auto& [term, count] : tf) {
        const double w =
            (sublinear ? 1.0 + std::log(static_cast<double>(count)) : static_cast<double>(count)) *
            idf[term];
        v.terms.push_back(term);
        v.weights.push_back(static_cast<float>(w));
        norm += w * w;
    }
    if (norm > 0.0) {
        const float inv = static_cast<float>(1.0 / std::sqrt(norm));
        for (auto& w : v.weights)
            w *= inv;
    }
    return v;
}

} // namespace

std::vector<std::vector<Neighbour>> tfidfNearestNeighbours(const TokenizedCorpus& queries,
                                                           const TokenizedCorpus& targets,
                                                           std::size_t vocabularySize,
                                                           const TfIdfParams& params,
                                                           const Progress& progress) {
    // Document frequencies over both corpora.
    std::vector<std::uint32_t> df(vocabularySize, 0);
    std::vector<std::uint32_t> lastSeen(vocabularySize, UINT32_MAX);
    auto countDf = [&](const TokenizedCorpus& c, std::uint32_t base) {
        for (std::size_t i = 0; i < c.size(); ++i)
            for (auto t : c.doc(i))
                if (lastSeen[t] != base + i) {
                    lastSeen[t] = static_cast<std::uint32_t>(base + i);
                    ++df[t];
                }
    };
    countDf(queries, 0);
    countDf(targets, static_cast<std::uint32_t>(queries.size()));
    const double n = static_cast<double>(queries.size() + targets.size());
    std::vector<float> idf(vocabularySize);
    for (std::size_t t = 0; t < vocabularySize; ++t)
        idf[t] = static_cast<float>(std::log((1.0 + n) / (1.0 + df[t])) + 1.0);
    progress.report(0.05, "TF-IDF");

    // Inverted index over the targets.
    struct Posting {
        std::uint32_t doc;
        float weight;
    };
    std::vector<std::vector<Posting>> postings(vocabularySize);
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const SparseVector v = weigh(targets.doc(i), idf, params.sublinearTf);
        for (std::size_t j = 0; j < v.terms.size(); ++j)
            postings[v.terms[j]].push_back({static_cast<std::uint32_t>(i), v.weights[j]});
    }
    progress.report(0.15, "TF-IDF");

    std::vector<std::vector<Neighbour>> result(queries.size());
    std::vector<float> scores(targets.size(), 0.0f);
    std::vector<std::uint32_t> touched;
    for (std::size_t q = 0; q < queries.size(); ++q) {
        if (q % 512 == 0)
            progress.report(0.15 +
                                0.85 * static_cast<double>(q) / static_cast<double>(queries.size()),
                            "nearest neighbours");
        const SparseVector v = weigh(queries.doc(q), idf, params.sublinearTf);
        touched.clear();
        for (std::size_t j = 0; j < v.terms.size(); ++j)
            for (const Posting& p : postings[v.terms[j]]) {
                if (scores[p.doc] == 0.0f)
                    touched.push_back(p.doc);
                scores[p.doc] += v.weights[j] * p.weight;
            }
        auto better = [&](std::uint32_t a, std::uint32_t b) {
            return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
        };
        const std::size_t k = std::min(params.k, touched.size());
        std::partial_sort(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(k),
                          touched.end(), better);
        auto& out = result[q];
        out.reserve(k);
        for (std::size_t j = 0; j < k; ++j)
            out.push_back({touched[j], std::min(1.0f, scores[touched[j]])});
        for (auto d : touched)
            scores[d] = 0.0f;
    }
    progress.report(1.0, "nearest neighbours");
    return result;
}

} // namespace synthscope::analysis
