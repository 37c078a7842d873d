#include "analysis/VsReal.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <random>
#include <vector>

using namespace synthscope::analysis;

namespace {

RowMatrixXf unitRows(std::initializer_list<double> degrees) {
    RowMatrixXf m(static_cast<Eigen::Index>(degrees.size()), 2);
    Eigen::Index i = 0;
    for (double d : degrees) {
        const double r = d * std::numbers::pi / 180.0;
        m(i, 0) = static_cast<float>(std::cos(r));
        m(i, 1) = static_cast<float>(std::sin(r));
        ++i;
    }
    return m;
}

// Token ids per document, and the ComparisonInputs spans over them.
struct TokenDocs {
    std::vector<std::vector<std::uint32_t>> tokens;
    std::vector<std::span<const std::uint32_t>> spans;
    std::vector<std::uint64_t> hashes;
    std::vector<std::string> labels;

    ComparisonInputs inputs() {
        spans.clear();
        for (const auto& t : tokens)
            spans.emplace_back(t);
        ComparisonInputs in;
        in.tokens = spans;
        in.hashes = hashes;
        in.labels = labels;
        return in;
    }
};

} // namespace

TEST(VsReal, KeysFollowTheFields) {
    ComparisonMetrics m;
    m.mauve = 0.25;
    m.coverageRealBySynthetic = 0.5;
    const auto& keys = comparisonKeys();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (std::string(keys[i]) == "mauve")
            EXPECT_EQ(m.value(i), 0.25);
        else if (std::string(keys[i]) == "coverage_real_by_synthetic")
            EXPECT_EQ(m.value(i), 0.5);
        else
            EXPECT_TRUE(std::isnan(m.value(i))) << keys[i];
    }
}

// k = 1 on the unit circle. A at 0°, 10°, 90°; B at 5°, 180°. Radii (nearest other of the
// same set): A0, A1 → cos 10°, A2 → cos 80°; B0, B1 → cos 175°.
// A balls holding B: A0 ∋ B0 (5° ≤ 10°), A1 ∋ B0, A2 holds none (B0 is 85° away > 80°)
//   → coverage(real by synthetic) 2/3; B0 lies in 2 A balls, B1 in none → precision 1/2,
//   density (2 + 0) / 2 / k = 1.
// B balls (radius 175°): B0's holds every A; B1's holds A1 (170°) and A2 (90°) but not A0
//   (180°) → recall 3/3, and both B balls hold an A → coverage(synthetic by real) 1.
TEST(VsReal, NearestNeighbourBallsByHand) {
    const ComparisonMetrics m = nearestNeighbourBalls(unitRows({0, 10, 90}), unitRows({5, 180}), 1);
    EXPECT_NEAR(m.coverageRealBySynthetic, 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(m.precision, 0.5, 1e-12);
    EXPECT_NEAR(m.density, 1.0, 1e-12);
    EXPECT_NEAR(m.recall, 1.0, 1e-12);
    EXPECT_NEAR(m.coverageSyntheticByReal, 1.0, 1e-12);
    EXPECT_TRUE(std::isnan(m.mauve));
    // Needs more than k rows per side.
    EXPECT_TRUE(std::isnan(nearestNeighbourBalls(unitRows({0}), unitRows({5, 9}), 1).precision));
}

// The balls on random unit rows against the definitions computed directly (Naeem et al. 2020,
// in double, every pair, a full sort per row): k-th neighbour radii from the triangular Gram
// product and the one-pass selection give the same five measures.
TEST(VsReal, NearestNeighbourBallsMatchTheDefinitions) {
    std::mt19937_64 rng(5);
    std::normal_distribution<float> g(0.0f, 1.0f);
    const auto rows = [&](Eigen::Index n, float shift) {
        RowMatrixXf x(n, 12);
        for (Eigen::Index i = 0; i < x.size(); ++i)
            x.data()[i] = g(rng);
        x.col(0).array() += shift;
        x.rowwise().normalize();
        return x;
    };
    const RowMatrixXf a = rows(300, 0.0f);
    const RowMatrixXf b = rows(200, 3.0f);
    const std::size_t k = 5;
    const auto cosine = [](const RowMatrixXf& x, Eigen::Index i, const RowMatrixXf& y,
                           Eigen::Index j) {
        return x.row(i).cast<double>().dot(y.row(j).cast<double>());
    };
    const auto radii = [&](const RowMatrixXf& x) {
        std::vector<double> r;
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            std::vector<double> c;
            for (Eigen::Index j = 0; j < x.rows(); ++j)
                c.push_back(cosine(x, i, x, j));
            std::sort(c.begin(), c.end(), std::greater<>());
            r.push_back(c[k]);
        }
        return r;
    };
    const std::vector<double> ra = radii(a);
    const std::vector<double> rb = radii(b);
    double precision = 0, recall = 0, density = 0, coverageA = 0, coverageB = 0;
    for (Eigen::Index j = 0; j < b.rows(); ++j) {
        int holding = 0;
        bool holdsA = false;
        for (Eigen::Index i = 0; i < a.rows(); ++i) {
            holding += cosine(a, i, b, j) >= ra[static_cast<std::size_t>(i)] ? 1 : 0;
            holdsA = holdsA || cosine(a, i, b, j) >= rb[static_cast<std::size_t>(j)];
        }
        precision += holding > 0 ? 1 : 0;
        density += holding;
        coverageB += holdsA ? 1 : 0;
    }
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
        bool inB = false;
        bool holdsB = false;
        for (Eigen::Index j = 0; j < b.rows(); ++j) {
            inB = inB || cosine(a, i, b, j) >= rb[static_cast<std::size_t>(j)];
            holdsB = holdsB || cosine(a, i, b, j) >= ra[static_cast<std::size_t>(i)];
        }
        recall += inB ? 1 : 0;
        coverageA += holdsB ? 1 : 0;
    }
    const ComparisonMetrics m = nearestNeighbourBalls(a, b, k);
    EXPECT_DOUBLE_EQ(m.precision, precision / 200);
    EXPECT_DOUBLE_EQ(m.recall, recall / 300);
    EXPECT_DOUBLE_EQ(m.density, density / 200 / k);
    EXPECT_DOUBLE_EQ(m.coverageRealBySynthetic, coverageA / 300);
    EXPECT_DOUBLE_EQ(m.coverageSyntheticByReal, coverageB / 200);
    // The shifted sets overlap in part: recall and both coverages away from 0 and 1.
    for (const double v : {m.recall, m.coverageRealBySynthetic, m.coverageSyntheticByReal}) {
        EXPECT_GT(v, 0.1);
        EXPECT_LT(v, 0.9);
    }
}

