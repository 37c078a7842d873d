#include "analysis/Similarity.h"
#include "analysis/Embedding.h"
#include "analysis/KMeans.h"
#include "analysis/Knn.h"
#include "analysis/Layout.h"
#include "analysis/Logistic.h"
#include "analysis/Mauve.h"
#include "analysis/MinHash.h"

#include <gtest/gtest.h>

#include <Eigen/SVD>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace synthscope::analysis;

TEST(TfIdfMatrix, HandComputedWeights) {
    // Documents "a b", "a c", "a b": unigrams a (df 3), b (df 2), c (df 1, dropped by min df 2)
    // and bigram "a b" (df 2). N = 3: idf(a) = ln(4/4) + 1 = 1, idf(b) = idf("a b") =
    // ln(4/3) + 1 = 1.2876821. Row 0: (a 1, b 1.2877, "a b" 1.2877), L2-normalised:
    // norm = sqrt(1 + 2·1.2876821²) = 2.0775587; weights 0.4813342, 0.6198054, 0.6198054.
    Vocabulary vocab;
    const std::vector<std::string> texts = {"a b", "a c", "a b"};
    const TokenizedCorpus t = tokenizeCorpus(texts, vocab);
    const TokenizedCorpus* corpora[] = {&t};
    const SparseRows m = tfidfMatrix(corpora);
    EXPECT_EQ(m.rows, 3u);
    EXPECT_EQ(m.cols, 3u); // a, b, "a b"
    ASSERT_EQ(m.offsets[1] - m.offsets[0], 3u);
    std::vector<float> row0(m.values.begin(), m.values.begin() + 3);
    std::sort(row0.begin(), row0.end());
    EXPECT_NEAR(row0[0], 0.4813342, 1e-6);
    EXPECT_NEAR(row0[1], 0.6198054, 1e-6);
    EXPECT_NEAR(row0[2], 0.6198054, 1e-6);
    // Row 1 keeps only "a": weight 1 after normalisation.
    ASSERT_EQ(m.offsets[2] - m.offsets[1], 1u);
    EXPECT_NEAR(m.values[m.offsets[1]], 1.0f, 1e-6);
}

TEST(RandomizedSvd, MatchesExactSvdOfATinyMatrix) {
    Eigen::MatrixXf a(4, 3);
    a << 3, 1, 0, //
        1, 2, 0,  //
        0, 0, 1,  //
        2, 0, 1;
    const Eigen::JacobiSVD<Eigen::MatrixXf> exact(a, Eigen::ComputeThinU);
    const TruncatedSvd r = randomizedSvd(SparseRows::fromDense(a), 3);
    ASSERT_EQ(r.singularValues.size(), 3);
    for (int i = 0; i < 3; ++i) {
        EXPECT_NEAR(r.singularValues(i), exact.singularValues()(i), 1e-4);
        // Singular vectors agree up to sign.
        const float dot = std::abs(r.u.col(i).dot(exact.matrixU().col(i)));
        EXPECT_NEAR(dot, 1.0f, 1e-3);
    }
    // Rank 2 keeps the two largest.
    const TruncatedSvd r2 = randomizedSvd(SparseRows::fromDense(a), 2);
    ASSERT_EQ(r2.singularValues.size(), 2);
    EXPECT_NEAR(r2.singularValues(1), exact.singularValues()(1), 1e-3);
}

