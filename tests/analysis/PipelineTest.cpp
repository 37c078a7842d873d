#include "analysis/Pipeline.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope::analysis;

TEST(AnalyzeCorpora, PoolsSidesAndFindsNeighbours) {
    const std::vector<std::string> real1 = {"the cat sat", "a dog ran"};
    const std::vector<std::string> real2 = {"the cat ran"};
    const std::vector<std::string> synth = {"the cat sat", "sure here is a cat"};
    const std::vector<std::string> synthLabels = {"x", "y"};
    const std::vector<CorpusInput> inputs = {
        {false, real1, {}}, {false, real2, {}}, {true, synth, synthLabels}};
    const AnalysisResult r = analyzeCorpora(inputs);
    ASSERT_EQ(r.corpora.size(), 3u);
    EXPECT_EQ(r.corpora[0].samples, 2u);
    EXPECT_TRUE(r.corpora[0].unigrams.empty()); // large maps are released
    ASSERT_TRUE(r.comparison.has_value());
    EXPECT_EQ(r.comparison->realSamples, 3u);
    EXPECT_EQ(r.comparison->syntheticSamples, 2u);
    EXPECT_GT(r.comparison->jsUnigram, 0.0);
    EXPECT_LT(r.comparison->jsUnigram, 1.0);
    EXPECT_FALSE(r.comparison->jsLabel.has_value()); // only one side has labels
    EXPECT_EQ(r.comparison->labels.size(), 2u);
    ASSERT_TRUE(r.similarity.has_value());
    ASSERT_EQ(r.similarity->realNeighbours.size(), 5u);
    EXPECT_TRUE(r.similarity->realNeighbours[0].empty()); // real samples get none
    // "the cat sat" (document 3, synthetic) is identical to document 0 (real): an exact
    // cross-corpus duplicate, and its nearest real neighbour at cosine 1.
    ASSERT_FALSE(r.similarity->realNeighbours[3].empty());
    EXPECT_EQ(r.similarity->realNeighbours[3][0].index, 0u);
    EXPECT_NEAR(r.similarity->realNeighbours[3][0].cosine, 1.0, 1e-5);
    ASSERT_TRUE(r.similarity->comparison.has_value());
    EXPECT_EQ(r.similarity->comparison->crossExactDuplicates, 1u);
    EXPECT_DOUBLE_EQ(r.similarity->comparison->crossExactDuplicateRate, 0.5);
    // Structure: one extras entry per corpus; perplexity is NaN exactly for the real samples
    // the model was trained on (3 real → round(0.3) → at least 1 held out, 2 trained on).
    ASSERT_EQ(r.extras.size(), 3u);
    ASSERT_EQ(r.perplexity.size(), 5u);
    int trained = 0;
    for (std::size_t i = 0; i < 3; ++i)
        trained += std::isnan(r.perplexity[i]) ? 1 : 0;
    EXPECT_EQ(trained, 2);
    EXPECT_FALSE(std::isnan(r.perplexity[3]));
    EXPECT_FALSE(std::isnan(r.perplexity[4]));
    ASSERT_TRUE(r.perplexityMedianSynthetic.has_value());
    EXPECT_GE(*r.perplexityMedianSynthetic, 1.0);
    EXPECT_TRUE(r.extras[2].perplexityMedian.has_value());
    EXPECT_GT(r.extras[2].compressionRatio, 0.0);
}

TEST(AnalyzeCorpora, NoComparisonWithOneSide) {
    const std::vector<std::string> real = {"a b"};
    const std::vector<CorpusInput> inputs = {{false, real, {}}};
    const AnalysisResult r = analyzeCorpora(inputs);
    EXPECT_FALSE(r.comparison.has_value());
    ASSERT_TRUE(r.similarity.has_value());
    EXPECT_FALSE(r.similarity->comparison.has_value());
}
