#include "analysis/MinHash.h"

#include "analysis/Parallel.h"
#include "analysis/Tokenizer.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace synthscope::analysis {

std::vector<std::uint64_t> shingleHashesOfTokenHashes(std::span<const std::uint64_t> tokenHash,
                                                      std::size_t k) {
    std::vector<std::uint64_t> out;
    if (tokenHash.empty() || k == 0)
        return out;
    const std::size_t width = std::min(k, tokenHash.size());
    out.reserve(tokenHash.size() - width + 1);
    for (std::size_t i = 0; i + width <= tokenHash.size(); ++i) {
        std::uint64_t h = 0xcbf29ce484222325ULL ^ width;
        for (std::size_t j = i; j < i + width; ++j)
            h = splitmix64(h ^ tokenHash[j]);
        out.push_back(h);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::uint64_t> shingleHashes(std::span<const std::string> tokens, std::size_t k) {
    std::vector<std::uint64_t> tokenHash;
    tokenHash.reserve(tokens.size());
    for (const auto& t : tokens)
        tokenHash.push_back(fnv1a64(t));
    return shingleHashesOfTokenHashes(tokenHash, k);
}

std::vector<std::uint64_t> shingleHashes(std::span<const std::uint32_t> tokenIds, std::size_t k) {
    std::vector<std::uint64_t> tokenHash;
    tokenHash.reserve(tokenIds.size());
    for (const auto id : tokenIds)
        tokenHash.push_back(splitmix64(id));
    return shingleHashesOfTokenHashes(tokenHash, k);
}

double jaccard(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
    if (a.empty() && b.empty())
        return 1.0;
    std::size_t i = 0;
    std::size_t j = 0;
    std::size_t common = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            ++common;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::vector<std::uint64_t> minhashSignature(std::span<const std::uint64_t> shingles,
                                            const MinHashParams& params) {
    // Permutation p maps x to a_p·x + b_p (mod 2^64) with odd a_p: a bijection of the 64-bit
    // space, applied to the mixed shingle hash; the seeds come from splitmix64.
    std::vector<std::uint64_t> a(params.permutations);
    std::vector<std::uint64_t> b(params.permutations);
    for (std::size_t p = 0; p < params.permutations; ++p) {
        a[p] = splitmix64(params.seed * 0x100000001b3ULL + 2 * p) | 1ULL;
        b[p] = splitmix64(params.seed * 0x100000001b3ULL + 2 * p + 1);
    }
    std::vector<std::uint64_t> sig(params.permutations, std::numeric_limits<std::uint64_t>::max());
    for (std::uint64_t s : shingles) {
        const std::uint64_t x = splitmix64(s);
        for (std::size_t p = 0; p < params.permutations; ++p)
            sig[p] = std::min(sig[p], a[p] * x + b[p]);
    }
    return sig;
}

UnionFind::UnionFind(std::size_t n)
    : m_parent(n)
    , m_size(n, 1) {
    std::iota(m_parent.begin(), m_parent.end(), 0u);
}

std::uint32_t UnionFind::find(std::uint32_t x) {
    while (m_parent[x] != x) {
        m_parent[x] = m_parent[m_parent[x]];
        x = m_parent[x];
    }
    return x;
}

void UnionFind::unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b)
        return;
    if (m_size[a] < m_size[b])
        std::swap(a, b);
    m_parent[b] = a;
    m_size[a] += m_size[b];
}

namespace {

// MinHash signatures of every set, in parallel; progress runs to `share` of its range.
std::vector<std::vector<std::uint64_t>>
signaturesOf(const std::vector<std::vector<std::uint64_t>>& sets, const MinHashParams& params,
             const Progress& progress, double share) {
    if (params.bands == 0 || params.permutations % params.bands != 0)
        throw std::invalid_argument("MinHash LSH: bands must divide permutations");
    const std::size_t n = sets.size();
    std::vector<std::vector<std::uint64_t>> signatures(n);
    const Progress cancel = progress.cancelOnly();
    parallelFor(n, [&](std::size_t begin, std::size_t end, std::size_t worker) {
        for (std::size_t i = begin; i < end; ++i) {
            if (i % 2048 == 0)
                (worker == 0 ? progress : cancel)
                    .report(share * static_cast<double>(i - begin) /
                                static_cast<double>(std::max<std::size_t>(end - begin, 1)),
                            "MinHash");
            signatures[i] = minhashSignature(sets[i], params);
        }
    });
    return signatures;
}

// The LSH key of one band of a signature (its rows hashed together with the band's number).
std::uint64_t bandKey(const std::vector<std::uint64_t>& signature, std::size_t band,
                      std::size_t rows) {
    std::uint64_t key = band;
    for (std::size_t r = 0; r < rows; ++r)
        key = splitmix64(key ^ signature[band * rows + r]);
    return key;
}

// Buckets of one band: key → members in index order (empty sets left out).
std::unordered_map<std::uint64_t, std::vector<std::uint32_t>>
bandBuckets(const std::vector<std::vector<std::uint64_t>>& sets,
            const std::vector<std::vector<std::uint64_t>>& signatures, std::size_t band,
            std::size_t rows) {
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> buckets;
    buckets.reserve(sets.size());
    for (std::size_t i = 0; i < sets.size(); ++i)
        if (!sets[i].empty())
            buckets[bandKey(signatures[i], band, rows)].push_back(static_cast<std::uint32_t>(i));
    return buckets;
}

} // namespace

std::vector<std::uint32_t> nearDuplicateGroups(const std::vector<std::vector<std::uint64_t>>& sets,
                                               const MinHashParams& params,
                                               const Progress& progress) {
    const std::size_t n = sets.size();
    const std::vector<std::vector<std::uint64_t>> signatures =
        signaturesOf(sets, params, progress, 0.7);
    const std::size_t rows = params.permutations / params.bands;
    UnionFind uf(n);
    // Equal sets first: the bucket scan below compares each member with two others only, so
    // two equal sets separated in every band by members they do not match would stay apart.
    {
        std::unordered_map<std::uint64_t, std::uint32_t> firstWith;
        firstWith.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            if (sets[i].empty())
                continue;
            std::uint64_t key = sets[i].size();
            for (const std::uint64_t x : sets[i])
                key = splitmix64(key ^ x);
            const auto [it, fresh] = firstWith.emplace(key, static_cast<std::uint32_t>(i));
            if (!fresh && sets[it->second] == sets[i])
                uf.unite(it->second, static_cast<std::uint32_t>(i));
        }
    }
    for (std::size_t band = 0; band < params.bands; ++band) {
        progress.report(0.7 + 0.3 * static_cast<double>(band) / static_cast<double>(params.bands),
                        "LSH");
        for (const auto& [key, members] : bandBuckets(sets, signatures, band, rows)) {
            for (std::size_t m = 1; m < members.size(); ++m) {
                const std::uint32_t x = members[m];
                for (const std::uint32_t y : {members[0], members[m - 1]})
                    if (uf.find(x) != uf.find(y) && jaccard(sets[x], sets[y]) >= params.threshold)
                        uf.unite(x, y);
            }
        }
    }
    // Representative = smallest index of the group.
    std::vector<std::uint32_t> smallest(n, std::numeric_limits<std::uint32_t>::max());
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t root = uf.find(static_cast<std::uint32_t>(i));
        smallest[root] = std::min(smallest[root], static_cast<std::uint32_t>(i));
    }
    std::vector<std::uint32_t> group(n);
    for (std::size_t i = 0; i < n; ++i)
        group[i] = smallest[uf.find(static_cast<std::uint32_t>(i))];
    progress.report(1.0, "LSH");
    return group;
}