TEST(RandomizedSvd, RademacherSketchIsTheProductWithItsSigns) {
    // Ω built as documented (bit c·l + j of mt19937_64's draws, lowest bit first) and stored
    // as floats; the sketch must equal the sparse product with it exactly. Shapes where a row
    // of Ω crosses 64-bit words, l is not a multiple of 8, and entries are sparse and dense.
    for (const auto [rows, cols, l] : {std::array<int, 3>{1, 1, 3}, {9, 7, 19}, {60, 37, 70}}) {
        std::mt19937_64 fill(11);
        std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
        Eigen::MatrixXf dense = Eigen::MatrixXf::Zero(rows, cols);
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c)
                if (r == 0 || (r != 1 && (r + c) % 3 == 0)) // row 1 empty
                    dense(r, c) = unit(fill);
        const SparseRows a = SparseRows::fromDense(dense);
        std::mt19937_64 rng(5);
        RowMatrixXf omega(cols, l);
        std::uint64_t draw = 0;
        for (Eigen::Index i = 0; i < omega.size(); ++i) {
            if (i % 64 == 0)
                draw = rng();
            omega.data()[i] = (draw >> (i % 64)) & 1u ? 1.0f : -1.0f;
        }
        const RowMatrixXf y = rademacherSketch(a, static_cast<std::size_t>(l), 5);
        ASSERT_EQ(y.rows(), rows);
        ASSERT_EQ(y.cols(), l);
        EXPECT_EQ(y, a.times(omega)) << rows << " × " << cols << ", l = " << l;
    }
    // By hand: A = [2], l = 3: Y = 2·(±1, ±1, ±1) with the signs of the first draw's low bits.
    const std::uint64_t first = std::mt19937_64(5)();
    const RowMatrixXf y =
        rademacherSketch(SparseRows::fromDense(Eigen::MatrixXf::Constant(1, 1, 2)), 3, 5);
    for (int j = 0; j < 3; ++j)
        EXPECT_EQ(y(0, j), (first >> j) & 1u ? 2.0f : -2.0f) << j;
}

// Aᵀ·m by stripes of columns: every output row is the sum of its terms in the order of the rows
// of A, the same float operations as one loop (the reference below, with the same Eigen row
// expression), on any number of cores (a sum of per-core partial products rounds differently).
// 17,000 rows of 12 to 20 entries (about 272,000: every core of up to 16 takes stripes), 1,200
// columns (19 blocks of 64), column 0 in every row, columns past 1,179 never used (zero rows
// of the output, in the last block).
TEST(SparseRows, TransposeTimesIsTheSumInRowOrderOnAnyCoreCount) {
    std::mt19937_64 fill(3);
    std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
    SparseRows a;
    a.rows = 17000;
    a.cols = 1200;
    for (std::size_t r = 0; r < a.rows; ++r) {
        std::vector<std::uint32_t> cols{0};
        const std::size_t count = 12 + r % 9;
        while (cols.size() < count) {
            const auto c = static_cast<std::uint32_t>(1 + fill() % 1179);
            if (std::find(cols.begin(), cols.end(), c) == cols.end())
                cols.push_back(c);
        }
        std::sort(cols.begin(), cols.end());
        for (const std::uint32_t c : cols) {
            a.columns.push_back(c);
            a.values.push_back(unit(fill));
        }
        a.offsets.push_back(a.columns.size());
    }
    ASSERT_GE(a.columns.size(), 16u * 16384u);
    RowMatrixXf m(17000, 7);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = unit(fill);
    RowMatrixXf expected = RowMatrixXf::Zero(1200, 7);
    for (std::size_t r = 0; r < a.rows; ++r)
        for (std::size_t k = a.offsets[r]; k < a.offsets[r + 1]; ++k)
            expected.row(a.columns[k]) += a.values[k] * m.row(static_cast<Eigen::Index>(r));
    const RowMatrixXf out = a.transposeTimes(m);
    ASSERT_EQ(out.rows(), 1200);
    ASSERT_EQ(out.cols(), 7);
    EXPECT_EQ(out, expected);
    EXPECT_TRUE(out.bottomRows(20).isZero(0.0f));
    EXPECT_NE(out.row(0), RowMatrixXf::Zero(1, 7));
}

