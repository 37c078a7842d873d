#include "analysis/Diversity.h"
#include "analysis/TokenIds.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace synthscope::analysis;
using V = std::vector<std::string>;
using synthscope::analysis::testing::TokenIds;

TEST(Diversity, CompressionRatioOfAKnownString) {
    // 20 × "the cat sat on the mat" joined by "\n": 459 bytes; zlib level 9 gives 34 bytes
    // (python3: len(zlib.compress(s, 9)) with the 2-byte header and 4-byte Adler-32) → 13.5.
    const V texts(20, "the cat sat on the mat");
    EXPECT_NEAR(compressionRatio(texts), 459.0 / 34.0, 1e-12);
    EXPECT_EQ(compressionRatio(V{}), 0.0);
}

TEST(Diversity, SelfBleuIdenticalAndDisjoint) {
    const std::vector<V> same = {V{"a", "b", "c", "d"}, V{"a", "b", "c", "d"}};
    EXPECT_NEAR(selfBleu(TokenIds(same).docs()), 1.0, 1e-12);
    // Disjoint 4-token texts: no n-gram matches, so each precision is ε/count:
    // p1 = 0.1/4, p2 = 0.1/3, p3 = 0.1/2, p4 = 0.1/1, BP = 1 → (Π p)^(1/4) = 0.0451801.
    const std::vector<V> disjoint = {V{"a", "b", "c", "d"}, V{"e", "f", "g", "h"}};
    EXPECT_NEAR(selfBleu(TokenIds(disjoint).docs()), std::pow(0.025 * (0.1 / 3) * 0.05 * 0.1, 0.25),
                1e-12);
    EXPECT_NEAR(selfBleu(TokenIds(disjoint).docs()), 0.0451801, 1e-7);
    EXPECT_EQ(selfBleu(TokenIds(std::vector<V>{V{"a"}}).docs()), 0.0);
}

TEST(Diversity, SelfBleuSampleIsSeeded) {
    std::vector<V> docs;
    for (int i = 0; i < 50; ++i)
        docs.push_back(V{"w" + std::to_string(i % 7), "x", "y" + std::to_string(i % 3), "z"});
    const TokenIds ids(docs);
    EXPECT_EQ(selfBleu(ids.docs(), 20, 5), selfBleu(ids.docs(), 20, 5));
}

TEST(Diversity, MtldHandComputed) {
    // "a a a a": the TTR falls to 0.5 at every second token → 2 full factors per pass → 4/2.
    EXPECT_DOUBLE_EQ(mtld(TokenIds().ids(V{"a", "a", "a", "a"})), 2.0);
    // All distinct: TTR never falls; no factor, the partial one is 0 → defined as the length.
    EXPECT_DOUBLE_EQ(mtld(TokenIds().ids(V{"a", "b", "c", "d"})), 4.0);
    // "a b a b": forward TTR 1, 1, 0.667 (factor at token 3), then "b" → partial (1−1)/0.28 = 0
    // → 4/1 = 4; backward the same → 4.
    EXPECT_DOUBLE_EQ(mtld(TokenIds().ids(V{"a", "b", "a", "b"})), 4.0);
    EXPECT_EQ(mtld(TokenIds().ids(V{})), 0.0);
    // Over documents: the same stream as concatenating them.
    EXPECT_DOUBLE_EQ(mtld(TokenIds(std::vector<V>{V{"a", "a"}, V{"a", "a"}}).docs()), 2.0);
}

TEST(Diversity, RepeatedNgramRate) {
    // "a b a b a b": 4-grams abab, baba, abab → 1 − 2/3 = 1/3; "x y z w" → 0; mean = 1/6.
    const std::vector<V> docs = {V{"a", "b", "a", "b", "a", "b"}, V{"x", "y", "z", "w"},
                                 V{"short"}};
    EXPECT_NEAR(repeatedNgramRate(TokenIds(docs).docs(), 4), 1.0 / 6.0, 1e-12);
}

