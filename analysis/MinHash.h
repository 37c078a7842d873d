#pragma once

#include "analysis/Progress.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace synthscope::analysis {

/// Sorted, de-duplicated 64-bit hashes of the k-token shingles (contiguous k-grams) of tokens
/// (Broder 1997). A sequence shorter than k gives one shingle of the whole sequence; an empty
/// one gives none. Hash: splitmix64 chained over the tokens' FNV-1a 64 hashes.
std::vector<std::uint64_t> shingleHashes(std::span<const std::string> tokens, std::size_t k);

/// The same over token ids of one Vocabulary (ids hashed by splitmix64 instead of the words by
/// FNV-1a: the sets differ from the string overload's, the Jaccard similarities do not).
std::vector<std::uint64_t> shingleHashes(std::span<const std::uint32_t> tokenIds, std::size_t k);

/// Jaccard similarity |A∩B| / |A∪B| of two sorted, de-duplicated sets; 1 for two empty sets.
double jaccard(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);

struct MinHashParams {
    std::size_t permutations = 128; ///< signature length (Lee et al. 2022 use 9000 for exact
                                    ///< dedup at scale; 128–256 is the datatrove/text-dedup range)
    std::size_t bands = 16; ///< LSH bands; rows per band = permutations / bands
    double threshold = 0.8; ///< Jaccard a candidate pair must reach to be joined
    std::uint64_t seed = 1;
};

/// MinHash signature: for each of `permutations` seeded hash functions, the minimum over the
/// set (Broder 1997; P[sig_i(A) = sig_i(B)] ≈ J(A, B)). Function i maps the splitmix64-mixed
/// shingle hash x to a_i·x + b_i mod 2^64 with odd a_i (a bijection standing in for a random
/// permutation; a_i, b_i seeded by splitmix64 from params.seed).
std::vector<std::uint64_t> minhashSignature(std::span<const std::uint64_t> shingles,
                                            const MinHashParams& params);

/// Groups of near-duplicates: LSH banding of the MinHash signatures (b bands of r rows: a pair
/// with Jaccard s becomes a candidate with probability 1 − (1 − s^r)^b), every candidate
/// verified by its true Jaccard ≥ threshold, groups by union-find.
/// Within a band bucket each member is checked against the bucket's first member and its
/// predecessor (not all pairs), which keeps huge buckets of identical texts linear; equal
/// non-empty sets are joined beforehand (by a hash of the set, verified), so they always share
/// a group. Empty sets are never joined.
/// Result: group[i] is the smallest index of i's group (i itself when alone).
/// Throws std::invalid_argument when bands is 0 or does not divide permutations;
/// Cancelled when progress asks to stop.
std::vector<std::uint32_t>
nearDuplicateGroups(const std::vector<std::vector<std::uint64_t>>& shingleSets,
                    const MinHashParams& params, const Progress& progress = {});

struct StarParams {
    /// Signatures and LSH banding; threshold is the Jaccard an edge of the similarity graph must
    /// reach (verified exactly).
    MinHashParams minhash{64, 32, 0.1, 11};
    /// Within a band's bucket each member is compared with the next bucketWindow members (in
    /// index order), which bounds the comparisons by n · bands · bucketWindow however large a
    /// bucket grows; a centre then finds at most 2 · bands · bucketWindow neighbours itself.
    std::size_t bucketWindow = 16;
    /// A centre with at least one neighbour then compares itself with up to centreScan free
    /// members of its buckets (all bands), taking those within the threshold.
    std::size_t centreScan = 4096;
};

/// Groups by star clustering (Aslam, Pelekhov & Rus 2004, "The Star Clustering Algorithm for
/// Static and Dynamic Information Organization") of the similarity graph whose edges join sets
/// with Jaccard ≥ minhash.threshold, the candidates found by MinHash LSH as in
/// nearDuplicateGroups. Items are taken by descending score (weight − 1 plus the weights of
/// their neighbours; ties by index): a free item becomes a centre and takes its free neighbours.
/// Unlike union-find grouping this does not chain: every member is within the threshold of its
/// group's centre, so a low threshold makes wide groups, not one giant one.
/// weights: how many items each set stands for (identical sets collapsed by the caller); empty
/// means 1 each. Empty sets are never joined.
/// Result: centre[i], the index of the centre of i's group (i itself for a centre or a lone item).
/// Memory: 16 bytes per item and band plus the graph's edges. Time: O(n · bands · (log n +
/// bucketWindow)) Jaccard checks and sorts, plus centreScan checks per centre.
/// Throws std::invalid_argument when bands do not divide permutations, bucketWindow is 0 or the
/// weights do not match; Cancelled when progress asks to stop.
std::vector<std::uint32_t> starGroups(const std::vector<std::vector<std::uint64_t>>& sets,
                                      std::span<const std::uint32_t> weights,
                                      const StarParams& params, const Progress& progress = {});

/// Disjoint sets with path halving and union by size.
class UnionFind {
public:
    explicit UnionFind(std::size_t n);
    std::uint32_t find(std::uint32_t x);
    void unite(std::uint32_t a, std::uint32_t b);

private:
    std::vector<std::uint32_t> m_parent;
    std::vector<std::uint32_t> m_size;
};

} // namespace synthscope::analysis