TEST(Vendi, IdenticalAndOrthogonalRows) {
    RowMatrixXf same(4, 3);
    same.rowwise() = Eigen::RowVector3f(0.6f, 0.8f, 0.0f);
    EXPECT_NEAR(vendiScore(same), 1.0, 1e-6);
    RowMatrixXf orth = RowMatrixXf::Identity(3, 3);
    EXPECT_NEAR(vendiScore(orth), 3.0, 1e-6);
    // Two copies of e1 and one e2: eigenvalues of K/n are 2/3 and 1/3,
    // exp(−(2/3 ln 2/3 + 1/3 ln 1/3)) = 1.8899.
    RowMatrixXf mixed(3, 2);
    mixed << 1, 0, 1, 0, 0, 1;
    EXPECT_NEAR(vendiScore(mixed), 1.8898816, 1e-6);
}

TEST(KMeans, SeparatesWellSeparatedBlobs) {
    std::mt19937_64 rng(7);
    std::normal_distribution<float> noise(0.0f, 0.05f);
    RowMatrixXf x(300, 2);
    const float centres[3][2] = {{0, 0}, {5, 5}, {-5, 5}};
    for (int i = 0; i < 300; ++i)
        x.row(i) << centres[i % 3][0] + noise(rng), centres[i % 3][1] + noise(rng);
    const KMeansResult r = kmeans(x, 3);
    ASSERT_EQ(r.assignment.size(), 300u);
    for (int i = 3; i < 300; ++i) // every point with the others of its blob
        EXPECT_EQ(r.assignment[static_cast<std::size_t>(i)],
                  r.assignment[static_cast<std::size_t>(i % 3)]);
    EXPECT_NE(r.assignment[0], r.assignment[1]);
    EXPECT_NE(r.assignment[1], r.assignment[2]);
    EXPECT_NE(r.assignment[0], r.assignment[2]);
    EXPECT_LT(r.inertia, 300 * 4 * 0.05 * 0.05);
    // Mini-batch path on the same blobs.
    const KMeansResult mb = kmeans(x, 3, {.miniBatchAbove = 10, .batchSize = 64});
    for (int i = 3; i < 300; ++i)
        EXPECT_EQ(mb.assignment[static_cast<std::size_t>(i)],
                  mb.assignment[static_cast<std::size_t>(i % 3)]);
    EXPECT_EQ(defaultClusterCount(9514), 69u);
    EXPECT_EQ(defaultClusterCount(1000000), 100u);
}

// Elkan's bounds skip distances, never change a round: the bounded rounds reach the same
// assignments, centroids and round count as Lloyd rounds computing every distance, on
// overlapping blobs where points change cluster for many rounds.
TEST(KMeans, ElkanBoundsGiveLloydsRounds) {
    struct Case {
        int n, d, blobs;
        std::size_t k;
        bool normalised;
        std::size_t rounds = 50; // 3: stopped before the centroids settle
    };
    for (const Case c : {Case{3000, 24, 60, 40, false}, Case{2500, 64, 30, 150, true},
                         Case{400, 3, 5, 1, false}, Case{2500, 64, 30, 150, true, 3}}) {
        std::mt19937_64 rng(11);
        std::normal_distribution<float> g(0.0f, 1.0f);
        RowMatrixXf centres(c.blobs, c.d);
        for (Eigen::Index i = 0; i < centres.size(); ++i)
            centres.data()[i] = 2.0f * g(rng);
        RowMatrixXf x(c.n, c.d);
        for (int i = 0; i < c.n; ++i)
            for (int j = 0; j < c.d; ++j)
                x(i, j) = centres(i % c.blobs, j) + g(rng);
        if (c.normalised)
            x.rowwise().normalize();
        const KMeansResult plain = kmeans(x, c.k, {.maxIterations = c.rounds, .elkanBoundsMax = 0});
        EXPECT_GT(plain.iterations, c.k > 1 ? std::min<std::size_t>(5, c.rounds - 1) : 0u)
            << "points moved for a few rounds";
        const KMeansResult bounded = kmeans(x, c.k, {.maxIterations = c.rounds});
        ASSERT_EQ(bounded.iterations, plain.iterations) << c.k;
        std::size_t same = 0;
        for (std::size_t i = 0; i < plain.assignment.size(); ++i)
            same += plain.assignment[i] == bounded.assignment[i] ? 1 : 0;
        EXPECT_EQ(same, plain.assignment.size()) << c.k;
        EXPECT_LT((plain.centroids - bounded.centroids).cwiseAbs().maxCoeff(), 1e-5f) << c.k;
        EXPECT_NEAR(bounded.inertia, plain.inertia, 1e-4 * plain.inertia) << c.k;
    }
}

