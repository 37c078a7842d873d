#include "analysis/Similarity.h"

#include "analysis/Statistics.h"

#include "analysis/Divergence.h"
#include "analysis/Parallel.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <future>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace synthscope::analysis {

namespace {

constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();

class Laps {
public:
    explicit Laps(std::vector<std::pair<std::string, double>>& out)
        : m_out(out) {}
    void lap(const char* stage) {
        const auto now = std::chrono::steady_clock::now();
        m_out.emplace_back(stage, std::chrono::duration<double>(now - m_last).count());
        m_last = now;
    }

private:
    std::vector<std::pair<std::string, double>>& m_out;
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

// Exact groups (equal normalised-text hash) and verified MinHash near-duplicate pairs, joined
// by one union-find; groups of two or more, largest first.
void findDuplicates(std::span<const TokenizedCorpus> corpora, const std::vector<bool>& synthetic,
                    const std::vector<std::uint32_t>& corpusOf, const SimilarityParams& params,
                    const Progress& progress, SimilarityResult& r) {
    const std::size_t n = corpusOf.size();
    std::vector<std::uint64_t> hashes;
    std::vector<std::span<const std::uint32_t>> docs;
    hashes.reserve(n);
    docs.reserve(n);
    for (const auto& c : corpora)
        for (std::size_t d = 0; d < c.size(); ++d) {
            hashes.push_back(c.hashes[d]);
            docs.push_back(c.doc(d));
        }
    std::vector<std::vector<std::uint64_t>> shingles(n);
    const Progress cancel = progress.cancelOnly();
    parallelFor(n, [&](std::size_t begin, std::size_t end, std::size_t worker) {
        for (std::size_t i = begin; i < end; ++i) {
            if (i % 4096 == 0)
                (worker == 0 ? progress : cancel).report(0.0, "shingles");
            shingles[i] = shingleHashes(docs[i], params.shingleSize);
        }
    });
    const std::vector<std::uint32_t> near =
        nearDuplicateGroups(shingles, params.minhash, progress.sub(0.1, 0.9));
    shingles = {};
    UnionFind uf(n);
    std::unordered_map<std::uint64_t, std::uint32_t> firstWithHash;
    firstWithHash.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        auto [it, inserted] = firstWithHash.try_emplace(hashes[i], i);
        if (!inserted)
            uf.unite(it->second, i);
        if (near[i] != i)
            uf.unite(near[i], i);
    }
    if (!params.duplicateClusters.empty()) {
        // The groups Synthscope found itself, before the engine's ids join more: what the
        // comparisons with the real side use (see duplicateGroupOfOwn).
        std::vector<std::uint32_t> size(n, 0);
        r.duplicateGroupOfOwn.resize(n);
        for (std::uint32_t i = 0; i < n; ++i)
            ++size[r.duplicateGroupOfOwn[i] = uf.find(i)];
        for (std::uint32_t i = 0; i < n; ++i)
            if (size[r.duplicateGroupOfOwn[i]] < 2)
                r.duplicateGroupOfOwn[i] = kNone;
        std::unordered_map<std::uint32_t, std::uint32_t> firstInCluster;
        for (std::uint32_t i = 0; i < n; ++i) {
            const std::uint32_t cluster = params.duplicateClusters[i];
            if (cluster == kNone)
                continue;
            ++r.corpora[corpusOf[i]].importedClusterIds;
            auto [it, inserted] = firstInCluster.try_emplace(cluster, i);
            if (!inserted)
                uf.unite(it->second, i);
        }
    }
    std::vector<std::uint32_t> rootOf(n);
    std::vector<std::uint32_t> groupSize(n, 0);
    for (std::uint32_t i = 0; i < n; ++i)
        ++groupSize[rootOf[i] = uf.find(i)];
    std::unordered_map<std::uint32_t, std::size_t> groupOfRoot;
    for (std::uint32_t i = 0; i < n; ++i) { // ascending, so members come out sorted
        if (groupSize[rootOf[i]] < 2)
            continue;
        auto [it, inserted] = groupOfRoot.try_emplace(rootOf[i], r.duplicateGroups.size());
        if (inserted)
            r.duplicateGroups.emplace_back();
        DuplicateGroup& g = r.duplicateGroups[it->second];
        g.members.push_back(i);
        (synthetic[corpusOf[i]] ? g.synthetic : g.real) += 1;
    }
    for (DuplicateGroup& g : r.duplicateGroups)
        g.exact = std::all_of(g.members.begin(), g.members.end(),
                              [&](std::uint32_t m) { return hashes[m] == hashes[g.members[0]]; });
    std::sort(r.duplicateGroups.begin(), r.duplicateGroups.end(), [](const auto& a, const auto& b) {
        return a.members.size() != b.members.size() ? a.members.size() > b.members.size()
                                                    : a.members[0] < b.members[0];
    });
    r.duplicateGroupOf.assign(n, kNone);
    for (std::uint32_t g = 0; g < r.duplicateGroups.size(); ++g) {
        std::vector<std::size_t> perCorpus(corpora.size(), 0);
        for (auto m : r.duplicateGroups[g].members) {
            r.duplicateGroupOf[m] = g;
            ++perCorpus[corpusOf[m]];
        }
        for (std::size_t c = 0; c < corpora.size(); ++c)
            if (perCorpus[c] > 1)
                r.corpora[c].nearDuplicates += perCorpus[c] - 1;
    }
    for (std::size_t c = 0; c < corpora.size(); ++c)
        r.corpora[c].nearDuplicateRate = corpora[c].size() == 0
                                             ? 0.0
                                             : static_cast<double>(r.corpora[c].nearDuplicates) /
                                                   static_cast<double>(corpora[c].size());

