#include "analysis/LengthControl.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace synthscope::analysis;

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

std::size_t at(LengthControlled k) {
    return static_cast<std::size_t>(k);
}

// Documents given by their token counts (token ids are irrelevant here), with per-document
// hashes, duplicate groups, skeleton groups and perplexities as spans for ComparisonInputs.
struct LengthDocs {
    std::vector<std::vector<std::uint32_t>> tokens;
    std::vector<std::span<const std::uint32_t>> spans;
    std::vector<std::uint64_t> hashes;
    std::vector<std::uint32_t> duplicateGroup;
    std::vector<std::uint32_t> skeletonGroup;
    std::vector<double> perplexity;
    std::vector<std::uint32_t> corpusOf;

    void add(std::uint32_t corpus, std::size_t length, std::uint64_t hash, std::uint32_t dup,
             std::uint32_t skeleton, double ppl = std::nan("")) {
        tokens.emplace_back(length, 7u);
        hashes.push_back(hash);
        duplicateGroup.push_back(dup);
        skeletonGroup.push_back(skeleton);
        perplexity.push_back(ppl);
        corpusOf.push_back(corpus);
    }
    ComparisonInputs inputs() {
        spans.clear();
        for (const auto& t : tokens)
            spans.emplace_back(t);
        ComparisonInputs in;
        in.tokens = spans;
        in.hashes = hashes;
        in.duplicateGroup = duplicateGroup;
        in.skeletonGroup = skeletonGroup;
        in.perplexity = perplexity;
        return in;
    }
};

} // namespace

// exactBelow 12, ratio 1.2: lengths below 12 are their own bin; 12–14 share bin 12
// (log(14/12)/log 1.2 = 0.85), 15–17 bin 13 (log(15/12)/log 1.2 = 1.22, log(17/12)/log 1.2 = 1.91),
// 18 opens bin 14 (log 1.5 / log 1.2 = 2.22).
TEST(LengthControl, BinsAreExactBelowTheCutAndGeometricAbove) {
    const LengthControlParams p;
    EXPECT_EQ(lengthBin(0, p), 0u);
    EXPECT_EQ(lengthBin(5, p), 5u);
    EXPECT_EQ(lengthBin(11, p), 11u);
    EXPECT_EQ(lengthBin(12, p), 12u);
    EXPECT_EQ(lengthBin(14, p), 12u);
    EXPECT_EQ(lengthBin(15, p), 13u);
    EXPECT_EQ(lengthBin(17, p), 13u);
    EXPECT_EQ(lengthBin(18, p), 14u);
}

// Synthetic lengths 3, 3, 3, 5; real lengths 3, 5, 5, 7. Only one real sample has 3 tokens, so
// two of the three 3-token synthetic samples cannot be matched, whatever the seed.
TEST(LengthControl, MatchingPairsEqualBinsWithoutReplacement) {
    const std::vector<std::uint32_t> lengthOf = {3, 3, 3, 5, 3, 5, 5, 7};
    const std::vector<std::uint32_t> synthetic = {0, 1, 2, 3};
    const std::vector<std::uint32_t> real = {4, 5, 6, 7};
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const LengthMatchedDraw d = matchLengths(synthetic, real, lengthOf, {}, seed);
        EXPECT_EQ(d.drawn, 4u);
        ASSERT_EQ(d.synthetic.size(), 2u);
        ASSERT_EQ(d.real.size(), 2u);
        for (std::size_t i = 0; i < 2; ++i)
            EXPECT_EQ(lengthOf[d.synthetic[i]], lengthOf[d.real[i]]);
        EXPECT_NE(d.real[0], d.real[1]);
        EXPECT_EQ(std::count(d.real.begin(), d.real.end(), 4u), 1);
    }
    LengthControlParams small;
    small.sampleBudget = 2;
    EXPECT_EQ(matchLengths(synthetic, real, lengthOf, small, 1).drawn, 2u);
}