TEST(Mauve, OneForIdenticalNearZeroForDisjoint) {
    EXPECT_NEAR(mauveFromHistograms({1, 2, 3}, {1, 2, 3}).mauve, 1.0, 1e-9);
    // Disjoint supports: the frontier is (λ⁵, (1 − λ)⁵) up to the 10⁻⁶ ends; area ≈ 1/252·…
    // far below 0.01.
    const double disjoint = mauveFromHistograms({1, 1, 0, 0}, {0, 0, 1, 1}).mauve;
    EXPECT_LT(disjoint, 0.01);
    EXPECT_GT(disjoint, 0.0);
    // On embeddings: the same rows on both sides give 1.
    std::mt19937_64 rng(3);
    std::normal_distribution<float> g(0.0f, 1.0f);
    RowMatrixXf p(200, 8);
    for (Eigen::Index i = 0; i < p.size(); ++i)
        p.data()[i] = g(rng);
    EXPECT_NEAR(mauve(p, p).mauve, 1.0, 1e-9);
    RowMatrixXf q = p;
    q.col(0).array() += 100.0f; // far away: every cluster is one-sided
    EXPECT_LT(mauve(p, q).mauve, 0.01);
}

TEST(RocAuc, PerfectRandomAndTies) {
    const std::vector<std::uint8_t> y = {0, 0, 1, 1};
    EXPECT_DOUBLE_EQ(rocAuc(std::vector<double>{0.1, 0.2, 0.8, 0.9}, y), 1.0);
    EXPECT_DOUBLE_EQ(rocAuc(std::vector<double>{0.9, 0.8, 0.2, 0.1}, y), 0.0);
    EXPECT_DOUBLE_EQ(rocAuc(std::vector<double>{0.5, 0.5, 0.5, 0.5}, y), 0.5);
    // One positive below one negative: 3 of 4 pairs ordered → 0.75.
    EXPECT_DOUBLE_EQ(rocAuc(std::vector<double>{0.1, 0.6, 0.5, 0.9}, y), 0.75);
    EXPECT_TRUE(std::isnan(rocAuc(std::vector<double>{0.1}, std::vector<std::uint8_t>{1})));
}

TEST(Logistic, SeparableAndRandomLabels) {
    std::mt19937_64 rng(5);
    std::normal_distribution<float> g(0.0f, 1.0f);
    RowMatrixXf x(400, 4);
    std::vector<std::uint8_t> y(400);
    for (int i = 0; i < 400; ++i) {
        for (int j = 0; j < 4; ++j)
            x(i, j) = g(rng);
        y[static_cast<std::size_t>(i)] = i % 2;
        x(i, 0) += i % 2 == 1 ? 3.0f : -3.0f; // separable along the first axis
    }
    const CrossValidation cv = crossValidateLogistic(x, y, 5);
    EXPECT_EQ(cv.foldAuc.size(), 5u);
    EXPECT_GT(cv.meanAuc, 0.99);
    // Labels unrelated to x: AUC near 0.5 (400 rows: standard error ≈ 0.03).
    std::vector<std::uint8_t> shuffled(400);
    std::bernoulli_distribution coin(0.5);
    for (auto& v : shuffled)
        v = coin(rng) ? 1 : 0;
    RowMatrixXf noiseOnly = x;
    noiseOnly.col(0).setZero();
    const CrossValidation random = crossValidateLogistic(noiseOnly, shuffled, 5);
    EXPECT_NEAR(random.meanAuc, 0.5, 0.1);
}