    // Across roles.
    std::unordered_map<std::uint64_t, bool> realHashes;
    std::size_t syntheticDocs = 0;
    for (std::uint32_t i = 0; i < n; ++i)
        if (!synthetic[corpusOf[i]])
            realHashes.emplace(hashes[i], true);
    SimilarityComparison& cmp = *r.comparison;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (!synthetic[corpusOf[i]])
            continue;
        ++syntheticDocs;
        if (realHashes.contains(hashes[i]))
            ++cmp.crossExactDuplicates;
        const std::uint32_t g = r.duplicateGroupOf[i];
        if (g != kNone && r.duplicateGroups[g].real > 0)
            ++cmp.crossNearDuplicates;
    }
    const double s = static_cast<double>(std::max<std::size_t>(syntheticDocs, 1));
    cmp.crossExactDuplicateRate = static_cast<double>(cmp.crossExactDuplicates) / s;
    cmp.crossNearDuplicateRate = static_cast<double>(cmp.crossNearDuplicates) / s;
}

} // namespace

std::vector<std::vector<std::string>>
clusterTerms(std::span<const TokenizedCorpus> corpora, const Vocabulary& vocab,
             std::span<const std::uint32_t> assignment, std::size_t clusters, std::size_t n,
             std::size_t minCount, const FunctionWords& stop) {
    // Stop words and punctuation never label a cluster (decided once per vocabulary entry).
    auto labelWorthy = [&](std::uint32_t id) {
        const std::string& w = vocab.word(id);
        const bool hasWordCharacter = std::any_of(w.begin(), w.end(), [](char ch) {
            const auto u = static_cast<unsigned char>(ch);
            return u >= 0x80 || std::isalnum(u) != 0; // any non-ASCII byte: a letter of a script
        });
        return hasWordCharacter && !stop.contains(w);
    };
    std::unordered_map<std::uint32_t, bool> worthy;
    std::vector<std::unordered_map<std::uint32_t, std::uint32_t>> tf(clusters);
    std::vector<double> tokens(clusters, 0.0);
    std::unordered_map<std::uint32_t, double> total;
    std::size_t index = 0;
    for (const auto& c : corpora)
        for (std::size_t d = 0; d < c.size(); ++d, ++index) {
            const std::uint32_t k = assignment[index];
            for (auto id : c.doc(d)) {
                ++tf[k][id];
                total[id] += 1.0;
            }
            tokens[k] += static_cast<double>(c.doc(d).size());
        }
    const double meanTokens =
        std::accumulate(tokens.begin(), tokens.end(), 0.0) / static_cast<double>(clusters);
    std::vector<std::vector<std::string>> out(clusters);
    for (std::size_t k = 0; k < clusters; ++k) {
        std::vector<std::pair<double, std::uint32_t>> scored;
        for (const auto& [id, count] : tf[k]) {
            if (count < minCount)
                continue;
            auto [it, fresh] = worthy.try_emplace(id, false);
            if (fresh)
                it->second = labelWorthy(id);
            if (!it->second)
                continue;
            const double w = static_cast<double>(count) / std::max(tokens[k], 1.0) *
                             std::log(1.0 + meanTokens / total[id]);
            scored.emplace_back(w, id);
        }
        const std::size_t top = std::min(n, scored.size());
        std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(top),
                          scored.end(), [&](const auto& a, const auto& b) {
                              return a.first != b.first
                                         ? a.first > b.first
                                         : vocab.word(a.second) < vocab.word(b.second);
                          });
        for (std::size_t t = 0; t < top; ++t)
            out[k].push_back(vocab.word(scored[t].second));
    }
    return out;
}