std::vector<std::uint32_t> starGroups(const std::vector<std::vector<std::uint64_t>>& sets,
                                      std::span<const std::uint32_t> weights,
                                      const StarParams& params, const Progress& progress) {
    constexpr std::uint32_t kFree = std::numeric_limits<std::uint32_t>::max();
    const std::size_t n = sets.size();
    if (!weights.empty() && weights.size() != n)
        throw std::invalid_argument("starGroups: weights and sets differ in size");
    if (n >= kFree)
        throw std::invalid_argument("starGroups: more than 2^32 − 2 sets");
    const MinHashParams& mh = params.minhash;
    const std::size_t rows = mh.permutations / mh.bands;
    const auto weight = [&](std::uint32_t i) -> double {
        return weights.empty() ? 1.0 : static_cast<double>(weights[i]);
    };
    std::vector<std::vector<std::uint64_t>> keys(mh.bands); // per band and item: bucket key
    {
        const std::vector<std::vector<std::uint64_t>> signatures =
            signaturesOf(sets, mh, progress, 0.3);
        for (std::size_t band = 0; band < mh.bands; ++band) {
            keys[band].resize(n);
            for (std::size_t i = 0; i < n; ++i)
                keys[band][i] = bandKey(signatures[i], band, rows);
        }
    }

    // Per band: the non-empty items sorted by bucket key (then index), so a bucket is a run.
    // Each item's score: its own weight − 1 plus, averaged over the bands, the weight of the
    // others in its bucket — the LSH estimate of Σ_j w_j · P(i and j collide in a band), and
    // P = J^rows, so similar items weigh most.
    std::vector<std::vector<std::uint32_t>> sorted(mh.bands);
    std::vector<double> colliding(n, 0.0);
    for (std::size_t band = 0; band < mh.bands; ++band) {
        progress.report(0.3 + 0.3 * static_cast<double>(band) / static_cast<double>(mh.bands),
                        "LSH buckets");
        auto& order = sorted[band];
        for (std::uint32_t i = 0; i < n; ++i)
            if (!sets[i].empty())
                order.push_back(i);
        const auto& key = keys[band];
        std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
            return key[x] != key[y] ? key[x] < key[y] : x < y;
        });
        for (std::size_t from = 0; from < order.size();) {
            std::size_t to = from + 1;
            double total = weight(order[from]);
            for (; to < order.size() && key[order[to]] == key[order[from]]; ++to)
                total += weight(order[to]);
            for (std::size_t r = from; r < to; ++r)
                colliding[order[r]] += total - weight(order[r]);
            from = to;
        }
    }
    std::vector<double> score(n, 0.0);
    for (std::uint32_t i = 0; i < n; ++i)
        score[i] = weight(i) - 1.0 + colliding[i] / static_cast<double>(mh.bands);

    // Star clustering: the free item of highest score becomes a centre and takes every free
    // member of its buckets (comparing up to centreScan of them) whose Jaccard with it reaches
    // the threshold; then the next, and so on. Taken members are skipped by a "next candidate"
    // pointer per band position (path halving), so a centre in a bucket of taken ones does not
    // walk over them again and again.
    std::vector<std::vector<std::uint32_t>> next(mh.bands);
    for (std::size_t band = 0; band < mh.bands; ++band) {
        next[band].resize(sorted[band].size() + 1);
        std::iota(next[band].begin(), next[band].end(), 0u);
    }
    const auto candidate = [&](std::vector<std::uint32_t>& skip, std::uint32_t p) {
        while (skip[p] != p) {
            skip[p] = skip[skip[p]];
            p = skip[p];
        }
        return p;
    };
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return score[a] > score[b]; });
    std::vector<std::uint32_t> centre(n, kFree);
    for (std::size_t k = 0; k < n; ++k) {
        if (k % 4096 == 0)
            progress.report(0.6 + 0.4 * static_cast<double>(k) / static_cast<double>(n),
                            "star clustering");
        const std::uint32_t c = order[k];
        if (centre[c] != kFree)
            continue;
        centre[c] = c;
        if (colliding[c] == 0.0)
            continue; // alone in every bucket
        std::size_t compared = 0;
        for (std::size_t band = 0; band < mh.bands && compared < params.centreScan; ++band) {
            const auto& in = sorted[band];
            const auto& key = keys[band];
            auto& skip = next[band];
            // The bucket is the run of c's key in the key-sorted order.
            auto p = static_cast<std::uint32_t>(
                std::partition_point(in.begin(), in.end(),
                                     [&](std::uint32_t x) { return key[x] < key[c]; }) -
                in.begin());
            for (p = candidate(skip, p);
                 p < in.size() && key[in[p]] == key[c] && compared < params.centreScan;
                 p = candidate(skip, p + 1)) {
                const std::uint32_t j = in[p];
                if (centre[j] == kFree) {
                    ++compared;
                    if (jaccard(sets[c], sets[j]) < mh.threshold)
                        continue;
                    centre[j] = c;
                }
                skip[p] = p + 1; // taken: never a candidate again
            }
        }
    }
    progress.report(1.0, "star clustering");
    return centre;
}

} // namespace synthscope::analysis