TEST(Similarity, DuplicatesClustersAndCoverageOnHandMadeCorpora) {
    Vocabulary vocab;
    const std::vector<std::string> real = {
        "the parcel arrived late and the box was crushed on arrival",
        "my card was charged twice for the same order last week",
        "how do i reset the password on my account please",
        "the app crashes every time i open the settings page",
        "The parcel arrived late and the box was crushed on arrival!"};
    const std::vector<std::string> synthetic = {
        "the parcel arrived late and the box was crushed on arrival",
        "thank you for reaching out we are happy to help you with your order",
        "thank you for reaching out we are happy to help you with your refund",
        "thank you for reaching out we are happy to help you with your account",
        "thank you for reaching out we are happy to help you with your password"};
    std::vector<TokenizedCorpus> corpora;
    corpora.push_back(tokenizeCorpus(real, vocab));
    corpora.push_back(tokenizeCorpus(synthetic, vocab));
    SimilarityParams params;
    params.embedding.dimension = 8;
    params.embedding.features.minDocumentFrequency = 1;
    params.clusters = 2;
    params.detectabilityFolds = 2;
    const SimilarityResult r = analyzeSimilarity(corpora, {false, true}, vocab, params);
    ASSERT_EQ(r.embeddings.rows(), 10);
    // Synthetic 0 equals real 0 byte for byte; real 4 differs from real 0 in case and a '!'
    // but has the same words (Jaccard 1).
    ASSERT_TRUE(r.comparison.has_value());
    EXPECT_EQ(r.comparison->crossExactDuplicates, 1u);
    EXPECT_EQ(r.comparison->crossNearDuplicates, 1u);
    EXPECT_DOUBLE_EQ(r.comparison->crossNearDuplicateRate, 0.2);
    EXPECT_NE(r.duplicateGroupOf[0], UINT32_MAX);
    EXPECT_EQ(r.duplicateGroupOf[0], r.duplicateGroupOf[5]);
    EXPECT_EQ(r.duplicateGroupOf[0], r.duplicateGroupOf[4]); // same words: Jaccard 1
    // The four "thank you for reaching out … your X" texts (14 words, 10 shingles each) share
    // 9 shingles pairwise: Jaccard 9/11 = 0.818 ≥ 0.8, one near-duplicate group, not exact.
    EXPECT_NE(r.duplicateGroupOf[6], UINT32_MAX);
    for (std::size_t d : {7u, 8u, 9u})
        EXPECT_EQ(r.duplicateGroupOf[d], r.duplicateGroupOf[6]);
    EXPECT_FALSE(r.duplicateGroups[r.duplicateGroupOf[6]].exact);
    EXPECT_EQ(r.duplicateGroups[r.duplicateGroupOf[6]].synthetic, 4u);
    EXPECT_EQ(r.corpora[1].nearDuplicates, 3u);
    EXPECT_DOUBLE_EQ(r.corpora[1].nearDuplicateRate, 0.6);
    EXPECT_EQ(r.duplicateGroups.size(), 2u);
    EXPECT_EQ(r.duplicateGroups[0].members.size(), 4u); // largest first
    // Real corpus: documents 0 and 4 are one group → one removable near-duplicate of five.
    EXPECT_EQ(r.corpora[0].nearDuplicates, 1u);
    EXPECT_DOUBLE_EQ(r.corpora[0].nearDuplicateRate, 0.2);
    // Synthetic 0's nearest real neighbour is real 0 or real 4 at cosine 1.
    ASSERT_FALSE(r.realNeighbours[5].empty());
    EXPECT_NEAR(r.realNeighbours[5][0].cosine, 1.0f, 1e-4);
    EXPECT_TRUE(r.realNeighbours[5][0].index == 0 || r.realNeighbours[5][0].index == 4);
    EXPECT_NEAR(r.nnOwn[0], 1.0f, 1e-4);
    // Clusters: 2, sizes sum to 10, labelled.
    ASSERT_EQ(r.clusters.size(), 2u);
    EXPECT_EQ(r.clusters[0].size + r.clusters[1].size, 10u);
    EXPECT_EQ(r.layout.rows(), 10);
    EXPECT_EQ(r.layout.cols(), 2);
    EXPECT_GE(r.comparison->mauve.mauve, 0.0);
    EXPECT_LE(r.comparison->mauve.mauve, 1.0);
    EXPECT_EQ(r.comparison->detectabilityFoldAuc.size(), 2u);
}

