#include "analysis/Diversity.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope::analysis;
using V = std::vector<std::string>;

TEST(Diversity, CompressionRatioOfAKnownString) {
    // 20 × "the cat sat on the mat" joined by "\n": 459 bytes; zlib level 9 gives 34 bytes
    // (python3: len(zlib.compress(s, 9)) with the 2-byte header and 4-byte Adler-32) → 13.5.
    const V texts(20, "the cat sat on the mat");
    EXPECT_NEAR(compressionRatio(texts), 459.0 / 34.0, 1e-12);
    EXPECT_EQ(compressionRatio(V{}), 0.0);
}

TEST(Diversity, SelfBleuIdenticalAndDisjoint) {
    const std::vector<V> same = {V{"a", "b", "c", "d"}, V{"a", "b", "c", "d"}};
    EXPECT_NEAR(selfBleu(same), 1.0, 1e-12);
    // Disjoint 4-token texts: no n-gram matches, so each precision is ε/count:
    // p1 = 0.1/4, p2 = 0.1/3, p3 = 0.1/2, p4 = 0.1/1, BP = 1 → (Π p)^(1/4) = 0.0451801.
    const std::vector<V> disjoint = {V{"a", "b", "c", "d"}, V{"e", "f", "g", "h"}};
    EXPECT_NEAR(selfBleu(disjoint), std::pow(0.025 * (0.1 / 3) * 0.05 * 0.1, 0.25), 1e-12);
    EXPECT_NEAR(selfBleu(disjoint), 0.0451801, 1e-7);
    EXPECT_EQ(selfBleu(std::vector<V>{V{"a"}}), 0.0);
}

TEST(Diversity, SelfBleuSampleIsSeeded) {
    std::vector<V> docs;
    for (int i = 0; i < 50; ++i)
        docs.push_back(V{"w" + std::to_string(i % 7), "x", "y" + std::to_string(i % 3), "z"});
    EXPECT_EQ(selfBleu(docs, 20, 5), selfBleu(docs, 20, 5));
}

TEST(Diversity, MtldHandComputed) {
    // "a a a a": the TTR falls to 0.5 at every second token → 2 full factors per pass → 4/2.
    EXPECT_DOUBLE_EQ(mtld(V{"a", "a", "a", "a"}), 2.0);
    // All distinct: TTR never falls; no factor, the partial one is 0 → defined as the length.
    EXPECT_DOUBLE_EQ(mtld(V{"a", "b", "c", "d"}), 4.0);
    // "a b a b": forward TTR 1, 1, 0.667 (factor at token 3), then "b" → partial (1−1)/0.28 = 0
    // → 4/1 = 4; backward the same → 4.
    EXPECT_DOUBLE_EQ(mtld(V{"a", "b", "a", "b"}), 4.0);
    EXPECT_EQ(mtld(V{}), 0.0);
    // Over documents: the same stream as concatenating them.
    EXPECT_DOUBLE_EQ(mtld(std::vector<V>{V{"a", "a"}, V{"a", "a"}}), 2.0);
}

TEST(Diversity, RepeatedNgramRate) {
    // "a b a b a b": 4-grams abab, baba, abab → 1 − 2/3 = 1/3; "x y z w" → 0; mean = 1/6.
    const std::vector<V> docs = {V{"a", "b", "a", "b", "a", "b"}, V{"x", "y", "z", "w"},
                                 V{"short"}};
    EXPECT_NEAR(repeatedNgramRate(docs, 4), 1.0 / 6.0, 1e-12);
}
