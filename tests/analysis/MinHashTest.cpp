#include "analysis/MinHash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace synthscope::analysis;

TEST(MinHash, JaccardOfSmallSets) {
    // {1,2,3,4} ∩ {3,4,5} = {3,4}; ∪ = {1..5} → 2/5.
    const std::vector<std::uint64_t> a = {1, 2, 3, 4};
    const std::vector<std::uint64_t> b = {3, 4, 5};
    EXPECT_DOUBLE_EQ(jaccard(a, b), 0.4);
    EXPECT_DOUBLE_EQ(jaccard(a, a), 1.0);
    EXPECT_DOUBLE_EQ(jaccard(a, std::vector<std::uint64_t>{9}), 0.0);
}

TEST(MinHash, ShinglesOfTokens) {
    const std::vector<std::string> t = {"a", "b", "c", "a", "b", "c"};
    EXPECT_EQ(shingleHashes(t, 3).size(), 3u); // abc, bca, cab
    EXPECT_EQ(shingleHashes(std::vector<std::string>{"x", "y"}, 5).size(), 1u);
    EXPECT_TRUE(shingleHashes(std::vector<std::string>{}, 3).empty());
}

TEST(MinHash, EstimateWithinBinomialBound) {
    // Two sets of 100 with 60 in common: J = 60/140 = 0.428571. With k = 256 permutations the
    // estimate is a mean of Bernoulli(J): σ = √(J(1−J)/k) = 0.0309; allow 4σ.
    std::vector<std::uint64_t> a;
    std::vector<std::uint64_t> b;
    for (std::uint64_t i = 0; i < 100; ++i) {
        a.push_back(i * 7919);
        b.push_back((i + 40) * 7919);
    }
    const double j = jaccard(a, b);
    EXPECT_NEAR(j, 60.0 / 140.0, 1e-12);
    MinHashParams p;
    p.permutations = 256;
    const auto sa = minhashSignature(a, p);
    const auto sb = minhashSignature(b, p);
    int equal = 0;
    for (std::size_t i = 0; i < sa.size(); ++i)
        equal += sa[i] == sb[i] ? 1 : 0;
    const double estimate = equal / 256.0;
    EXPECT_NEAR(estimate, j, 4.0 * std::sqrt(j * (1 - j) / 256.0));
}

TEST(MinHash, NearDuplicateGroupsVerifyJaccard) {
    std::vector<std::uint64_t> base;
    for (std::uint64_t i = 0; i < 50; ++i)
        base.push_back(i);
    std::vector<std::uint64_t> near = base;
    near.back() = 1000; // J = 49/51 = 0.96
    std::vector<std::uint64_t> far;
    for (std::uint64_t i = 25; i < 75; ++i)
        far.push_back(i); // J with base = 25/75 = 0.33
    const std::vector<std::vector<std::uint64_t>> sets = {base, far, near, {}};
    const auto g = nearDuplicateGroups(sets, MinHashParams{});
    EXPECT_EQ(g, (std::vector<std::uint32_t>{0, 1, 0, 3}));
    MinHashParams bad;
    bad.bands = 7;
    EXPECT_THROW(nearDuplicateGroups(sets, bad), std::invalid_argument);
}

// Equal sets always share a group. With one permutation, x = the value of smallest MinHash
// puts C = {x, y1}, A = {x, y2}, D = {x, y3} and A' = A in one bucket in the order C, A, D, A';
// the bucket scan compares A' only with C (the first) and D (its predecessor), Jaccard 1/3
// each, so before equal sets were joined beforehand A' stayed alone.
TEST(MinHash, EqualSetsShareAGroupWhateverTheBucketOrder) {
    MinHashParams params;
    params.permutations = 1;
    params.bands = 1;
    std::uint64_t x = 1;
    std::uint64_t smallest = minhashSignature(std::vector<std::uint64_t>{1}, params)[0];
    for (std::uint64_t v = 2; v <= 100; ++v)
        if (const auto h = minhashSignature(std::vector<std::uint64_t>{v}, params)[0];
            h < smallest) {
            smallest = h;
            x = v;
        }
    auto set = [x](std::uint64_t y) {
        std::vector<std::uint64_t> s = {x, y};
        std::sort(s.begin(), s.end());
        return s;
    };
    const std::vector<std::vector<std::uint64_t>> sets = {set(1001), set(1002), set(1003),
                                                          set(1002)};
    for (const auto& s : sets) // the precondition: one bucket
        ASSERT_EQ(minhashSignature(s, params)[0], smallest);
    const std::vector<std::uint32_t> group = nearDuplicateGroups(sets, params);
    EXPECT_EQ(group, (std::vector<std::uint32_t>{0, 1, 2, 1}));
}