TEST(Similarity, NeighbourScoresAreTheExactOnesWithinTheBudget) {
    // One real and two synthetic corpora of 250 texts of 12 words drawn from 40 (seeded), so
    // the synthetic role has an index of its own. Within the budget every neighbour score is
    // the exact one, computed here by a loop over the embeddings; two runs agree to the bit.
    // With no budget (HNSW) no score can beat the exact one.
    std::mt19937 rng(21);
    std::uniform_int_distribution<int> word(0, 39);
    const auto corpus = [&](int shift) {
        std::vector<std::string> texts;
        for (int t = 0; t < 250; ++t) {
            std::string text;
            for (int w = 0; w < 12; ++w)
                text += "w" + std::to_string((word(rng) + shift) % 40) + " ";
            texts.push_back(text);
        }
        return texts;
    };
    Vocabulary vocab;
    std::vector<TokenizedCorpus> corpora;
    for (const int shift : {0, 3, 7})
        corpora.push_back(tokenizeCorpus(corpus(shift), vocab));
    const std::vector<bool> synthetic = {false, true, true};
    SimilarityParams params;
    params.embedding.dimension = 16;
    params.embedding.features.minDocumentFrequency = 1;
    params.clusters = 2;
    params.detectabilityFolds = 2;
    params.reviewNeighbours = 3;
    const SimilarityResult r = analyzeSimilarity(corpora, synthetic, vocab, params);
    const Eigen::Index n = r.embeddings.rows();
    ASSERT_EQ(n, 750);
    const auto corpusOf = [](Eigen::Index i) { return i / 250; };
    for (Eigen::Index i = 0; i < n; ++i) {
        float own = -2.0f;
        float other = -2.0f;
        std::vector<std::pair<float, Eigen::Index>> real; // for a synthetic query
        for (Eigen::Index j = 0; j < n; ++j) {
            if (j == i)
                continue;
            const float c = r.embeddings.row(i).dot(r.embeddings.row(j));
            if (corpusOf(j) == corpusOf(i))
                own = std::max(own, c);
            if (synthetic[static_cast<std::size_t>(corpusOf(j))] !=
                synthetic[static_cast<std::size_t>(corpusOf(i))]) {
                other = std::max(other, c);
                real.emplace_back(-c, j);
            }
        }
        const auto at = static_cast<std::size_t>(i);
        EXPECT_NEAR(r.nnOwn[at], own, 1e-5) << i;
        EXPECT_NEAR(r.nnOther[at], other, 1e-5) << i;
        if (synthetic[static_cast<std::size_t>(corpusOf(i))]) {
            std::stable_sort(real.begin(), real.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            ASSERT_EQ(r.realNeighbours[at].size(), 3u) << i;
            for (std::size_t k = 0; k < 3; ++k)
                EXPECT_NEAR(r.realNeighbours[at][k].cosine, -real[k].first, 1e-5) << i;
        } else {
            EXPECT_TRUE(r.realNeighbours[at].empty());
        }
    }
    const SimilarityResult again = analyzeSimilarity(corpora, synthetic, vocab, params);
    ASSERT_EQ(again.embeddings, r.embeddings);
    EXPECT_EQ(again.nnOwn, r.nnOwn);
    EXPECT_EQ(again.nnOther, r.nnOther);
    ASSERT_EQ(again.realNeighbours.size(), r.realNeighbours.size());
    for (std::size_t i = 0; i < r.realNeighbours.size(); ++i) {
        ASSERT_EQ(again.realNeighbours[i].size(), r.realNeighbours[i].size());
        for (std::size_t k = 0; k < r.realNeighbours[i].size(); ++k) {
            EXPECT_EQ(again.realNeighbours[i][k].index, r.realNeighbours[i][k].index);
            EXPECT_EQ(again.realNeighbours[i][k].cosine, r.realNeighbours[i][k].cosine);
        }
    }
    // No nearest real samples kept: a synthetic sample's similarity to the real side is
    // still measured.
    SimilarityParams noList = params;
    noList.reviewNeighbours = 0;
    const SimilarityResult bare = analyzeSimilarity(corpora, synthetic, vocab, noList);
    EXPECT_EQ(bare.nnOther, r.nnOther);
    EXPECT_TRUE(bare.realNeighbours[400].empty());
    EXPECT_TRUE(r.ownNeighboursExact);
    EXPECT_TRUE(r.otherNeighboursExact);
    // A budget between the own-corpus searches (250 × 250 = 62,500 pairs each) and the
    // other-role ones (250 × 500 = 125,000 pairs each way): only the latter by HNSW.
    SimilarityParams mixed = params;
    mixed.hnsw.exactPairs = 100'000;
    const SimilarityResult part = analyzeSimilarity(corpora, synthetic, vocab, mixed);
    EXPECT_TRUE(part.ownNeighboursExact);
    EXPECT_FALSE(part.otherNeighboursExact);
    EXPECT_EQ(part.nnOwn, r.nnOwn);
    params.hnsw.exactPairs = 0;
    const SimilarityResult byHnsw = analyzeSimilarity(corpora, synthetic, vocab, params);
    ASSERT_EQ(byHnsw.embeddings, r.embeddings);
    EXPECT_FALSE(byHnsw.ownNeighboursExact);
    EXPECT_FALSE(byHnsw.otherNeighboursExact);
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
        EXPECT_LE(byHnsw.nnOwn[i], r.nnOwn[i] + 1e-5f) << i;
        EXPECT_LE(byHnsw.nnOther[i], r.nnOther[i] + 1e-5f) << i;
    }
}

