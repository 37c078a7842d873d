#include "analysis/Pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

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

TEST(AnalyzeCorpora, JudgesPreferencePairsByTokenLength) {
    // Two pairs: the longer output wins the first, the shorter the second; a third pair has
    // no verdict. Token lengths: 1, 4, 3, 2, 1, 1.
    const std::vector<std::string> texts = {
        "short", "a much longer answer", "three word one", "two words", "x", "y"};
    const std::vector<IndexedPair> pairs = {{0, 1, 1.0}, {2, 3, 1.0}, {4, 5, kNaN}};
    const std::vector<CorpusInput> inputs = {{true, texts, {}, pairs}, {true, texts, {}}};
    AnalysisParams params;
    params.findSimilarity = false;
    params.findStructure = false;
    params.logOdds.minCount = 1;
    params.judgeCueMinOutputs = 1;
    const AnalysisResult r = analyzeCorpora(inputs, params);
    ASSERT_EQ(r.judge.size(), 2u);
    EXPECT_FALSE(r.judge[1].has_value()); // no pairs, no judge
    ASSERT_TRUE(r.judge[0].has_value());
    const JudgeResult& j = *r.judge[0];
    EXPECT_EQ(j.pairs, 3u);
    EXPECT_EQ(j.judged, 2u);
    EXPECT_DOUBLE_EQ(j.meanLengthFirst, 2.0);  // (1 + 3) / 2
    EXPECT_DOUBLE_EQ(j.meanLengthSecond, 3.0); // (4 + 2) / 2
    EXPECT_DOUBLE_EQ(j.longerWins, 0.5);
    // The preferred outputs are the second ones ("a much longer answer", "two words"), the
    // rejected the first ("short", "three word one"); the third pair has no verdict.
    const auto has = [](const std::vector<LogOddsTerm>& terms, const std::string& ngram) {
        return std::any_of(terms.begin(), terms.end(),
                           [&](const LogOddsTerm& t) { return t.ngram == ngram; });
    };
    EXPECT_TRUE(has(j.indicating.indicatingA, "longer"));
    EXPECT_TRUE(has(j.indicating.indicatingB, "short"));
    EXPECT_FALSE(has(j.indicating.indicatingA, "x"));
    EXPECT_FALSE(has(j.indicating.indicatingB, "x"));
    // "longer" is in one output only: not a cue when two outputs are asked for.
    params.judgeCueMinOutputs = 2;
    const AnalysisResult strict = analyzeCorpora(inputs, params);
    EXPECT_FALSE(has(strict.judge[0]->indicating.indicatingA, "longer"));
    // Too few kept tokens for the equal-budget diversity.
    EXPECT_EQ(j.diversityTokenBudget, 0u);
    EXPECT_TRUE(std::isnan(j.kept.distinct2));

    const std::vector<IndexedPair> outside = {{0, 6, 1.0}};
    const std::vector<CorpusInput> bad = {{true, texts, {}, outside}};
    EXPECT_THROW(analyzeCorpora(bad, params), std::invalid_argument);
}

// Duplicate-cluster ids computed elsewhere join texts with nothing in common into one
// near-duplicate group, only within their corpus: the real corpus's "7" and the synthetic
// corpus's "7" are different engine runs' ids. Hand count: real {0, 2} and synthetic {4, 5}
// are the only groups (the eight texts share no word), so each corpus has one removable
// near-duplicate of four and no group holds both roles.
TEST(AnalyzeCorpora, ImportedDuplicateClustersJoinGroupsWithinTheirCorpus) {
    const std::vector<std::string> real = {"alpha beta gamma delta", "one two three four five",
                                           "red green blue yellow", "cat dog bird fish"};
    const std::vector<std::string> realIds = {"7", "", "7", ""};
    const std::vector<std::string> synth = {"sun moon star comet", "apple pear plum fig",
                                            "oak elm ash pine", "north south east west"};
    const std::vector<std::string> synthIds = {"7", "7", "", ""};
    AnalysisParams params;
    params.findStructure = false;
    const std::vector<CorpusInput> inputs = {{false, real, {}, {}, realIds},
                                             {true, synth, {}, {}, synthIds}};
    const AnalysisResult r = analyzeCorpora(inputs, params);
    ASSERT_TRUE(r.similarity.has_value());
    const SimilarityResult& s = *r.similarity;
    ASSERT_EQ(s.duplicateGroups.size(), 2u);
    EXPECT_EQ(s.duplicateGroupOf[0], s.duplicateGroupOf[2]);
    EXPECT_EQ(s.duplicateGroupOf[4], s.duplicateGroupOf[5]);
    EXPECT_NE(s.duplicateGroupOf[0], s.duplicateGroupOf[4]);
    EXPECT_EQ(s.duplicateGroupOf[1], UINT32_MAX);
    EXPECT_FALSE(s.duplicateGroups[0].exact);
    EXPECT_EQ(s.corpora[0].nearDuplicates, 1u);
    EXPECT_DOUBLE_EQ(s.corpora[0].nearDuplicateRate, 0.25);
    EXPECT_EQ(s.corpora[1].nearDuplicates, 1u);
    EXPECT_EQ(s.corpora[0].importedClusterIds, 2u);
    EXPECT_EQ(s.corpora[1].importedClusterIds, 2u);
    ASSERT_TRUE(s.comparison.has_value());
    EXPECT_EQ(s.comparison->crossNearDuplicates, 0u);
    // Synthscope's own groups, which the comparisons with the real side use: none here.
    ASSERT_EQ(s.duplicateGroupOfOwn.size(), 8u);
    EXPECT_TRUE(std::all_of(s.duplicateGroupOfOwn.begin(), s.duplicateGroupOfOwn.end(),
                            [](std::uint32_t g) { return g == UINT32_MAX; }));

    // Without ids: no groups at all. Ids not one per text: an error, not a guess.
    const std::vector<CorpusInput> plain = {{false, real, {}}, {true, synth, {}}};
    EXPECT_TRUE(analyzeCorpora(plain, params).similarity->duplicateGroups.empty());
    EXPECT_TRUE(analyzeCorpora(plain, params).similarity->duplicateGroupOfOwn.empty());
    const std::vector<std::string> short_ = {"7"};
    const std::vector<CorpusInput> bad = {{false, real, {}, {}, short_}, {true, synth, {}}};
    EXPECT_THROW(analyzeCorpora(bad, params), std::invalid_argument);
}