// Labels: A = {x, y} (1 bit), B = {x, x} (0 bits): entropy change −1 bit. JS of (½, ½) and
// (1, 0): M = (¾, ¼); KL(P‖M) = ½·log2(⅔) + ½·log2(2) = 0.207519; KL(Q‖M) = log2(4/3) =
// 0.415037; JS = ½(0.207519 + 0.415037) = 0.311278 bits.
TEST(VsReal, CompareSetsLabelsByHand) {
    TokenDocs d;
    d.tokens = {{1, 2}, {1, 3}, {1, 2}, {1, 2}};
    d.hashes = {1, 2, 1, 1};
    d.labels = {"x", "y", "x", "x"};
    const ComparisonInputs in = d.inputs();
    const std::vector<std::uint32_t> a = {0, 1};
    const std::vector<std::uint32_t> b = {2, 3};
    const ComparisonMetrics m = compareSets(in, a, b, VsRealParams{}, false, 1);
    EXPECT_NEAR(m.labelEntropyChangeBits, -1.0, 1e-12);
    EXPECT_NEAR(m.jsLabel, 0.311278, 1e-6);
    EXPECT_NEAR(m.jsLengthTokens, 0.0, 1e-12); // every document has two tokens
    EXPECT_NEAR(m.ksLengthTokens, 0.0, 1e-12);
    EXPECT_GT(m.jsUnigram, 0.0);
    EXPECT_TRUE(std::isnan(m.mauve)); // no embeddings asked for
    // A set against itself: nothing differs.
    const ComparisonMetrics same = compareSets(in, a, a, VsRealParams{}, false, 1);
    EXPECT_NEAR(same.jsUnigram, 0.0, 1e-12);
    EXPECT_NEAR(same.jsBigram, 0.0, 1e-12);
    EXPECT_NEAR(same.labelEntropyChangeBits, 0.0, 1e-12);
}