TEST(NeighbourLayout, SeparatesTwoGroupsFromARandomStartDeterministically) {
    // 60 points near e1 and 60 near e2 in 8 dimensions; start from random 2-D positions, so
    // any separation comes from the kNN graph.
    std::mt19937_64 rng(9);
    std::normal_distribution<float> noise(0.0f, 0.05f);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    RowMatrixXf x(120, 8);
    RowMatrixXf start(120, 2);
    for (int i = 0; i < 120; ++i) {
        for (int j = 0; j < 8; ++j)
            x(i, j) = noise(rng);
        x(i, i < 60 ? 0 : 1) += 1.0f;
        start(i, 0) = unit(rng);
        start(i, 1) = unit(rng);
    }
    normalizeRows(x);
    LayoutParams params;
    params.epochs = 200;
    const RowMatrixXf y = neighbourLayout(x, start, params);
    ASSERT_EQ(y.rows(), 120);
    auto meanDistance = [&](bool sameGroup) {
        double sum = 0.0;
        int count = 0;
        for (int i = 0; i < 120; ++i)
            for (int j = i + 1; j < 120; ++j)
                if (((i < 60) == (j < 60)) == sameGroup) {
                    sum += (y.row(i) - y.row(j)).norm();
                    ++count;
                }
        return sum / count;
    };
    EXPECT_LT(meanDistance(true), 0.5 * meanDistance(false));
    const RowMatrixXf again = neighbourLayout(x, start, params);
    EXPECT_EQ(y, again);
}