// The structure stages run beside the similarity stages below concurrentStagesMaxTokens and
// after them above it; nothing they compute may depend on which.
TEST(AnalyzeCorpora, SideBySideAndOneAfterTheOtherGiveTheSameResults) {
    const std::vector<std::string> real = {
        "the parcel arrived late and the box was crushed on arrival",
        "my card was charged twice for the same order last week",
        "how do i reset the password on my account please",
        "the app crashes every time i open the settings page",
        "where is my refund it has been two weeks since i sent it back",
        "can i change the delivery address after the order shipped"};
    const std::vector<std::string> synth = {
        "thank you for reaching out we are happy to help you with your order",
        "thank you for reaching out we are happy to help you with your refund",
        "thank you for reaching out we are happy to help you with your account",
        "i understand how frustrating this is let me check the order for you",
        "i understand how frustrating this is let me check the refund for you"};
    const std::vector<CorpusInput> inputs = {{false, real, {}}, {true, synth, {}}};
    AnalysisParams together;
    together.similarity.embedding.dimension = 4;
    together.similarity.embedding.features.minDocumentFrequency = 1;
    together.similarity.clusters = 2;
    together.similarity.detectabilityFolds = 2;
    AnalysisParams apart = together;
    apart.concurrentStagesMaxTokens = 0;
    const AnalysisResult a = analyzeCorpora(inputs, together);
    const AnalysisResult b = analyzeCorpora(inputs, apart);
    const auto named = [](const AnalysisResult& r, const char* stage) {
        return std::any_of(r.stageSeconds.begin(), r.stageSeconds.end(),
                           [&](const auto& s) { return s.first == stage; });
    };
    EXPECT_TRUE(named(a, "structure + similarity (concurrent, wall)"));
    EXPECT_FALSE(named(b, "structure + similarity (concurrent, wall)"));
    EXPECT_TRUE(named(a, "language model") && named(b, "language model"));
    ASSERT_EQ(a.perplexity.size(), b.perplexity.size());
    for (std::size_t i = 0; i < a.perplexity.size(); ++i)
        EXPECT_TRUE(a.perplexity[i] == b.perplexity[i] ||
                    (std::isnan(a.perplexity[i]) && std::isnan(b.perplexity[i])))
            << i;
    EXPECT_EQ(a.templates.groupOf, b.templates.groupOf);
    EXPECT_EQ(a.templates.skeletonOf, b.templates.skeletonOf);
    ASSERT_EQ(a.extras.size(), 2u);
    for (std::size_t c = 0; c < 2; ++c) {
        EXPECT_EQ(a.extras[c].selfBleu, b.extras[c].selfBleu);
        EXPECT_EQ(a.extras[c].mtld, b.extras[c].mtld);
        EXPECT_EQ(a.extras[c].compressionRatio, b.extras[c].compressionRatio);
    }
    ASSERT_TRUE(a.similarity && b.similarity);
    EXPECT_EQ(a.similarity->cluster, b.similarity->cluster);
    EXPECT_EQ(a.similarity->duplicateGroupOf, b.similarity->duplicateGroupOf);
}

// Skeletons are built in batches of 8,192 documents (and mould window sets of 16,384): with
// three hand-written answers in turn over 20,000 documents in two corpora, every document must
// land in the skeleton group of its own answer on both sides of every batch boundary.
TEST(AnalyzeCorpora, SkeletonGroupsHoldAcrossBatches) {
    const std::vector<std::string> answers = {
        "I understand how frustrating this is. Here is what to do next.",
        "Thank you for reaching out to us about your order today.",
        "Please visit our website and log in to your account first."};
    std::vector<std::string> first;
    std::vector<std::string> second;
    for (std::size_t i = 0; i < 20000; ++i)
        (i < 9000 ? first : second).push_back(answers[i % 3]);
    const std::vector<CorpusInput> inputs = {{false, first, {}}, {true, second, {}}};
    AnalysisParams params;
    params.findSimilarity = false;
    const AnalysisResult r = analyzeCorpora(inputs, params);
    ASSERT_EQ(r.templates.groupOf.size(), 20000u);
    ASSERT_EQ(r.templates.groups.size(), 3u);
    for (std::size_t i = 0; i < 20000; ++i)
        ASSERT_EQ(r.templates.groupOf[i], r.templates.groupOf[i % 3]) << "document " << i;
    EXPECT_NE(r.templates.groupOf[0], r.templates.groupOf[1]);
    EXPECT_NE(r.templates.groupOf[1], r.templates.groupOf[2]);
    EXPECT_NE(r.templates.groupOf[0], r.templates.groupOf[2]);
}
