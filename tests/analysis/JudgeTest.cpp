#include "analysis/Judge.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

using namespace synthscope::analysis;

namespace {

double logistic(double t) {
    return 1.0 / (1.0 + std::exp(-t));
}

// 4,000 pairs without verdicts, the second output usually the longer: first lengths uniform in
// [50, 150] tokens, the second 40 ± 60 tokens longer (at least 1).
std::vector<JudgedPair> secondUsuallyLonger(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> base(50, 150);
    std::normal_distribution<double> extra(40, 60);
    std::vector<JudgedPair> pairs;
    for (int i = 0; i < 4000; ++i) {
        const double a = base(rng);
        pairs.push_back({a, std::max(1.0, a + extra(rng)), kNaN});
    }
    return pairs;
}

} // namespace

TEST(Judge, CountsByHand) {
    // Second longer and preferred; first longer and preferred; a tie; a pair without verdict;
    // equal lengths with the first preferred.
    const std::vector<JudgedPair> pairs = {
        {10, 20, 1.0}, {30, 10, 0.0}, {10, 40, 0.5}, {5, 50, kNaN}, {10, 10, 0.0}};
    const JudgeResult r = analyzeJudge(pairs);
    EXPECT_EQ(r.pairs, 5u);
    EXPECT_EQ(r.judged, 4u);
    EXPECT_EQ(r.ties, 1u);
    // Win rate of the second: (1 + 0 + 0.5 + 0) / 4.
    EXPECT_DOUBLE_EQ(r.winRate, 0.375);
    // Decisive pairs of different lengths: the first two, both won by the longer output.
    EXPECT_EQ(r.longerWinsPairs, 2u);
    EXPECT_EQ(r.secondShorterPairs, 1u); // (30, 10); the pair without a verdict is not judged
    EXPECT_DOUBLE_EQ(r.longerWins, 1.0);
    EXPECT_DOUBLE_EQ(r.meanLengthFirst, 15.0);
    EXPECT_DOUBLE_EQ(r.meanLengthSecond, 20.0);
    // Differences 10, −20, 30, 0: mean 5, sample variance (25 + 625 + 625 + 25) / 3.
    EXPECT_NEAR(r.lengthDifferenceSd, std::sqrt(1300.0 / 3.0), 1e-12);
    ASSERT_EQ(r.curve.size(), 9u);
    std::size_t binned = 0;
    for (const JudgeCurveBin& b : r.curve)
        binned += b.pairs;
    EXPECT_EQ(binned, 4u);
}

TEST(Judge, EqualLengthsLeaveOnlyTheIntercept) {
    // Every pair of equal length: no length signal, and the model is the win rate itself.
    std::vector<JudgedPair> pairs;
    for (int i = 0; i < 30; ++i)
        pairs.push_back({20, 20, i < 21 ? 1.0 : 0.0});
    const JudgeResult r = analyzeJudge(pairs);
    EXPECT_DOUBLE_EQ(r.winRate, 0.7);
    EXPECT_TRUE(std::isnan(r.lengthSlope));
    EXPECT_TRUE(std::isnan(r.lengthPreference));
    EXPECT_TRUE(std::isnan(r.longerWins));
    // Ridge λ = 0.01 pulls the logit 0.847 of 0.7 in by a negligible amount.
    EXPECT_NEAR(r.lengthControlledWinRate, 0.7, 1e-3);
}

TEST(Judge, RejectsBadInput) {
    const std::vector<JudgedPair> negative = {{-1, 2, 1.0}};
    EXPECT_THROW(analyzeJudge(negative), std::invalid_argument);
    const std::vector<JudgedPair> verdict = {{1, 2, 2.0}};
    EXPECT_THROW(analyzeJudge(verdict), std::invalid_argument);
    EXPECT_EQ(analyzeJudge(std::span<const JudgedPair>{}).judged, 0u);
}

// A judge that ignores quality and follows length: verdicts are random but correlated with
// length, and the second output is usually the longer. The raw figures say the second output is
// better; the length-controlled win rate says it is not.
TEST(Judge, LengthOnlyVerdictsAreControlledAway) {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<JudgedPair> pairs = secondUsuallyLonger(rng);
    std::vector<double> deltas;
    for (const JudgedPair& p : pairs)
        deltas.push_back(p.lengthSecond - p.lengthFirst);
    const double sd = finiteMeanSd(deltas).sd;
    for (JudgedPair& p : pairs)
        p.preferSecond =
            u(rng) < logistic(1.5 * std::tanh((p.lengthSecond - p.lengthFirst) / sd)) ? 1.0 : 0.0;
    const JudgeResult r = analyzeJudge(pairs);
    EXPECT_GT(r.winRate, 0.6); // the raw win rate rewards the longer side
    EXPECT_GT(r.longerWins, 0.65);
    EXPECT_NEAR(r.lengthControlledWinRate, 0.5, 0.04); // quality is equal
    EXPECT_NEAR(r.lengthSlope, 1.5, 4 * r.lengthSlopeStdError);
    EXPECT_NEAR(r.lengthPreference, logistic(1.5 * std::tanh(100.0 / sd)), 0.05);
    // The fitted curve follows the observed one where there are pairs.
    for (const JudgeCurveBin& b : r.curve) {
        if (b.pairs >= 200) {
            EXPECT_NEAR(b.observed, b.fitted, 0.06) << "bin at z = " << b.z;
        }
    }
}

// A judge that follows a quality label only, while the second output is still usually longer:
// the longer output wins often (it is usually the better one's side), yet the model finds no
// length effect and the length-controlled win rate stays the raw one.
TEST(Judge, QualityOnlyVerdictsKeepTheirWinRate) {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<JudgedPair> pairs = secondUsuallyLonger(rng);
    for (JudgedPair& p : pairs) // the quality label, independent of length
        p.preferSecond = u(rng) < 0.75 ? 1.0 : 0.0;
    const JudgeResult r = analyzeJudge(pairs);
    EXPECT_GT(r.longerWins, 0.6); // raw: looks like a length bias
    EXPECT_NEAR(r.lengthSlope, 0.0, 3 * r.lengthSlopeStdError);
    EXPECT_NEAR(r.lengthPreference, 0.5, 0.05);
    EXPECT_NEAR(r.lengthControlledWinRate, r.winRate, 0.03);
    EXPECT_NEAR(r.lengthControlledWinRate, 0.75, 0.03);
}
