#include "analysis/TfIdf.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope::analysis;

TEST(TfIdf, HandComputedCosines) {
    // Query "a b"; targets "a b", "a c", "d". N = 4 documents.
    // df: a 3, b 2, c 1, d 1 → idf = ln(5/(1+df)) + 1: a 1.2231436, b 1.5108256, c 1.9162907.
    // cos(q, t0) = 1 (same vector). cos(q, t1) = idf_a² / (|q|·|t1|)
    //   = 1.4960802 / (√(1.4960802+2.2825940) · √(1.4960802+3.6721702)) = 0.3385426.
    // t2 shares no term: not a neighbour.
    Vocabulary vocab;
    const std::vector<std::string> q = {"a b"};
    const std::vector<std::string> t = {"a b", "a c", "d"};
    const auto queries = tokenizeCorpus(q, vocab);
    const auto targets = tokenizeCorpus(t, vocab);
    const auto result =
        tfidfNearestNeighbours(queries, targets, vocab.size(), {.k = 5, .sublinearTf = true});
    ASSERT_EQ(result.size(), 1u);
    ASSERT_EQ(result[0].size(), 2u);
    EXPECT_EQ(result[0][0].index, 0u);
    EXPECT_NEAR(result[0][0].cosine, 1.0, 1e-6);
    EXPECT_EQ(result[0][1].index, 1u);
    const double ia = std::log(5.0 / 4.0) + 1.0;
    const double ib = std::log(5.0 / 3.0) + 1.0;
    const double ic = std::log(5.0 / 2.0) + 1.0;
    EXPECT_NEAR(result[0][1].cosine,
                ia * ia / (std::sqrt(ia * ia + ib * ib) * std::sqrt(ia * ia + ic * ic)), 1e-6);
    EXPECT_NEAR(result[0][1].cosine, 0.3385426, 1e-6);
}

TEST(TfIdf, KLimitsAndSublinearTf) {
    // With sublinear tf, "a a a" weighs a by 1 + ln 3; the cosine to "a" is still 1 (one term).
    Vocabulary vocab;
    const std::vector<std::string> q = {"a a a"};
    const std::vector<std::string> t = {"a", "a x", "a y"};
    const auto queries = tokenizeCorpus(q, vocab);
    const auto targets = tokenizeCorpus(t, vocab);
    const auto r =
        tfidfNearestNeighbours(queries, targets, vocab.size(), {.k = 2, .sublinearTf = true});
    ASSERT_EQ(r[0].size(), 2u);
    EXPECT_EQ(r[0][0].index, 0u);
    EXPECT_NEAR(r[0][0].cosine, 1.0, 1e-6);
    EXPECT_EQ(r[0][1].index, 1u); // tie between "a x" and "a y" (same idf) broken by index
}