// Two identical samples of three tokens. A budget of 6 tokens takes both: types {1, 2, 3},
// bigrams (1,2), (2,3) twice → 2 of 4 distinct. A budget of 4 cuts the second after one
// token: bigrams (1,2), (2,3) → 2 of 2. More than the 6 tokens there are: not measured.
TEST(BudgetedDiversity, VocabularyAndDistinct2ByHand) {
    const std::vector<std::uint32_t> doc = {1, 2, 3};
    const std::vector<std::span<const std::uint32_t>> docs = {doc, doc};
    BudgetedDiversity d = budgetedDiversity(docs, 6, 0, 3, 1);
    EXPECT_DOUBLE_EQ(d.vocabulary, 3.0);
    EXPECT_DOUBLE_EQ(d.distinct2, 0.5);
    EXPECT_TRUE(std::isnan(d.vendiNgram)); // not asked for
    d = budgetedDiversity(docs, 4, 0, 3, 1);
    EXPECT_DOUBLE_EQ(d.vocabulary, 3.0);
    EXPECT_DOUBLE_EQ(d.distinct2, 1.0);
    EXPECT_TRUE(std::isnan(budgetedDiversity(docs, 7, 0, 3, 1).vocabulary));
}

// Self-repetition over a 15-token budget that takes all three samples: "1 2 3 4 5" twice (4-grams
// 1234 and 2345 in each) and "1 2 3 4 9" (1234, 2349). Occurrences: 6; of 4-grams seen in another
// sample: 1234 ×3, 2345 ×2 → 5 of 6, whatever the order. A 4-gram repeated inside one sample
// only ("7 7 7 7 7": 7777 twice) is not shared: 0. Too few tokens, or too few occurrences
// (samples under 4 tokens add none): not measured rather than 0.
TEST(Diversity, SelfRepetitionByHand) {
    const std::vector<std::uint32_t> a = {1, 2, 3, 4, 5};
    const std::vector<std::uint32_t> b = {1, 2, 3, 4, 9};
    const std::vector<std::span<const std::uint32_t>> docs = {a, a, b};
    EXPECT_NEAR(selfRepetition(docs, 15, 3, 1, 1), 5.0 / 6.0, 1e-12);
    EXPECT_TRUE(std::isnan(selfRepetition(docs, 16, 3, 1, 1))); // only 15 tokens
    EXPECT_TRUE(std::isnan(selfRepetition(docs, 15, 3, 1, 7))); // 6 occurrences < 7
    const std::vector<std::uint32_t> loop = {7, 7, 7, 7, 7};
    const std::vector<std::uint32_t> other = {1, 2, 3};
    const std::vector<std::span<const std::uint32_t>> own = {loop, other};
    EXPECT_DOUBLE_EQ(selfRepetition(own, 8, 2, 1, 1), 0.0);
    const std::vector<std::uint32_t> shortOne = {1, 2, 3};
    const std::vector<std::span<const std::uint32_t>> shortOnly = {shortOne, shortOne, shortOne};
    EXPECT_TRUE(std::isnan(selfRepetition(shortOnly, 9, 1, 1, 1))); // no 4-gram at all
}

// The n-gram Vendi score over windows of 10 tokens. Twenty copies of one token: two identical
// windows, K/n = [[½, ½], [½, ½]], eigenvalues 1 and 0 → Vendi 1. Twenty distinct tokens: two
// orthogonal windows, K/n = I/2, eigenvalues ½, ½ → exp(ln 2) = 2.
TEST(BudgetedDiversity, NgramVendiByHand) {
    const std::vector<std::uint32_t> same(20, 7);
    std::vector<std::uint32_t> distinct(20);
    std::iota(distinct.begin(), distinct.end(), 1u);
    const std::vector<std::span<const std::uint32_t>> a = {same};
    const std::vector<std::span<const std::uint32_t>> b = {distinct};
    EXPECT_NEAR(budgetedDiversity(a, 0, 2, 1, 1).vendiNgram, 1.0, 1e-9);
    EXPECT_NEAR(budgetedDiversity(b, 0, 2, 1, 1).vendiNgram, 2.0, 1e-9);
    EXPECT_TRUE(std::isnan(budgetedDiversity(b, 0, 3, 1, 1).vendiNgram)); // 30 tokens needed
}