// Corpus 0 real: four distinct 2-token samples in no group. Corpus 1 synthetic: four 2-token
// samples, all one text (one hash, one duplicate group, one skeleton group). With m = 4 matched:
// exact and near-duplicate rates 3/4 against 0, lift (3/4 + 1/4) / (0 + 1/4) = 4; skeleton
// repetition 1 against 0, lift (1 + 1/4) / (1/4) = 5.
TEST(LengthControl, RatesAgainstALengthMatchedBaseline) {
    LengthDocs docs;
    for (std::uint64_t i = 0; i < 4; ++i)
        docs.add(0, 2, 100 + i, kNone, kNone);
    for (int i = 0; i < 4; ++i)
        docs.add(1, 2, 7, 0, 0);
    LengthControlParams p;
    p.minMatched = 4;
    const auto out = controlForLength(docs.inputs(), docs.corpusOf, {false, true}, p);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].corpus, 1u);
    EXPECT_EQ(out[0].drawn, 4u);
    EXPECT_DOUBLE_EQ(out[0].unmatchedShare, 0.0);
    const auto& exact = out[0].measures[at(LengthControlled::ExactDuplicateRate)];
    EXPECT_DOUBLE_EQ(exact.value, 0.75);
    EXPECT_DOUBLE_EQ(exact.baseline, 0.0);
    EXPECT_DOUBLE_EQ(exact.lift, 4.0);
    EXPECT_DOUBLE_EQ(exact.liftSd, 0.0); // every draw takes all four
    const auto& nearDup = out[0].measures[at(LengthControlled::NearDuplicateRate)];
    EXPECT_DOUBLE_EQ(nearDup.value, 0.75);
    EXPECT_DOUBLE_EQ(nearDup.lift, 4.0);
    const auto& skeleton = out[0].measures[at(LengthControlled::SkeletonRepetitionRate)];
    EXPECT_DOUBLE_EQ(skeleton.value, 1.0);
    EXPECT_DOUBLE_EQ(skeleton.baseline, 0.0);
    EXPECT_DOUBLE_EQ(skeleton.lift, 5.0);
    // No embeddings, no perplexities: not measured rather than 0.
    EXPECT_TRUE(std::isnan(out[0].measures[at(LengthControlled::NnSimilarityRatio)].value));
    EXPECT_TRUE(std::isnan(out[0].measures[at(LengthControlled::PerplexityMedian)].value));
}

// The synthetic corpus has four 2-token samples and four 40-token ones; the real side only
// 2-token ones. Half the draw cannot be matched, and it is said, not filled in: the baseline
// is built from the four short samples alone.
TEST(LengthControl, UnmatchedLengthsAreReportedNotInvented) {
    LengthDocs docs;
    for (std::uint64_t i = 0; i < 6; ++i)
        docs.add(0, 2, 100 + i, kNone, kNone);
    for (std::uint64_t i = 0; i < 4; ++i)
        docs.add(1, 2, 200 + i, kNone, kNone);
    for (std::uint64_t i = 0; i < 4; ++i)
        docs.add(1, 40, 300, 1, 1); // identical long samples
    LengthControlParams p;
    p.minMatched = 4;
    const auto out = controlForLength(docs.inputs(), docs.corpusOf, {false, true}, p);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_DOUBLE_EQ(out[0].unmatchedShare, 0.5);
    EXPECT_DOUBLE_EQ(out[0].matched, 4.0);
    // The identical long samples were not matched, so they do not enter the value either.
    EXPECT_DOUBLE_EQ(out[0].measures[at(LengthControlled::ExactDuplicateRate)].value, 0.0);
    EXPECT_DOUBLE_EQ(out[0].measures[at(LengthControlled::ExactDuplicateRate)].lift, 1.0);

    p.minMatched = 5; // fewer matched than that: nothing is measured
    const auto none = controlForLength(docs.inputs(), docs.corpusOf, {false, true}, p);
    ASSERT_EQ(none.size(), 1u);
    EXPECT_TRUE(std::isnan(none[0].measures[at(LengthControlled::ExactDuplicateRate)].value));
}