// 40 real documents of 6 tokens (distinct hashes 0..39). The synthetic corpus: 10 documents,
// 2 of them exact copies of real ones (long), 1 a copy of a 2-token real document (short),
// 7 new. Copies count against the whole real side, shorts apart: exact rate 2/9 of the long
// ones, short matches 1/10 of all, pooled and per corpus (budget = min(10, 40/2) = 10, so
// every draw holds the whole corpus).
TEST(VsReal, CopiesAgainstTheRealSideWithShortAnswersApart) {
    TokenDocs d;
    std::vector<std::uint32_t> corpusOf;
    for (std::uint32_t i = 0; i < 40; ++i) {
        d.tokens.push_back(i == 39 ? std::vector<std::uint32_t>{7, 8}
                                   : std::vector<std::uint32_t>{i, i + 1, i + 2, 1, 2, 3});
        d.hashes.push_back(i);
        corpusOf.push_back(0);
    }
    for (std::uint32_t i = 0; i < 10; ++i) {
        if (i < 2) {
            d.tokens.push_back(d.tokens[i * 5]);
            d.hashes.push_back(i * 5);
        } else if (i == 2) {
            d.tokens.push_back({7, 8});
            d.hashes.push_back(39);
        } else {
            d.tokens.push_back({100 + i, 101, 102, 103, 104, 105});
            d.hashes.push_back(1000 + i);
        }
        corpusOf.push_back(1);
    }
    ComparisonInputs in = d.inputs();
    in.labels = {};
    const ComparisonMetrics pooled = comparePooled(in, corpusOf, {false, true}, VsRealParams{});
    EXPECT_NEAR(pooled.crossExactDuplicateRate, 2.0 / 9.0, 1e-12);
    EXPECT_NEAR(pooled.shortExactMatchRate, 0.1, 1e-12);
    EXPECT_TRUE(std::isnan(pooled.crossNearDuplicateRate)); // no near-duplicate groups given

    VsRealParams p;
    p.draws = 3;
    const auto result = compareEachWithReal(in, corpusOf, {false, true}, p);
    ASSERT_EQ(result.size(), 1u);
    EXPECT_EQ(result[0].corpus, 1u);
    EXPECT_EQ(result[0].budget, 10u);
    EXPECT_EQ(result[0].draws, 3u);
    EXPECT_NEAR(result[0].value.mean.crossExactDuplicateRate, 2.0 / 9.0, 1e-12);
    EXPECT_NEAR(result[0].value.sd.crossExactDuplicateRate, 0.0, 1e-12);
    EXPECT_NEAR(result[0].value.mean.shortExactMatchRate, 0.1, 1e-12);
    // Real documents are all distinct: the null never finds a copy.
    EXPECT_NEAR(result[0].null.mean.crossExactDuplicateRate, 0.0, 1e-12);
    EXPECT_NEAR(result[0].null.sd.crossExactDuplicateRate, 0.0, 1e-12);
    // Distinct words on the synthetic side: JS of unigrams well above the real-vs-real band.
    EXPECT_GT(result[0].value.mean.jsUnigram,
              result[0].null.mean.jsUnigram + 2.0 * result[0].null.sd.jsUnigram);
    // Seeded: the same call gives the same numbers.
    const auto again = compareEachWithReal(in, corpusOf, {false, true}, p);
    EXPECT_EQ(again[0].value.mean.jsUnigram, result[0].value.mean.jsUnigram);
    EXPECT_EQ(again[0].null.sd.jsBigram, result[0].null.sd.jsBigram);
}

TEST(VsReal, TooFewSamplesAreNotCompared) {
    TokenDocs d;
    std::vector<std::uint32_t> corpusOf;
    for (std::uint32_t i = 0; i < 25; ++i) {
        d.tokens.push_back({i});
        d.hashes.push_back(i);
        corpusOf.push_back(i < 20 ? 0 : 1); // 20 real, 5 synthetic
    }
    const ComparisonInputs in = d.inputs();
    EXPECT_TRUE(compareEachWithReal(in, corpusOf, {false, true}, VsRealParams{}).empty());
    VsRealParams p;
    p.minSamples = 5;
    EXPECT_EQ(compareEachWithReal(in, corpusOf, {false, true}, p).size(), 1u);
}