SimilarityResult analyzeSimilarity(std::span<const TokenizedCorpus> corpora,
                                   const std::vector<bool>& synthetic, const Vocabulary& vocab,
                                   const SimilarityParams& params, const Progress& progress) {
    SimilarityResult r;
    Laps laps(r.stageSeconds);
    std::vector<std::uint32_t> corpusOf;
    for (std::size_t c = 0; c < corpora.size(); ++c)
        corpusOf.insert(corpusOf.end(), corpora[c].size(), static_cast<std::uint32_t>(c));
    const std::size_t n = corpusOf.size();
    if (!params.duplicateClusters.empty() && params.duplicateClusters.size() != n)
        throw std::invalid_argument("analyzeSimilarity: duplicateClusters does not have one entry "
                                    "per document");
    r.corpora.resize(corpora.size());
    r.comparison.emplace();
    std::size_t realCount = 0;
    for (auto c : corpusOf)
        realCount += synthetic[c] ? 0 : 1;
    const std::size_t syntheticCount = n - realCount;

    findDuplicates(corpora, synthetic, corpusOf, params, progress.sub(0.0, 0.2), r);
    laps.lap("near-duplicates");

    // Embeddings.
    if (!params.embeddings.empty()) {
        if (params.embeddingDimension == 0 ||
            params.embeddings.size() != n * params.embeddingDimension)
            throw std::invalid_argument("analyzeSimilarity: the embeddings do not have one row of "
                                        "the given dimension per document");
        r.embeddings =
            Eigen::Map<const RowMatrixXf>(params.embeddings.data(), static_cast<Eigen::Index>(n),
                                          static_cast<Eigen::Index>(params.embeddingDimension));
        normalizeRows(r.embeddings);
        r.embeddingSource = params.embeddingSource;
    } else {
        std::vector<const TokenizedCorpus*> pointers;
        for (const auto& c : corpora)
            pointers.push_back(&c);
        r.embeddings = embedTfIdfSvd(pointers, params.embedding, progress.sub(0.2, 0.45));
        r.embeddingSource = "tfidf-svd";
    }
    laps.lap("embeddings");
    if (n == 0) {
        r.comparison.reset();
        return r;
    }

    // Nearest neighbours: an index per corpus (own-corpus neighbours) and one per role
    // (neighbours of the other role: one search per sample however many corpora there are);
    // a role with a single corpus reuses that corpus's index. Each search is exact within
    // params.hnsw.exactPairs, else HNSW (NeighbourIndex).
    std::vector<std::vector<std::uint32_t>> members(corpora.size());
    std::vector<std::uint32_t> roleMembers[2];
    for (std::uint32_t i = 0; i < n; ++i) {
        members[corpusOf[i]].push_back(i);
        roleMembers[synthetic[corpusOf[i]] ? 1 : 0].push_back(i);
    }
    std::vector<std::unique_ptr<NeighbourIndex>> indices;
    for (std::size_t c = 0; c < corpora.size(); ++c)
        indices.push_back(std::make_unique<NeighbourIndex>(r.embeddings, members[c], params.hnsw));
    std::unique_ptr<NeighbourIndex> ownRoleIndex[2];
    NeighbourIndex* roleIndex[2] = {nullptr, nullptr};
    for (int role = 0; role < 2; ++role) {
        std::size_t corporaOfRole = 0;
        std::size_t only = 0;
        for (std::size_t c = 0; c < corpora.size(); ++c)
            if ((synthetic[c] ? 1 : 0) == role && !members[c].empty()) {
                ++corporaOfRole;
                only = c;
            }
        if (corporaOfRole == 1) {
            roleIndex[role] = indices[only].get();
        } else if (corporaOfRole > 1) {
            ownRoleIndex[role] =
                std::make_unique<NeighbourIndex>(r.embeddings, roleMembers[role], params.hnsw);
            roleIndex[role] = ownRoleIndex[role].get();
        }
    }
    r.nnOwn.assign(n, kNaNf);
    r.nnOther.assign(n, kNaNf);
    r.realNeighbours.assign(n, {});
    // Progress over the searches in proportion to the pairs they compare.
    const double totalPairs = [&] {
        double t = 0.0;
        for (const auto& m : members)
            t += static_cast<double>(m.size()) * static_cast<double>(m.size());
        return t + 2.0 * static_cast<double>(realCount) * static_cast<double>(syntheticCount);
    }();
    double done = 0.0;
    const auto searchProgress = [&](double pairs) {
        const double from = 0.45 + 0.2 * done / std::max(totalPairs, 1.0);
        done += pairs;
        return progress.sub(from, 0.45 + 0.2 * done / std::max(totalPairs, 1.0));
    };
    for (std::size_t c = 0; c < corpora.size(); ++c) {
        const auto size = static_cast<double>(members[c].size());
        r.ownNeighboursExact =
            r.ownNeighboursExact && indices[c]->searchesExactly(members[c].size());
        const auto found = indices[c]->searchWithin(1, searchProgress(size * size));
        for (std::size_t i = 0; i < members[c].size(); ++i)
            if (!found[i].empty())
                r.nnOwn[members[c][i]] = found[i][0].cosine;
    }
    if (roleIndex[0] != nullptr && roleIndex[1] != nullptr) {
        // Real samples' nearest synthetic one and synthetic samples' nearest real ones, from
        // one set of products while both are exact.
        NeighbourIndex& real = *roleIndex[0];
        NeighbourIndex& synth = *roleIndex[1];
        r.otherNeighboursExact = r.otherNeighboursExact && synth.searchesExactly(real.size()) &&
                                 real.searchesExactly(synth.size());
        auto [ofReal, ofSynthetic] =
            searchBetween(real, synth, 1, std::max<std::size_t>(params.reviewNeighbours, 1),
                          searchProgress(2.0 * static_cast<double>(realCount) *
                                         static_cast<double>(syntheticCount)));
        for (std::size_t i = 0; i < ofReal.size(); ++i)
            if (!ofReal[i].empty())
                r.nnOther[real.members()[i]] = ofReal[i][0].cosine;
        for (std::size_t i = 0; i < ofSynthetic.size(); ++i) {
            const std::uint32_t sample = synth.members()[i];
            if (!ofSynthetic[i].empty())
                r.nnOther[sample] = ofSynthetic[i][0].cosine;
            ofSynthetic[i].resize(std::min(ofSynthetic[i].size(), params.reviewNeighbours));
            r.realNeighbours[sample] = std::move(ofSynthetic[i]);
        }
    }
    ownRoleIndex[0].reset();
    ownRoleIndex[1].reset();
    indices.clear();
    laps.lap("neighbours");

    // Per-corpus self-similarity and Vendi scores.
    const std::size_t bins = std::max<std::size_t>(params.nnHistogramBins, 1);
    for (std::size_t c = 0; c < corpora.size(); ++c) {
        CorpusSimilarity& cs = r.corpora[c];
        cs.nnHistogram.assign(bins, 0);
        std::size_t counted = 0;
        std::size_t above = 0;
        double sum = 0.0;
        for (auto i : members[c]) {
            const float v = r.nnOwn[i];
            if (std::isnan(v))
                continue;
            ++counted;
            sum += v;
            above += v >= params.nnThreshold ? 1 : 0;
            const auto bin = static_cast<std::size_t>(std::clamp(static_cast<double>(v), 0.0, 1.0) *
                                                      static_cast<double>(bins));
            ++cs.nnHistogram[std::min(bin, bins - 1)];
        }
        if (counted > 0) {
            cs.nnSimilarityRatio = static_cast<double>(above) / static_cast<double>(counted);
            cs.meanNnSimilarity = sum / static_cast<double>(counted);
        }
        RowMatrixXf rows(static_cast<Eigen::Index>(members[c].size()), r.embeddings.cols());
        for (std::size_t k = 0; k < members[c].size(); ++k)
            rows.row(static_cast<Eigen::Index>(k)) = r.embeddings.row(members[c][k]);
        cs.vendiScore = vendiScore(rows);
    }
    laps.lap("vendi");
    progress.report(0.7, "clusters");

    // Clusters over the joint embeddings.
    const std::size_t k = params.clusters > 0 ? params.clusters : defaultClusterCount(n);
    KMeansParams kp = params.kmeans;
    const KMeansResult km = kmeans(r.embeddings, k, kp, progress.sub(0.7, 0.8));
    r.cluster = km.assignment;
    const std::size_t kk = static_cast<std::size_t>(km.centroids.rows());
    r.clusters.assign(kk, {});
    std::vector<double> nnSum(kk, 0.0);
    std::vector<std::size_t> nnCount(kk, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        ClusterInfo& ci = r.clusters[r.cluster[i]];
        ++ci.size;
        (synthetic[corpusOf[i]] ? ci.synthetic : ci.real) += 1;
        if (!std::isnan(r.nnOwn[i])) {
            nnSum[r.cluster[i]] += r.nnOwn[i];
            ++nnCount[r.cluster[i]];
        }
    }
    const auto terms = clusterTerms(corpora, vocab, r.cluster, kk, params.clusterLabelTerms);
    std::vector<double> realShares(kk);
    std::vector<double> syntheticShares(kk);
    for (std::size_t c = 0; c < kk; ++c) {
        ClusterInfo& ci = r.clusters[c];
        ci.terms = terms[c];
        ci.meanNnSimilarity = nnCount[c] > 0 ? nnSum[c] / static_cast<double>(nnCount[c]) : 0.0;
        if (realCount > 0 && syntheticCount > 0 && ci.size > 0) {
            const double share = static_cast<double>(ci.synthetic) / static_cast<double>(ci.size);
            if (share >= params.clusterFlagShare)
                ci.flag = ClusterFlag::SyntheticOnly;
            else if (1.0 - share >= params.clusterFlagShare)
                ci.flag = ClusterFlag::RealOnly;
        }
        realShares[c] = static_cast<double>(ci.real);
        syntheticShares[c] = static_cast<double>(ci.synthetic);
    }
    laps.lap("clusters");

    // 2-D layout: the first two principal components.
    {
        const PcaBasis basis = pca(r.embeddings, 1.0, 2, 2);
        r.layout = (r.embeddings.rowwise() - basis.mean) * basis.basis;
        if (r.layout.cols() < 2) {
            RowMatrixXf padded = RowMatrixXf::Zero(r.layout.rows(), 2);
            padded.leftCols(r.layout.cols()) = r.layout;
            r.layout = std::move(padded);
        }
    }
    laps.lap("layout");

    r.syntheticLikeness.assign(n, std::numeric_limits<double>::quiet_NaN());
    if (realCount == 0 || syntheticCount == 0) {
        r.comparison.reset();
        progress.report(1.0, "done");
        return r;
    }
    SimilarityComparison& cmp = *r.comparison;
    cmp.jsClusterShare = jensenShannonDivergence(realShares, syntheticShares);

    // MAUVE on the second core while detectability runs here.
    RowMatrixXf realRows(static_cast<Eigen::Index>(realCount), r.embeddings.cols());
    RowMatrixXf syntheticRows(static_cast<Eigen::Index>(syntheticCount), r.embeddings.cols());
    {
        Eigen::Index a = 0;
        Eigen::Index b = 0;
        for (std::uint32_t i = 0; i < n; ++i)
            (synthetic[corpusOf[i]] ? syntheticRows.row(b++) : realRows.row(a++)) =
                r.embeddings.row(i);
    }
    double mauveSeconds = 0.0;
    auto mauveTask = std::async(std::launch::async, [&, cancelOnly = progress.cancelOnly()]() {
        const auto start = std::chrono::steady_clock::now();
        MauveResult m = mauve(realRows, syntheticRows, params.mauve, cancelOnly);
        mauveSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return m;
    });
    std::vector<std::uint8_t> labels(n);
    for (std::uint32_t i = 0; i < n; ++i)
        labels[i] = synthetic[corpusOf[i]] ? 1 : 0;
    try {
        if (realCount >= params.detectabilityFolds && syntheticCount >= params.detectabilityFolds) {
            const CrossValidation cv =
                crossValidateLogistic(r.embeddings, labels, params.detectabilityFolds,
                                      params.logistic, progress.sub(0.8, 0.98));
            cmp.detectabilityAuc = cv.meanAuc;
            cmp.detectabilityAucStd = cv.stdAuc;
            cmp.detectabilityFoldAuc = cv.foldAuc;
            r.syntheticLikeness = cv.outOfFold;
        } else {
            cmp.detectabilityAuc = std::numeric_limits<double>::quiet_NaN();
        }
    } catch (...) {
        mauveTask.wait();
        throw;
    }
    laps.lap("detectability");
    cmp.mauve = mauveTask.get();
    laps.lap("MAUVE (rest)");
    r.stageSeconds.emplace_back("MAUVE (alone, concurrent)", mauveSeconds);
    progress.report(1.0, "done");
    return r;
}

const char* clusterFlagName(ClusterFlag flag) {
    switch (flag) {
    case ClusterFlag::SyntheticOnly:
        return "synthetic only";
    case ClusterFlag::RealOnly:
        return "real only";
    case ClusterFlag::None:
        break;
    }
    return "";
}

ClusterFlag parseClusterFlag(std::string_view name) {
    for (ClusterFlag f : {ClusterFlag::SyntheticOnly, ClusterFlag::RealOnly})
        if (name == clusterFlagName(f))
            return f;
    return ClusterFlag::None;
}

} // namespace synthscope::analysis
