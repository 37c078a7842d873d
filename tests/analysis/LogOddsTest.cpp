#include "analysis/LogOdds.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope::analysis;

TEST(LogOdds, HandComputedSymmetricPair) {
    // A: w=3, v=1 (n=4); B: w=1, v=3 (n=4); α₀ = 8 → α_w = 8·4/8 = 4 for both words.
    // δ_w = ln((3+4)/(4+8−3−4)) − ln((1+4)/(4+8−1−4)) = ln(7/5) − ln(5/7) = 2·ln 1.4
    // σ² = 1/7 + 1/5;  z = δ/σ
    const std::unordered_map<std::string, std::uint64_t> a = {{"w", 3}, {"v", 1}};
    const std::unordered_map<std::string, std::uint64_t> b = {{"w", 1}, {"v", 3}};
    LogOddsParams params;
    params.priorStrength = 8;
    params.minCount = 1;
    const LogOddsResult r = weightedLogOdds(a, b, params);
    ASSERT_EQ(r.indicatingA.size(), 1u);
    ASSERT_EQ(r.indicatingB.size(), 1u);
    const double delta = 2.0 * std::log(1.4);
    const double z = delta / std::sqrt(1.0 / 7.0 + 1.0 / 5.0);
    EXPECT_EQ(r.indicatingA[0].ngram, "w");
    EXPECT_NEAR(r.indicatingA[0].delta, delta, 1e-12);
    EXPECT_NEAR(r.indicatingA[0].zScore, z, 1e-12);
    EXPECT_EQ(r.indicatingB[0].ngram, "v");
    EXPECT_NEAR(r.indicatingB[0].zScore, -z, 1e-12);
}

TEST(LogOdds, MinCountAndTopK) {
    const std::unordered_map<std::string, std::uint64_t> a = {
        {"x", 50}, {"y", 40}, {"rare", 1}, {"same", 10}};
    const std::unordered_map<std::string, std::uint64_t> b = {{"z", 50}, {"same", 10}};
    LogOddsParams params;
    params.minCount = 5;
    params.topK = 1;
    const LogOddsResult r = weightedLogOdds(a, b, params);
    ASSERT_EQ(r.indicatingA.size(), 1u);
    EXPECT_EQ(r.indicatingA[0].ngram, "x"); // x beats y (more evidence), rare is filtered
    ASSERT_EQ(r.indicatingB.size(), 1u);
    EXPECT_EQ(r.indicatingB[0].ngram, "z");
    EXPECT_TRUE(weightedLogOdds(a, {}, params).indicatingA.empty());
}
