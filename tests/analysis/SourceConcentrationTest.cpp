#include "analysis/SourceConcentration.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using synthscope::analysis::sourceConcentration;

TEST(SourceConcentration, EmptyIsNotMeasured) {
    const auto c = sourceConcentration(std::vector<std::size_t>{});
    EXPECT_EQ(c.samples, 0U);
    EXPECT_TRUE(std::isnan(c.largestShare));
    EXPECT_TRUE(std::isnan(c.normalizedEntropy));
    const auto zeros = sourceConcentration(std::vector<std::size_t>{0, 0});
    EXPECT_EQ(zeros.sources, 0U);
    EXPECT_TRUE(std::isnan(zeros.largestShare));
}

TEST(SourceConcentration, OneSourceHoldsAll) {
    const auto c = sourceConcentration(std::vector<std::size_t>{0, 7, 0});
    EXPECT_EQ(c.samples, 7U);
    EXPECT_EQ(c.sources, 1U);
    EXPECT_EQ(c.largest, 1U);
    EXPECT_DOUBLE_EQ(c.largestShare, 1.0);
    EXPECT_DOUBLE_EQ(c.normalizedEntropy, 0.0);
}

TEST(SourceConcentration, EvenSplitIsOne) {
    const auto c = sourceConcentration(std::vector<std::size_t>{5, 5, 5, 5});
    EXPECT_EQ(c.sources, 4U);
    EXPECT_EQ(c.largest, 0U); // the first on ties
    EXPECT_DOUBLE_EQ(c.largestShare, 0.25);
    EXPECT_DOUBLE_EQ(c.normalizedEntropy, 1.0);
}

TEST(SourceConcentration, SkewedByHand) {
    // Shares 3/4 and 1/4: H = −(0.75 ln 0.75 + 0.25 ln 0.25) = 0.562335 nats; / ln 2 = 0.811278.
    const auto c = sourceConcentration(std::vector<std::size_t>{1, 3});
    EXPECT_EQ(c.largest, 1U);
    EXPECT_DOUBLE_EQ(c.largestShare, 0.75);
    EXPECT_NEAR(c.normalizedEntropy, 0.811278, 1e-6);
    // Shares 1/2, 1/4, 1/4: H = 1.5 bits; / log2 3 = 0.946395.
    const auto d = sourceConcentration(std::vector<std::size_t>{2, 1, 0, 1});
    EXPECT_EQ(d.sources, 3U);
    EXPECT_DOUBLE_EQ(d.largestShare, 0.5);
    EXPECT_NEAR(d.normalizedEntropy, 0.946395, 1e-6);
}
