// Reservoir sampling (Vitter 1985, Algorithm R): what is kept when the stream is shorter than
// the sample, determinism by seed, and uniform inclusion over many seeds.
#include "analysis/Sampling.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace synthscope::analysis;

namespace {
// The items (0-based stream positions) a reservoir of capacity keeps from a stream of n.
std::vector<std::size_t> sampleOf(std::size_t n, std::size_t capacity, std::uint64_t seed) {
    Reservoir r(capacity, seed);
    std::vector<std::size_t> slots;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t slot = r.offer();
        if (slot == Reservoir::kNotKept)
            continue;
        EXPECT_LE(slot, slots.size()); // an existing slot, or the next one
        if (slot == slots.size())
            slots.push_back(i);
        else
            slots[slot] = i;
    }
    EXPECT_EQ(r.offered(), n);
    EXPECT_EQ(r.kept(), slots.size());
    return slots;
}
} // namespace

TEST(Reservoir, AStreamNoLongerThanTheSampleIsKeptWholeInOrder) {
    EXPECT_EQ(sampleOf(4, 10, 7), (std::vector<std::size_t>{0, 1, 2, 3}));
    EXPECT_EQ(sampleOf(5, 5, 7), (std::vector<std::size_t>{0, 1, 2, 3, 4}));
    EXPECT_TRUE(sampleOf(9, 0, 7).empty()); // capacity 0 keeps nothing
}

TEST(Reservoir, ASeedPicksTheSameItemsAndAnotherSeedOthers) {
    const std::vector<std::size_t> a = sampleOf(1000, 10, 42);
    ASSERT_EQ(a.size(), 10u);
    EXPECT_EQ(sampleOf(1000, 10, 42), a);
    EXPECT_NE(sampleOf(1000, 10, 43), a);
}

// Every item of a stream of 20 is kept with probability 5/20 (Vitter's theorem). Over 40,000
// seeds each count is Binomial(40000, 0.25): mean 10,000, sd 86.6; the bound is 4.5 sd. An
// off-by-one in the replacement draw (probability 5/i instead of 5/(i+1)) moves the last item
// by about 6 sd and fails here. The seeds are fixed, so the test is deterministic.
TEST(Reservoir, EveryItemIsKeptWithProbabilityCapacityOverN) {
    constexpr std::size_t n = 20;
    constexpr std::size_t k = 5;
    constexpr int trials = 40000;
    std::vector<int> kept(n, 0);
    for (int t = 0; t < trials; ++t)
        for (std::size_t i : sampleOf(n, k, static_cast<std::uint64_t>(t) * 7919 + 1))
            ++kept[i];
    const double p = static_cast<double>(k) / n;
    const double mean = trials * p;
    const double sd = std::sqrt(trials * p * (1 - p));
    double chiSquare = 0;
    for (std::size_t i = 0; i < n; ++i) {
        EXPECT_NEAR(kept[i], mean, 4.5 * sd) << "item " << i;
        chiSquare += (kept[i] - mean) * (kept[i] - mean) / (trials * p * (1 - p));
    }
    // 19 degrees of freedom: P(χ² > 43.8) = 0.001.
    EXPECT_LT(chiSquare, 43.8);
}
