#include "analysis/Profile.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope::analysis;

TEST(Profile, DistinctNLengthsAndDuplicates) {
    // Tokens: [a b a] [b a] [A  B  a] → the third is "a b a" again after folding.
    // unigrams: 3 + 2 + 3 = 8 total, distinct {a, b} = 2 → distinct-1 = 2/8 = 0.25
    // bigrams: (a,b)(b,a) | (b,a) | (a,b)(b,a) = 5 total, distinct 2 → distinct-2 = 0.4
    // trigrams: (a,b,a) | — | (a,b,a) = 2 total, 1 distinct → distinct-3 = 0.5
    // exact duplicates: text 3 normalises to "a b a" = text 1 → 1 of 3 samples.
    Vocabulary vocab;
    const std::vector<std::string> texts = {"a b a", "b a", "A  B  a"};
    const auto corpus = tokenizeCorpus(texts, vocab);
    const CorpusProfile p = profileCorpus(corpus, {});
    EXPECT_EQ(p.samples, 3u);
    EXPECT_EQ(p.tokens, 8u);
    EXPECT_DOUBLE_EQ(p.distinct1, 0.25);
    EXPECT_DOUBLE_EQ(p.distinct2, 0.4);
    EXPECT_DOUBLE_EQ(p.distinct3, 0.5);
    EXPECT_EQ(p.trigrams, 2u);
    EXPECT_EQ(p.vocabularySize, 2u);
    EXPECT_EQ(p.exactDuplicates, 1u);
    EXPECT_DOUBLE_EQ(p.exactDuplicateRate, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(p.meanLengthTokens, 8.0 / 3.0);
    EXPECT_DOUBLE_EQ(p.medianLengthTokens, 3.0); // lengths 3, 2, 3
    EXPECT_DOUBLE_EQ(p.meanLengthChars, (5.0 + 3.0 + 7.0) / 3.0);
    EXPECT_EQ(p.labelledSamples, 0u);
}

TEST(Profile, LabelEntropy) {
    // A A A B: H = −(¾·log2 ¾ + ¼·log2 ¼) = 0.811278…
    Vocabulary vocab;
    const std::vector<std::string> texts = {"x", "y", "z", "w"};
    const std::vector<std::string> labels = {"A", "A", "A", "B"};
    const CorpusProfile p = profileCorpus(tokenizeCorpus(texts, vocab), labels);
    EXPECT_NEAR(p.labelEntropyBits, 0.8112781244591328, 1e-12);
    EXPECT_EQ(p.labelCounts.at("A"), 3u);
    EXPECT_EQ(p.labelledSamples, 4u);
}

TEST(Profile, EmptyLabelIsUnlabelledAndSizesMustMatch) {
    Vocabulary vocab;
    const std::vector<std::string> texts = {"x", "y"};
    const auto corpus = tokenizeCorpus(texts, vocab);
    const std::vector<std::string> labels = {"A", ""};
    EXPECT_EQ(profileCorpus(corpus, labels).labelledSamples, 1u);
    const std::vector<std::string> wrong = {"A"};
    EXPECT_THROW(profileCorpus(corpus, wrong), std::invalid_argument);
}

TEST(Profile, EvenMedianAndEmptyCorpus) {
    Vocabulary vocab;
    const std::vector<std::string> texts = {"a", "a b c d"};
    EXPECT_DOUBLE_EQ(profileCorpus(tokenizeCorpus(texts, vocab), {}).medianLengthTokens, 2.5);
    const CorpusProfile empty = profileCorpus(TokenizedCorpus{}, {});
    EXPECT_EQ(empty.samples, 0u);
    EXPECT_DOUBLE_EQ(empty.distinct1, 0.0);
}

TEST(Entropy, UniformTwoIsOneBit) {
    const std::vector<double> c = {5, 5};
    EXPECT_DOUBLE_EQ(entropyBits(c), 1.0);
    EXPECT_DOUBLE_EQ(entropyBits(std::vector<double>{}), 0.0);
}