// Embeddings in 2-D: the synthetic samples come in identical pairs (nearest cosine 1), the real
// ones at 0°, 90°, 180°, 270° (nearest cosine 0). NN ratio 1 against 0 (lift (1 + 1/4)/(1/4) = 5);
// mean NN similarity 1 against 0 (baseline 0: no ratio).
// Perplexity: synthetic 10, 20, 30, 40 (median 25); the one held-out real sample of their
// length has 50, so the baseline median is 50 and the lift 0.5.
TEST(LengthControl, NearestNeighboursAndPerplexity) {
    LengthDocs docs;
    docs.add(0, 3, 1, kNone, kNone, 50.0);
    for (std::uint64_t i = 2; i < 5; ++i)
        docs.add(0, 3, i, kNone, kNone);
    for (std::uint64_t i = 0; i < 4; ++i)
        docs.add(1, 3, 10 + i, kNone, kNone, 10.0 * static_cast<double>(i + 1));
    RowMatrixXf e(8, 2);
    e << 1, 0, 0, 1, -1, 0, 0, -1, 1, 0, 1, 0, 0, 1, 0, 1;
    ComparisonInputs in = docs.inputs();
    in.embeddings = &e;
    LengthControlParams p;
    p.minMatched = 4;
    const auto out = controlForLength(in, docs.corpusOf, {false, true}, p);
    ASSERT_EQ(out.size(), 1u);
    const auto& ratio = out[0].measures[at(LengthControlled::NnSimilarityRatio)];
    EXPECT_DOUBLE_EQ(ratio.value, 1.0);
    EXPECT_DOUBLE_EQ(ratio.baseline, 0.0);
    EXPECT_DOUBLE_EQ(ratio.lift, 5.0);
    const auto& mean = out[0].measures[at(LengthControlled::MeanNnSimilarity)];
    EXPECT_NEAR(mean.value, 1.0, 1e-6);
    EXPECT_NEAR(mean.baseline, 0.0, 1e-6);
    EXPECT_TRUE(std::isnan(mean.lift));
    const auto& ppl = out[0].measures[at(LengthControlled::PerplexityMedian)];
    EXPECT_DOUBLE_EQ(ppl.value, 25.0);
    EXPECT_DOUBLE_EQ(ppl.baseline, 50.0);
    EXPECT_DOUBLE_EQ(ppl.lift, 0.5);
}

// Beyond half unmatched, no lift at all (a baseline for a minority would be read as one for the
// corpus); the share is still given. Three synthetic corpora at once (the parallel path): each
// gets its own result, in corpus order. Real: six 2-token samples. Corpus 1: four 2-token and
// five 40-token samples (5 of 9 unmatched, 0.56 > 0.5); corpus 2: four 2-token samples, all
// one text (lift 4, as above); corpus 3: as corpus 1 but one long sample fewer (4 of 8, 0.5:
// measured).
TEST(LengthControl, MostlyUnmatchedGetsNoLiftAndCorporaStayApart) {
    LengthDocs docs;
    for (std::uint64_t i = 0; i < 6; ++i)
        docs.add(0, 2, 100 + i, kNone, kNone);
    for (std::uint64_t i = 0; i < 4; ++i)
        docs.add(1, 2, 200 + i, kNone, kNone);
    for (std::uint64_t i = 0; i < 5; ++i)
        docs.add(1, 40, 300 + i, kNone, kNone);
    for (int i = 0; i < 4; ++i)
        docs.add(2, 2, 7, 0, 0);
    for (std::uint64_t i = 0; i < 4; ++i)
        docs.add(3, 2, 400 + i, kNone, kNone);
    for (std::uint64_t i = 0; i < 4; ++i)
        docs.add(3, 40, 500 + i, kNone, kNone);
    LengthControlParams p;
    p.minMatched = 4;
    const auto out = controlForLength(docs.inputs(), docs.corpusOf, {false, true, true, true}, p);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0].corpus, 1u);
    EXPECT_NEAR(out[0].unmatchedShare, 5.0 / 9.0, 1e-12);
    for (const auto& m : out[0].measures)
        EXPECT_TRUE(std::isnan(m.lift));
    EXPECT_EQ(out[1].corpus, 2u);
    EXPECT_DOUBLE_EQ(out[1].measures[at(LengthControlled::ExactDuplicateRate)].lift, 4.0);
    EXPECT_EQ(out[2].corpus, 3u);
    EXPECT_DOUBLE_EQ(out[2].unmatchedShare, 0.5);
    EXPECT_DOUBLE_EQ(out[2].measures[at(LengthControlled::ExactDuplicateRate)].lift, 1.0);
}

TEST(LengthControl, NoRealSideNoBaseline) {
    LengthDocs docs;
    for (std::uint64_t i = 0; i < 30; ++i)
        docs.add(0, 2, i, kNone, kNone);
    EXPECT_TRUE(controlForLength(docs.inputs(), docs.corpusOf, {true}).empty());
}