TEST(ClusterTerms, LabelsSkipStopWordsAndPunctuation) {
    // Two clusters of short replies in which function words outnumber content words, as in
    // the demo's tweets (c-TF-IDF alone labelled such a cluster "my, it, @amazonhelp, i").
    // Cluster 0: "my" ×3, "refund" ×3, "it" ×2, "!" ×3; cluster 1: "my" ×2, "invoice" ×2, "the" ×2.
    Vocabulary vocab;
    const std::vector<std::string> texts = {"my refund ! it", "my refund ! it", "my refund !",
                                            "the invoice my", "the invoice my"};
    const TokenizedCorpus t = tokenizeCorpus(texts, vocab);
    const TokenizedCorpus corpora[] = {t};
    const std::vector<std::uint32_t> assignment = {0, 0, 0, 1, 1};
    const auto labels = clusterTerms(corpora, vocab, assignment, 2, 3);
    ASSERT_EQ(labels.size(), 2u);
    EXPECT_EQ(labels[0], (std::vector<std::string>{"refund"}));
    EXPECT_EQ(labels[1], (std::vector<std::string>{"invoice"}));
    // Without a stop list the function words and the exclamation mark come back.
    const auto raw = clusterTerms(corpora, vocab, assignment, 2, 3, 2,
                                  FunctionWords::fromList(std::span<const std::string_view>{}));
    EXPECT_NE(std::find(raw[0].begin(), raw[0].end(), "my"), raw[0].end());
}

TEST(TfIdfSvdModel, FoldingInATrainingTextGivesItsOwnEmbedding) {
    // Twelve short texts over a small vocabulary; the rank of their TF-IDF matrix is below the
    // dimension asked, so the SVD is exact and folding-in must give each row back.
    const std::vector<std::string> texts = {
        "where is my refund",           "refund my order please",     "cancel my order",
        "track my order status",        "change my delivery address", "my refund never arrived",
        "order arrived broken",         "cancel the subscription",    "delivery address is wrong",
        "status of my delivery please", "subscription refund please", "track the refund status"};
    synthscope::analysis::Vocabulary vocabulary;
    const synthscope::analysis::TokenizedCorpus corpus =
        synthscope::analysis::tokenizeCorpus(texts, vocabulary);
    const synthscope::analysis::TokenizedCorpus* corpora[] = {&corpus};
    synthscope::analysis::EmbeddingParams params;
    params.dimension = 64;
    params.features.minDocumentFrequency = 1;
    synthscope::analysis::TfIdfSvdModel model;
    const synthscope::analysis::RowMatrixXf x =
        synthscope::analysis::embedTfIdfSvd(corpora, params, {}, &model);
    ASSERT_EQ(x.rows(), 12);
    ASSERT_EQ(model.v.cols(), x.cols());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const Eigen::RowVectorXf folded = model.embed(corpus.doc(i));
        EXPECT_NEAR(folded.dot(x.row(static_cast<Eigen::Index>(i))), 1.0f, 1e-3f) << texts[i];
    }
    // A new text: its nearest training text is the one sharing its words and bigram.
    std::vector<std::uint32_t> query;
    for (const char* w : {"cancel", "my", "subscription", "xyzzy"}) {
        const std::uint32_t id = vocabulary.find(w);
        query.push_back(id == UINT32_MAX ? synthscope::analysis::kUnknownToken : id);
    }
    const Eigen::RowVectorXf q = model.embed(query);
    EXPECT_NEAR(q.norm(), 1.0f, 1e-4f);
    Eigen::Index best = 0;
    (x * q.transpose()).maxCoeff(&best);
    EXPECT_TRUE(best == 2 || best == 7) << best; // "cancel my order" / "cancel the subscription"
    // A rank-4 approximation (the SVD no longer exact): a text still folds in to its own row,
    // since the rows go through the same map as a new text.
    params.dimension = 4;
    synthscope::analysis::TfIdfSvdModel small;
    const synthscope::analysis::RowMatrixXf x4 =
        synthscope::analysis::embedTfIdfSvd(corpora, params, {}, &small);
    ASSERT_EQ(x4.cols(), 4);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const Eigen::RowVectorXf folded = small.embed(corpus.doc(i));
        if (folded.norm() > 0.0f) {
            EXPECT_NEAR(folded.dot(x4.row(static_cast<Eigen::Index>(i))), 1.0f, 1e-4f) << texts[i];
        }
    }
    // Words the model never saw embed to nothing.
    const std::vector<std::uint32_t> unknown = {synthscope::analysis::kUnknownToken};
    EXPECT_EQ(model.embed(unknown).norm(), 0.0f);
}
