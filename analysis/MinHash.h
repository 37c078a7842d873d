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

/// The same from the tokens' 64-bit hashes (tokenHash[i] for token i): shingleHashes(tokens, k)
/// equals this over fnv1a64() of each token.
std::vector<std::uint64_t> shingleHashesOfTokenHashes(std::span<const std::uint64_t> tokenHash,
                                                      std::size_t k);

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
    /// Signatures and LSH banding; threshold is the Jaccard a member must reach with its
    /// group's centre (verified exactly).
    MinHashParams minhash{64, 32, 0.1, 11};
    /// A centre compares itself with up to centreScan free members of its buckets (all
    /// bands) and takes those within the threshold: the bound on a centre's work, and on the
    /// size of one star.
    std::size_t centreScan = 4096;
};

/// Groups by star clustering (Aslam, Pelekhov & Rus 2004, "The Star Clustering Algorithm for
/// Static and Dynamic Information Organization") on MinHash LSH buckets: items are taken by
/// descending score — weight − 1 plus the weight of the other members of their buckets averaged
/// over the bands, an estimate of Σ_j w_j · J(i, j)^rows that is highest in the dense middle
/// of a group — and a free item becomes a centre that takes the free members of its buckets
/// whose Jaccard with it reaches minhash.threshold. Unlike union-find grouping this does not
/// chain: every member is within the threshold of its group's centre, so a low threshold makes
/// wide groups, not one giant one. A member must share a bucket with its centre in at least one
/// band: probability 1 − (1 − J^rows)^bands.
/// weights: how many items each set stands for (identical sets collapsed by the caller); empty
/// means 1 each. Empty sets are never joined.
/// Result: centre[i], the index of the centre of i's group (i itself for a centre or a lone item).
/// Memory per item: the MinHash signature (8 · permutations bytes, alive beside the band keys
/// while they are computed, then freed) and 16 bytes per band (key, sorted order and the
/// skip pointers over taken members).
/// Time: sorting each band, O(n · bands · log n); per centre O(bands · log n) to find its
/// buckets plus up to centreScan Jaccard checks; taken members are passed over in amortised
/// near-constant time.
/// Throws std::invalid_argument when bands do not divide permutations, the weights do not
/// match or there are 2^32 − 1 sets or more; Cancelled when progress asks to stop.
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