// Star clustering does not chain: in the path A–B–C–D (each neighbour pair at J = 1/3, the
// others at 0) union-find makes one group; stars make two, every member within the threshold
// of its centre, and the two ends A and D never together.
TEST(MinHash, StarGroupsDoNotChain) {
    const std::vector<std::vector<std::uint64_t>> sets = {
        {1, 2, 3, 4}, {3, 4, 5, 6}, {5, 6, 7, 8}, {7, 8, 9, 10}, {}};
    StarParams params;
    params.minhash = MinHashParams{64, 64, 0.3, 11}; // one row per band: J = 1/3 always meets
    EXPECT_EQ(nearDuplicateGroups(sets, params.minhash),
              (std::vector<std::uint32_t>{0, 0, 0, 0, 4}));
    const std::vector<std::uint32_t> centre = starGroups(sets, {}, params);
    ASSERT_EQ(centre.size(), 5U);
    EXPECT_EQ(centre[4], 4U); // the empty set stays alone
    std::set<std::uint32_t> centres(centre.begin(), centre.begin() + 4);
    EXPECT_EQ(centres.size(), 2U);
    EXPECT_NE(centre[0], centre[3]);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(centre[centre[i]], centre[i]) << i; // a centre is its own centre
        EXPECT_GE(jaccard(sets[i], sets[centre[i]]), 0.3) << i;
    }
    const std::uint32_t tooFew[] = {1, 1};
    EXPECT_THROW(starGroups(sets, tooFew, params), std::invalid_argument);
    params.minhash.bands = 7;
    EXPECT_THROW(starGroups(sets, {}, params), std::invalid_argument);
}

// The weight of identical sets a set stands for makes it the centre. X = {1,2,3,4},
// Y = X ∪ {5} standing for 20 sets, Z = X ∪ {6}: J(X,Y) = J(X,Z) = 0.8, J(Y,Z) = 4/6. Alone,
// X (the most similar to both) would be the centre; Y's weight makes Y the centre of all three.
TEST(MinHash, StarCentreIsTheHeaviest) {
    const std::vector<std::vector<std::uint64_t>> sets = {
        {1, 2, 3, 4}, {1, 2, 3, 4, 5}, {1, 2, 3, 4, 6}};
    StarParams params;
    params.minhash = MinHashParams{64, 64, 0.3, 11};
    const std::uint32_t weights[] = {1, 20, 1};
    EXPECT_EQ(starGroups(sets, weights, params), (std::vector<std::uint32_t>{1, 1, 1}));
    const std::vector<std::uint32_t> unweighted = starGroups(sets, {}, params);
    EXPECT_EQ(unweighted, std::vector<std::uint32_t>(3, unweighted[0])); // still one group
}

// One bucket of ten sets {x, y_k} (x has the smallest MinHash of one permutation, so all share
// the bucket; every pair has J = 1/3; equal scores, so the first index leads). The first centre
// takes everyone; with a scan of three comparisons each centre takes the next three free
// members, passing over the taken ones.
TEST(MinHash, StarCentreScanIsBoundedAndSkipsTakenMembers) {
    StarParams params;
    params.minhash = MinHashParams{1, 1, 0.3, 1};
    std::uint64_t x = 1;
    std::uint64_t smallest = minhashSignature(std::vector<std::uint64_t>{1}, params.minhash)[0];
    for (std::uint64_t v = 2; v <= 100; ++v)
        if (const auto h = minhashSignature(std::vector<std::uint64_t>{v}, params.minhash)[0];
            h < smallest) {
            smallest = h;
            x = v;
        }
    std::vector<std::vector<std::uint64_t>> sets;
    for (std::uint64_t k = 0; k < 10; ++k) {
        std::vector<std::uint64_t> s = {x, 1000 + k};
        std::sort(s.begin(), s.end());
        sets.push_back(s);
    }
    EXPECT_EQ(starGroups(sets, {}, params), std::vector<std::uint32_t>(10, 0));
    params.centreScan = 3;
    EXPECT_EQ(starGroups(sets, {}, params),
              (std::vector<std::uint32_t>{0, 0, 0, 0, 4, 4, 4, 4, 8, 8}));
}
