#include "analysis/Divergence.h"

#include <gtest/gtest.h>

using namespace synthscope::analysis;

TEST(JensenShannon, IdenticalDisjointAndHandComputed) {
    EXPECT_DOUBLE_EQ(
        jensenShannonDivergence(std::vector<double>{1, 2, 3}, std::vector<double>{2, 4, 6}), 0.0);
    EXPECT_DOUBLE_EQ(jensenShannonDivergence(std::vector<double>{1, 0}, std::vector<double>{0, 1}),
                     1.0);
    // P = (½, ½), Q = (1, 0), M = (¾, ¼)
    // KL(P‖M) = ½·log2(½/¾) + ½·log2(½/¼) = ½·(−0.5849625) + ½·1 = 0.2075187
    // KL(Q‖M) = log2(1/¾) = 0.4150375;  JS = ½(0.2075187 + 0.4150375) = 0.3112781
    EXPECT_NEAR(jensenShannonDivergence(std::vector<double>{1, 1}, std::vector<double>{1, 0}),
                0.3112781244591328, 1e-12);
}

TEST(JensenShannon, SymmetricAndSparseMatchesDense) {
    const std::vector<double> p = {3, 1, 0, 2};
    const std::vector<double> q = {1, 1, 4, 0};
    EXPECT_DOUBLE_EQ(jensenShannonDivergence(p, q), jensenShannonDivergence(q, p));
    std::unordered_map<int, std::uint64_t> sp = {{0, 3}, {1, 1}, {3, 2}};
    std::unordered_map<int, std::uint64_t> sq = {{0, 1}, {1, 1}, {2, 4}};
    EXPECT_NEAR(jensenShannonDivergence(sp, sq), jensenShannonDivergence(p, q), 1e-12);
}

TEST(JensenShannon, RejectsBadInput) {
    EXPECT_THROW(jensenShannonDivergence(std::vector<double>{1}, std::vector<double>{1, 2}),
                 std::invalid_argument);
    EXPECT_THROW(jensenShannonDivergence(std::vector<double>{0, 0}, std::vector<double>{1, 2}),
                 std::invalid_argument);
    EXPECT_THROW(jensenShannonDivergence(std::vector<double>{-1, 2}, std::vector<double>{1, 2}),
                 std::invalid_argument);
}

TEST(SharedHistogram, BinsOnSharedEdgesWithOverflow) {
    // a = 0 1 2 3: 99th percentile (nearest rank ⌈0.99·4⌉ = 4th) = 3; b's = 0. top = 3.
    // width = ⌈(3+1)/2⌉ = 2, bins = min(2, 3/2 + 1) = 2 → a: [2, 2], b: [2, 0].
    const std::vector<std::uint32_t> a = {0, 1, 2, 3};
    const std::vector<std::uint32_t> b = {0, 0};
    const SharedHistogram h = sharedHistogram(a, b, 2);
    EXPECT_EQ(h.width, 2u);
    EXPECT_EQ(h.countsA, (std::vector<double>{2, 2}));
    EXPECT_EQ(h.countsB, (std::vector<double>{2, 0}));
    // A value far beyond lands in the last (overflow) bin.
    const std::vector<std::uint32_t> c = {0, 1, 2, 3, 1000};
    const SharedHistogram o = sharedHistogram(c, b, 2);
    double total = 0;
    for (double v : o.countsA)
        total += v;
    EXPECT_EQ(total, 5.0);
    EXPECT_THROW(sharedHistogram(a, b, 0), std::invalid_argument);
}

TEST(KolmogorovSmirnov, HandComputed) {
    // Disjoint samples: D = 1. a = 1..4, b = 3..6: ECDFs at 2 are ½ and 0 → D = ½.
    EXPECT_DOUBLE_EQ(
        kolmogorovSmirnov(std::vector<std::uint32_t>{1, 2, 3}, std::vector<std::uint32_t>{4, 5, 6})
            .statistic,
        1.0);
    const KsResult r = kolmogorovSmirnov(std::vector<std::uint32_t>{1, 2, 3, 4},
                                         std::vector<std::uint32_t>{3, 4, 5, 6});
    EXPECT_DOUBLE_EQ(r.statistic, 0.5);
    EXPECT_GT(r.pValue, 0.05); // four against four cannot be significant
    const KsResult same =
        kolmogorovSmirnov(std::vector<std::uint32_t>{1, 2}, std::vector<std::uint32_t>{1, 2});
    EXPECT_DOUBLE_EQ(same.statistic, 0.0);
    EXPECT_DOUBLE_EQ(same.pValue, 1.0);
}
