#include "analysis/Agreement.h"
#include "analysis/Embedding.h"
#include "analysis/Knee.h"
#include "analysis/Sampling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace synthscope::analysis;

namespace {

// Wikipedia's "Cohen's kappa" worked example: 50 items; both yes 20, A yes/B no 5,
// A no/B yes 10, both no 15. p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.4.
TEST(CohenKappa, TextbookTwoByTwo) {
    std::vector<int> a;
    std::vector<int> b;
    auto add = [&](int n, int x, int y) {
        for (int i = 0; i < n; ++i) {
            a.push_back(x);
            b.push_back(y);
        }
    };
    add(20, 1, 1);
    add(5, 1, 0);
    add(10, 0, 1);
    add(15, 0, 0);
    EXPECT_NEAR(cohenKappa(a, b), 0.4, 1e-12);
}

TEST(CohenKappa, PerfectChanceAndUndefined) {
    const std::vector<int> a = {0, 1, 0, 1};
    EXPECT_DOUBLE_EQ(cohenKappa(a, a), 1.0);
    // p_o = 0.5, p_e = 0.5 → κ = 0.
    EXPECT_NEAR(cohenKappa(a, std::vector<int>{0, 0, 1, 1}), 0.0, 1e-12);
    // Complete disagreement on balanced codes: p_o = 0, p_e = 0.5 → κ = −1.
    EXPECT_NEAR(cohenKappa(a, std::vector<int>{1, 0, 1, 0}), -1.0, 1e-12);
    const std::vector<int> same = {1, 1, 1};
    EXPECT_TRUE(std::isnan(cohenKappa(same, same)));
    EXPECT_TRUE(std::isnan(cohenKappa(std::vector<int>{}, std::vector<int>{})));
    EXPECT_THROW((void)cohenKappa(a, same), std::invalid_argument);
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", §C: four observers,
// twelve units, missing values; the nominal α published there is 0.743.
TEST(KrippendorffAlpha, PublishedNominalExample) {
    const std::vector<std::vector<int>> units = {
        {1, 1, 1},    {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
        {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {5, 5, 5},    {1, 1},       {3}};
    EXPECT_NEAR(krippendorffAlphaNominal(units), 0.743, 0.0005);
}

// Two raters, no missing values: α = 1 − (n−1)·D_o/D_e. Units {0,0},{1,1},{0,1}:
// n = 6, n_0 = n_1 = 3, Σ o_cc = 4 → α = (5·4 − 12) / (30 − 12) = 8/18.
TEST(KrippendorffAlpha, HandComputedAndEdges) {
    EXPECT_NEAR(krippendorffAlphaNominal({{0, 0}, {1, 1}, {0, 1}}), 8.0 / 18.0, 1e-12);
    EXPECT_DOUBLE_EQ(krippendorffAlphaNominal({{0, 0}, {1, 1}}), 1.0);
    EXPECT_TRUE(std::isnan(krippendorffAlphaNominal({{1, 1}, {1, 1}}))); // no variation
    EXPECT_TRUE(std::isnan(krippendorffAlphaNominal({{1}, {0}})));       // nothing pairable
}

TEST(Sampling, AllocationIsProportionalToSizeTimesWeight) {
    const std::vector<std::size_t> sizes = {1000, 1000, 1000};
    EXPECT_EQ(allocateSample(sizes, std::vector<double>{1, 2, 4}, 700),
              (std::vector<std::size_t>{100, 200, 400}));
    // Equal weights: proportional to size. 300 of 600: 50, 100, 150.
    EXPECT_EQ(
        allocateSample(std::vector<std::size_t>{100, 200, 300}, std::vector<double>{1, 1, 1}, 300),
        (std::vector<std::size_t>{50, 100, 150}));
    // A small risky stratum is taken whole; its surplus goes to the others.
    EXPECT_EQ(allocateSample(std::vector<std::size_t>{10, 1000}, std::vector<double>{100, 1}, 100),
              (std::vector<std::size_t>{10, 90}));
    // Largest remainder, ties to the lower index.
    EXPECT_EQ(allocateSample(std::vector<std::size_t>{1, 1, 1}, std::vector<double>{1, 1, 1}, 2),
              (std::vector<std::size_t>{1, 1, 0}));
    // Weight 0 is never sampled; asking for more than exists gives everything else.
    EXPECT_EQ(allocateSample(std::vector<std::size_t>{5, 5}, std::vector<double>{0, 1}, 50),
              (std::vector<std::size_t>{0, 5}));
    EXPECT_THROW((void)allocateSample(sizes, std::vector<double>{1, -1, 1}, 5),
                 std::invalid_argument);
}

std::vector<Stratum> threeStrata() {
    std::vector<Stratum> strata(3);
    for (int s = 0; s < 3; ++s)
        for (int i = 0; i < 200; ++i)
            strata[s].ids.push_back(s * 1000 + i);
    strata[0].weight = 1.0;
    strata[1].weight = 2.0;
    strata[2].weight = 5.0;
    return strata;
}

TEST(Sampling, ReproducibleForASeedAndDifferentAcrossSeeds) {
    const auto strata = threeStrata();
    const auto a = stratifiedSample(strata, 80, 7);
    EXPECT_EQ(a, stratifiedSample(strata, 80, 7));
    EXPECT_NE(a, stratifiedSample(strata, 80, 8));
    EXPECT_EQ(a.size(), 80U);
    EXPECT_EQ(std::set<std::int64_t>(a.begin(), a.end()).size(), a.size()); // no repeats
}

// Every member's inclusion probability is n_s/N_s: 10/200, 20/200, 50/200 for 80 draws with
// weights 1:2:5. Over 400 seeds each stratum's mean inclusion rate is within 10 % of it.
TEST(Sampling, InclusionRatesFollowTheWeights) {
    const auto strata = threeStrata();
    std::vector<double> hits(3, 0.0);
    const int seeds = 400;
    for (int seed = 0; seed < seeds; ++seed)
        for (std::int64_t id : stratifiedSample(strata, 80, static_cast<std::uint64_t>(seed)))
            hits[static_cast<std::size_t>(id / 1000)] += 1.0;
    const double expected[] = {10.0 / 200, 20.0 / 200, 50.0 / 200};
    for (std::size_t s = 0; s < 3; ++s) {
        const double rate = hits[s] / (seeds * 200.0);
        EXPECT_NEAR(rate, expected[s], 0.1 * expected[s]) << "stratum " << s;
    }
    // And within a stratum the draw is uniform: no member of stratum 2 is picked in more
    // than twice its share of the seeds (0.25 · 400 = 100 expected).
    std::vector<int> perMember(200, 0);
    for (int seed = 0; seed < seeds; ++seed)
        for (std::int64_t id : stratifiedSample(strata, 80, static_cast<std::uint64_t>(seed)))
            if (id >= 2000)
                ++perMember[static_cast<std::size_t>(id - 2000)];
    EXPECT_LT(*std::max_element(perMember.begin(), perMember.end()), 200);
    EXPECT_GT(*std::min_element(perMember.begin(), perMember.end()), 40);
}

// Row 0 = (0.6, 0.8, 0), row 1 = (0, 1, 0), row 2 = (0, 0, 1), row 3 has no feature:
// cos(0, 1) = 0.8 by hand, every other pair 0.
TEST(CosineGroups, LinksPairsAtOrAboveTheThreshold) {
    Eigen::MatrixXf dense(4, 3);
    dense << 0.6F, 0.8F, 0.0F, 0.0F, 1.0F, 0.0F, 0.0F, 0.0F, 1.0F, 0.0F, 0.0F, 0.0F;
    const SparseRows rows = SparseRows::fromDense(dense);
    EXPECT_EQ(cosineGroups(rows, 0.75), (std::vector<std::uint32_t>{0, 0, 1, 2}));
    EXPECT_EQ(cosineGroups(rows, 0.85), (std::vector<std::uint32_t>{0, 1, 2, 3}));
}

// Ratios 0, .1, .3, .5, .7 with main metric 70, 72, 75, 74, 70: slopes 20, 15, −5, −20, so
// the slope changes by −5 at 0.1, −20 at 0.3 and −15 at 0.5: the knee is 0.3 (index 2).
TEST(Knee, LargestFallOfTheSlope) {
    const std::vector<double> x = {0.0, 0.1, 0.3, 0.5, 0.7};
    EXPECT_EQ(kneeIndex(x, std::vector<double>{70, 72, 75, 74, 70}), std::optional<std::size_t>(2));
    EXPECT_FALSE(kneeIndex(x, std::vector<double>{1, 2, 4, 6, 8}).has_value()); // never falls
    EXPECT_FALSE(kneeIndex(std::vector<double>{0, 1}, std::vector<double>{0, 1}).has_value());
    EXPECT_THROW((void)kneeIndex(std::vector<double>{0, 0, 1}, std::vector<double>{1, 2, 3}),
                 std::invalid_argument);
}

} // namespace
