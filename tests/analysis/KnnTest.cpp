// The inner-product kernels of the HNSW index: every kernel this CPU runs gives hnswlib's
// distance 1 − ⟨a, b⟩ to float precision at every length (the wide kernels' tails included),
// and an index measuring with it finds the exact nearest neighbours of a small matrix. The
// exact search finds what a brute-force loop finds, ties and blocks included, and
// NeighbourIndex chooses it within its budget.
#include "analysis/Knn.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

using namespace synthscope::analysis;

namespace {

std::vector<DotKernel> kernelsThisCpuRuns() {
    std::vector<DotKernel> out;
    for (const DotKernel k : {DotKernel::Baseline, DotKernel::Avx2Fma})
        if (cpuRuns(k))
            out.push_back(k);
    return out;
}

} // namespace

TEST(DotKernel, SmallIntegersGiveTheExactDistanceWithEveryKernel) {
    // By hand: 1·4 + 2·5 + 3·6 = 32, so 1 − 32 = −31 (exact in float); nothing: 1 − 0 = 1.
    const std::vector<float> a = {1, 2, 3};
    const std::vector<float> b = {4, 5, 6};
    for (const DotKernel k : kernelsThisCpuRuns()) {
        EXPECT_EQ(innerProductDistance(a.data(), b.data(), 3, k), -31.0f) << dotKernelName(k);
        EXPECT_EQ(innerProductDistance(a.data(), b.data(), 0, k), 1.0f) << dotKernelName(k);
    }
    // 40 entries: the AVX2 kernel's four sums, its 8-wide step and its scalar tail (and hnswlib's
    // residual kernel, 40 not being a multiple of 16): Σ i·(i mod 3) for i = 1..40, by hand
    // 1·1 + 2·2 + 4·1 + 5·2 + … = Σ over i ≡ 1 (mod 3) of i plus 2 Σ over i ≡ 2 (mod 3) of i
    // = (1 + 4 + … + 40) + 2 (2 + 5 + … + 38) = 287 + 2 · 260 = 807.
    std::vector<float> x(40);
    std::vector<float> y(40);
    for (std::size_t i = 0; i < 40; ++i) {
        x[i] = static_cast<float>(i + 1);
        y[i] = static_cast<float>((i + 1) % 3);
    }
    for (const DotKernel k : kernelsThisCpuRuns())
        EXPECT_EQ(innerProductDistance(x.data(), y.data(), 40, k), 1.0f - 807.0f)
            << dotKernelName(k);
}

// Which kernel measured shows in a sum whose order matters: products 1e8 (entry 0), 1 (entry
// 4) and −1e8 (entry 8) of 16 entries. hnswlib's SSE kernel (and its plain loop) adds entry 4
// to entry 0 first: 1e8 + 1 rounds to 1e8 in float (its spacing there is 8), so the sum is 0.
// The AVX2 kernel's lane 0 adds entries 0 and 8 (0), lane 4 entries 4 and 12 (1), and lanes
// 0 and 4 meet later: the sum is 1, exactly. Distances 1 − sum: 1 and 0; an index measuring
// with each kernel reports cosine 1 − distance: 0 and 1.
TEST(DotKernel, TheChosenKernelIsTheOneThatMeasures) {
    RowMatrixXf x = RowMatrixXf::Zero(2, 16);
    x(0, 0) = 1e8f;
    x(0, 4) = 1.0f;
    x(0, 8) = 1e8f;
    x(1, 0) = 1.0f;
    x(1, 4) = 1.0f;
    x(1, 8) = -1.0f;
    const std::vector<std::uint32_t> both = {0, 1};
    for (const DotKernel k : kernelsThisCpuRuns()) {
        const float expected = k == DotKernel::Baseline ? 1.0f : 0.0f;
        EXPECT_EQ(innerProductDistance(x.row(0).data(), x.row(1).data(), 16, k), expected)
            << dotKernelName(k);
        HnswParams params;
        params.kernel = k;
        const KnnIndex index(x, both, params);
        const std::vector<Neighbour> found = index.search(0, 1);
        ASSERT_EQ(found.size(), 1u);
        EXPECT_EQ(found[0].index, 1u);
        EXPECT_EQ(found[0].cosine, 1.0f - expected) << dotKernelName(k);
    }
}

TEST(DotKernel, EveryKernelThisCpuRunsAgreesWithTheExactSumAtEveryLength) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    std::vector<std::size_t> lengths;
    for (std::size_t n = 1; n <= 70; ++n)
        lengths.push_back(n);
    lengths.insert(lengths.end(), {127, 256, 257, 1000});
    for (const std::size_t n : lengths) {
        // Exactly n long, so a kernel reading past the end is an AddressSanitizer error.
        std::vector<float> a(n);
        std::vector<float> b(n);
        for (std::size_t i = 0; i < n; ++i) {
            a[i] = u(rng);
            b[i] = u(rng);
        }
        double exact = 0.0;
        double magnitude = 0.0;
        double squared = 0.0; // Σ (aᵢ − bᵢ)², every term ≥ 0: its own magnitude
        for (std::size_t i = 0; i < n; ++i) {
            exact += static_cast<double>(a[i]) * b[i];
            magnitude += std::abs(static_cast<double>(a[i]) * b[i]);
            squared += (static_cast<double>(a[i]) - b[i]) * (static_cast<double>(a[i]) - b[i]);
        }
        for (const DotKernel k : kernelsThisCpuRuns()) {
            EXPECT_NEAR(innerProductDistance(a.data(), b.data(), n, k), 1.0 - exact,
                        1e-6 * (1.0 + magnitude))
                << dotKernelName(k) << ", n = " << n;
            // The documented bound: a relative error below (n + 2)·2⁻²⁴.
            EXPECT_NEAR(squaredDistance(a.data(), b.data(), n, k), squared,
                        static_cast<double>(n + 2) * 0x1p-24 * squared + 1e-30)
                << dotKernelName(k) << ", n = " << n;
        }
    }
    // By hand: (1, 2, 3) and (4, 6, 3): 9 + 16 + 0 = 25; nothing: 0.
    const std::vector<float> p = {1, 2, 3};
    const std::vector<float> q = {4, 6, 3};
    for (const DotKernel k : kernelsThisCpuRuns()) {
        EXPECT_EQ(squaredDistance(p.data(), q.data(), 3, k), 25.0f) << dotKernelName(k);
        EXPECT_EQ(squaredDistance(p.data(), q.data(), 0, k), 0.0f) << dotKernelName(k);
    }
}

TEST(DotKernel, TheIndexMeasuresWithTheWidestKernelThisCpuRuns) {
    const DotKernel fastest = fastestDotKernel();
    EXPECT_TRUE(cpuRuns(fastest));
    EXPECT_EQ(HnswParams{}.kernel, fastest);
    // A CPU that runs AVX2 and FMA measures with them.
    if (cpuRuns(DotKernel::Avx2Fma))
        EXPECT_EQ(fastest, DotKernel::Avx2Fma);
    else
        EXPECT_EQ(fastest, DotKernel::Baseline);
}

TEST(DotKernel, AnIndexOnEveryKernelFindsTheExactNearestNeighbours) {
    // 400 random unit rows of 37 dimensions (not a multiple of 4 or 8: every kernel's tail),
    // 10 nearest by brute force against the index's, for each kernel.
    constexpr Eigen::Index kRows = 400;
    constexpr Eigen::Index kDim = 37;
    constexpr std::size_t kK = 10;
    std::mt19937 rng(11);
    std::normal_distribution<float> g;
    RowMatrixXf x(kRows, kDim);
    for (Eigen::Index r = 0; r < kRows; ++r) {
        for (Eigen::Index c = 0; c < kDim; ++c)
            x(r, c) = g(rng);
        x.row(r).normalize();
    }
    std::vector<std::uint32_t> all(kRows);
    for (std::uint32_t i = 0; i < all.size(); ++i)
        all[i] = i;
    for (const DotKernel k : kernelsThisCpuRuns()) {
        HnswParams params;
        params.kernel = k;
        params.efSearch = 100;
        const KnnIndex index(x, all, params);
        std::size_t found = 0;
        for (Eigen::Index q = 0; q < kRows; ++q) {
            std::vector<std::pair<float, std::uint32_t>> exact;
            for (Eigen::Index r = 0; r < kRows; ++r)
                if (r != q)
                    exact.emplace_back(-x.row(q).dot(x.row(r)), static_cast<std::uint32_t>(r));
            std::partial_sort(exact.begin(), exact.begin() + kK, exact.end());
            const std::vector<Neighbour> got = index.search(static_cast<std::uint32_t>(q), kK);
            ASSERT_EQ(got.size(), kK);
            for (std::size_t j = 0; j < kK; ++j) {
                found += std::any_of(got.begin(), got.end(), [&](const Neighbour& n) {
                    return n.index == exact[j].second;
                });
                // Reported cosines are the exact ones, to float precision.
                EXPECT_NEAR(got[j].cosine, x.row(q).dot(x.row(got[j].index)), 1e-5);
            }
        }
        // HNSW is approximate: at ef 100 over 400 points nearly every true neighbour is found.
        EXPECT_GE(static_cast<double>(found) / (kRows * kK), 0.98) << dotKernelName(k);
    }
}

TEST(DotKernel, AKernelThisCpuDoesNotRunIsRefusedNotExecuted) {
    // No CPU runs a kernel outside the enumeration; both entry points refuse it with the error
    // KnnIndex documents, before any distance is computed (an illegal instruction otherwise, for a
    // real kernel on an older CPU).
    const auto unknown = static_cast<DotKernel>(7);
    ASSERT_FALSE(cpuRuns(unknown));
    const std::vector<float> a = {1, 2, 3};
    EXPECT_THROW((void)innerProductDistance(a.data(), a.data(), 3, unknown), std::invalid_argument);
    EXPECT_THROW((void)squaredDistance(a.data(), a.data(), 3, unknown), std::invalid_argument);
    RowMatrixXf x(2, 3);
    x << 1, 0, 0, 0, 1, 0;
    const std::vector<std::uint32_t> both = {0, 1};
    HnswParams params;
    params.kernel = unknown;
    EXPECT_THROW((void)KnnIndex(x, both, params), std::invalid_argument);
}

namespace {

// Rows of small integers (−3 … 3): every inner product is an exact integer in float, whatever
// the summation order, so the expected neighbours below are exact and ties are real ties.
RowMatrixXf smallIntegerRows(Eigen::Index rows, Eigen::Index dim, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> v(-3, 3);
    RowMatrixXf x(rows, dim);
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < dim; ++c)
            x(r, c) = static_cast<float>(v(rng));
    return x;
}

// Unit rows in groups of 100 (a group's rows share one strong direction, column r / 100, with
// noise of sd 0.05 on every column): well separated, so HNSW finds each row's true nearest
// neighbour. dim must exceed rows / 100.
RowMatrixXf separatedGroups(Eigen::Index rows, Eigen::Index dim, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0.0f, 0.05f);
    RowMatrixXf x(rows, dim);
    for (Eigen::Index r = 0; r < rows; ++r) {
        for (Eigen::Index c = 0; c < dim; ++c)
            x(r, c) = g(rng);
        x(r, r / 100) += 1.0f;
        x.row(r).normalize();
    }
    return x;
}

// Rows n − 1, …, 0 for which keep(row) holds, in that (descending) order: not the row order,
// so "equal values keep the order of members" is tested against something.
template <typename Keep> std::vector<std::uint32_t> descendingRows(std::uint32_t n, Keep keep) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = n; i-- > 0;)
        if (keep(i))
            out.push_back(i);
    return out;
}

// Rows 0, 2, 4, … and 1, 3, 5, … of n.
std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>> evensAndOdds(std::uint32_t n) {
    std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>> out;
    for (std::uint32_t i = 0; i < n; ++i)
        (i % 2 == 0 ? out.first : out.second).push_back(i);
    return out;
}

// The k members with the largest inner product with row `query`, written out as a loop: all
// candidates in member order, stably sorted by inner product (highest first), so equal ones
// keep the order of `members`; never the query's own row.
std::vector<Neighbour> bruteForce(const RowMatrixXf& x, const std::vector<std::uint32_t>& members,
                                  std::uint32_t query, std::size_t k) {
    std::vector<Neighbour> all;
    for (const std::uint32_t m : members) {
        if (m == query)
            continue;
        double dot = 0.0;
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            dot += static_cast<double>(x(query, c)) * x(m, c);
        all.push_back({m, static_cast<float>(dot)});
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Neighbour& a, const Neighbour& b) { return a.cosine > b.cosine; });
    all.resize(std::min(all.size(), k));
    return all;
}

void expectSameLists(const std::vector<std::vector<Neighbour>>& got,
                     const std::vector<std::vector<Neighbour>>& expected) {
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t q = 0; q < got.size(); ++q) {
        ASSERT_EQ(got[q].size(), expected[q].size()) << "query " << q;
        for (std::size_t j = 0; j < got[q].size(); ++j) {
            EXPECT_EQ(got[q][j].index, expected[q][j].index) << "query " << q << ", rank " << j;
            EXPECT_EQ(got[q][j].cosine, expected[q][j].cosine) << "query " << q << ", rank " << j;
        }
    }
}

} // namespace

TEST(ExactNeighbours, FindsWhatABruteForceLoopFinds) {
    // 6,000 rows; members are the rows not divisible by 3 in descending order (4,000 of them:
    // two blocks of members, so a full list of k carries its floor from one block to the
    // next; not the row order, so "ties keep the order of members" is tested against
    // something), queries every 10th row, some of them members (never their own neighbour) and
    // some not: 600 queries, several blocks of queries. Integer rows: many exact ties.
    const RowMatrixXf x = smallIntegerRows(6000, 8, 5);
    const std::vector<std::uint32_t> members =
        descendingRows(6000, [](std::uint32_t i) { return i % 3 != 0; });
    std::vector<std::uint32_t> queries;
    for (std::uint32_t i = 0; i < 6000; i += 10)
        queries.push_back(i);
    for (const std::size_t k : {std::size_t{1}, std::size_t{4}}) {
        std::vector<std::vector<Neighbour>> expected;
        for (const std::uint32_t q : queries)
            expected.push_back(bruteForce(x, members, q, k));
        expectSameLists(exactNeighbours(x, members, queries, k), expected);
    }
}

TEST(ExactNeighbours, MoreMembersThanOneBlockAndFewerThanK) {
    // 5,000 members cross two member-block boundaries (blocks of 2,048); the 3 queries are
    // rows outside the members, the row of a member and the last row. k = 6,000 > members:
    // every member, sorted, and only the others for the member query.
    const RowMatrixXf x = smallIntegerRows(5001, 5, 9);
    std::vector<std::uint32_t> members(5000);
    for (std::uint32_t i = 0; i < 5000; ++i)
        members[i] = i;
    const std::vector<std::uint32_t> queries = {5000, 17, 4999};
    std::vector<std::vector<Neighbour>> expected;
    for (const std::uint32_t q : queries)
        expected.push_back(bruteForce(x, members, q, 6000));
    const auto got = exactNeighbours(x, members, queries, 6000);
    EXPECT_EQ(got[0].size(), 5000u);
    EXPECT_EQ(got[1].size(), 4999u);
    expectSameLists(got, expected);
}

TEST(ExactNeighbours, AnIdenticalRowIsFoundButNeverTheQueryItself) {
    RowMatrixXf x(4, 2);
    x << 1, 0,      //
        0.8f, 0.6f, //
        0, 1,       //
        1, 0;       // same as row 0
    const std::vector<std::uint32_t> all = {0, 1, 2, 3};
    // The HNSW index answers alike.
    const KnnIndex index(x, all);
    const auto n0 = index.search(0, 2);
    ASSERT_EQ(n0.size(), 2u);
    EXPECT_EQ(n0[0].index, 3u);
    EXPECT_NEAR(n0[0].cosine, 1.0f, 1e-6);
    EXPECT_EQ(n0[1].index, 1u);
    EXPECT_NEAR(n0[1].cosine, 0.8f, 1e-6);
    const auto found = exactNeighbours(x, all, all, 2);
    ASSERT_EQ(found.size(), 4u);
    ASSERT_EQ(found[0].size(), 2u);
    EXPECT_EQ(found[0][0].index, 3u);
    EXPECT_EQ(found[0][0].cosine, 1.0f);
    EXPECT_EQ(found[0][1].index, 1u);
    EXPECT_FLOAT_EQ(found[0][1].cosine, 0.8f);
    EXPECT_EQ(found[3][0].index, 0u);
    // Nothing to find: no members, no queries, k = 0.
    const std::vector<std::uint32_t> none;
    EXPECT_TRUE(exactNeighbours(x, none, all, 2)[0].empty());
    EXPECT_TRUE(exactNeighbours(x, all, none, 2).empty());
    EXPECT_TRUE(exactNeighbours(x, all, all, 0)[2].empty());
    // A single member that is the query: nothing.
    const std::vector<std::uint32_t> justTwo = {2};
    EXPECT_TRUE(exactNeighbours(x, justTwo, justTwo, 1)[0].empty());
}

TEST(ExactNeighbours, StopsWhenCancelled) {
    const RowMatrixXf x = smallIntegerRows(600, 4, 3);
    std::vector<std::uint32_t> all(600);
    for (std::uint32_t i = 0; i < 600; ++i)
        all[i] = i;
    std::atomic<bool> cancel{true};
    const Progress progress([](double, std::string_view) {}, &cancel);
    EXPECT_THROW((void)exactNeighbours(x, all, all, 1, progress), Cancelled);
    // Asked to stop while it runs (at its first report), each search stops at its next block of
    // products, before another is reported: a single query against 5,000 members (one block
    // of queries, three of members), the members among themselves (the triangle), and both
    // directions between them.
    const RowMatrixXf wide = smallIntegerRows(5000, 4, 4);
    std::vector<std::uint32_t> members(5000);
    for (std::uint32_t i = 0; i < 5000; ++i)
        members[i] = i;
    const std::vector<std::uint32_t> one = {7};
    const std::vector<std::pair<const char*, std::function<void(const Progress&)>>> searches = {
        {"one query", [&](const Progress& p) { (void)exactNeighbours(wide, members, one, 1, p); }},
        {"within", [&](const Progress& p) { (void)exactNeighboursWithin(wide, members, 1, p); }},
        {"between", [&](const Progress& p) {
             (void)exactNeighboursBetween(wide, members, members, 1, 1, p);
         }}};
    for (const auto& [name, search] : searches) {
        std::atomic<bool> stop{false};
        int reports = 0;
        const Progress stopping(
            [&](double, std::string_view) {
                ++reports;
                stop = true;
            },
            &stop);
        EXPECT_THROW(search(stopping), Cancelled) << name;
        EXPECT_EQ(reports, 1) << name;
    }
}

TEST(ExactNeighboursWithin, FindsWhatABruteForceLoopFindsFromHalfTheProducts) {
    // 2,599 members, every row not divisible by 7 of 3,033, in descending order (not the row
    // order: ties keep the order of members): blocks of about 220 on two cores, so the triangle
    // spans several units and the members after a block (up to 2,599) cross a 2,048 boundary;
    // pairs offered to a row from another worker's blocks reach it through the merge.
    const RowMatrixXf x = smallIntegerRows(3033, 6, 11);
    const std::vector<std::uint32_t> members =
        descendingRows(3033, [](std::uint32_t i) { return i % 7 != 0; });
    ASSERT_EQ(members.size(), 2599u);
    std::vector<std::vector<Neighbour>> five;
    for (const std::uint32_t m : members)
        five.push_back(bruteForce(x, members, m, 5));
    expectSameLists(exactNeighboursWithin(x, members, 5), five);
    for (auto& list : five) // the brute force's first of five is its k = 1
        list.resize(1);
    expectSameLists(exactNeighboursWithin(x, members, 1), five);
    // Small cases: k beyond the members (every other member), one member, none, k = 0.
    const std::vector<std::uint32_t> three = {4, 2, 9};
    std::vector<std::vector<Neighbour>> all;
    for (const std::uint32_t m : three)
        all.push_back(bruteForce(x, three, m, 10));
    expectSameLists(exactNeighboursWithin(x, three, 10), all);
    const std::vector<std::uint32_t> one = {5};
    ASSERT_EQ(exactNeighboursWithin(x, one, 3).size(), 1u);
    EXPECT_TRUE(exactNeighboursWithin(x, one, 3)[0].empty());
    EXPECT_TRUE(exactNeighboursWithin(x, {}, 3).empty());
    EXPECT_TRUE(exactNeighboursWithin(x, three, 0)[1].empty());
}

TEST(ExactNeighboursBetween, BothDirectionsAsTwoSearchesWouldFindThem) {
    // a: every third row of 4,000, descending; b: the rest and every 30th row (so 134 rows are
    // in both and never their own neighbour). a's lists cross member blocks of b (2,666 > 2,048);
    // b's lists are filled from both workers' blocks of a and merged.
    const RowMatrixXf x = smallIntegerRows(4000, 6, 13);
    const std::vector<std::uint32_t> a =
        descendingRows(4000, [](std::uint32_t i) { return i % 3 == 0; });
    std::vector<std::uint32_t> b;
    for (std::uint32_t i = 0; i < 4000; ++i)
        if (i % 3 != 0 || i % 30 == 0)
            b.push_back(i);
    // The brute force once, with the largest k; a smaller k is its first entries.
    std::vector<std::vector<Neighbour>> bestOfA;
    for (const std::uint32_t q : a)
        bestOfA.push_back(bruteForce(x, b, q, 4));
    std::vector<std::vector<Neighbour>> bestOfB;
    for (const std::uint32_t q : b)
        bestOfB.push_back(bruteForce(x, a, q, 4));
    const auto first = [](std::vector<std::vector<Neighbour>> lists, std::size_t k) {
        for (auto& list : lists)
            list.resize(std::min(list.size(), k));
        return lists;
    };
    for (const auto& [kOfA, kOfB] :
         {std::pair<std::size_t, std::size_t>{1, 4}, {3, 1}, {2, 0}, {0, 2}}) {
        const auto expectedOfA = first(bestOfA, kOfA);
        const auto expectedOfB = first(bestOfB, kOfB);
        const auto [ofA, ofB] = exactNeighboursBetween(x, a, b, kOfA, kOfB);
        expectSameLists(ofA, expectedOfA);
        expectSameLists(ofB, expectedOfB);
    }
    // Nothing to find on one side: lists of the right count, empty.
    const auto [none, ofNothing] = exactNeighboursBetween(x, a, {}, 2, 2);
    EXPECT_EQ(none.size(), a.size());
    EXPECT_TRUE(none[0].empty());
    EXPECT_TRUE(ofNothing.empty());
}

TEST(NeighbourIndex, SearchesWithinAndBetweenExactlyOrByHnswAsTheBudgetSays) {
    // Well-separated groups (as below): HNSW finds the true nearest neighbours here.
    constexpr std::uint32_t kRows = 1200;
    const RowMatrixXf x = separatedGroups(kRows, 16, 5);
    const auto [evens, odds] = evensAndOdds(kRows);
    HnswParams budget;
    budget.exactPairs = 600 * 600;
    NeighbourIndex e(x, evens, budget);
    NeighbourIndex o(x, odds, budget);
    EXPECT_TRUE(e.searchesExactly(o.size()));
    const auto within = e.searchWithin(2);
    const auto [ofEvens, ofOdds] = searchBetween(e, o, 1, 3, {});
    const auto expectedWithin = exactNeighbours(x, evens, evens, 2);
    const auto expectedOfEvens = exactNeighbours(x, odds, evens, 1);
    const auto expectedOfOdds = exactNeighbours(x, evens, odds, 3);
    // The same lists as the plain searches, up to the last bits of a cosine; each neighbour's
    // cosine is its inner product with the query (the position read as the right row).
    const auto near = [&x](const auto& got, const auto& expected,
                           const std::vector<std::uint32_t>& queries) {
        ASSERT_EQ(got.size(), expected.size());
        for (std::size_t q = 0; q < got.size(); ++q) {
            ASSERT_EQ(got[q].size(), expected[q].size()) << q;
            for (std::size_t j = 0; j < got[q].size(); ++j) {
                EXPECT_NEAR(got[q][j].cosine, expected[q][j].cosine, 1e-5) << q;
                EXPECT_NEAR(got[q][j].cosine, x.row(queries[q]).dot(x.row(got[q][j].index)), 1e-5)
                    << q;
                EXPECT_NE(got[q][j].index, queries[q]) << q;
            }
        }
    };
    near(within, expectedWithin, evens);
    near(ofEvens, expectedOfEvens, evens);
    near(ofOdds, expectedOfOdds, odds);
    // Beyond the budget, each direction by its own HNSW search: members of the other index
    // only, cosines that are the rows' inner products, mostly the exact nearest.
    HnswParams none;
    none.exactPairs = 0;
    none.efSearch = 64;
    NeighbourIndex he(x, evens, none);
    NeighbourIndex ho(x, odds, none);
    const auto [hOfEvens, hOfOdds] = searchBetween(he, ho, 1, 3, {});
    ASSERT_EQ(hOfEvens.size(), evens.size());
    ASSERT_EQ(hOfOdds.size(), odds.size());
    std::size_t found = 0;
    for (std::size_t q = 0; q < odds.size(); ++q) {
        ASSERT_FALSE(hOfOdds[q].empty());
        EXPECT_EQ(hOfOdds[q][0].index % 2, 0u);
        EXPECT_NEAR(hOfOdds[q][0].cosine, x.row(odds[q]).dot(x.row(hOfOdds[q][0].index)), 1e-5);
        found += hOfOdds[q][0].cosine >= expectedOfOdds[q][0].cosine - 1e-6f ? 1 : 0;
    }
    EXPECT_GE(static_cast<double>(found) / static_cast<double>(odds.size()), 0.95);
    EXPECT_EQ(hOfEvens[0][0].index % 2, 1u);
    // Within beyond the budget: HNSW over the members, never the row itself.
    const auto hWithin = he.searchWithin(2);
    ASSERT_EQ(hWithin.size(), evens.size());
    std::size_t same = 0;
    for (std::size_t q = 0; q < evens.size(); ++q) {
        ASSERT_FALSE(hWithin[q].empty());
        EXPECT_EQ(hWithin[q][0].index % 2, 0u);
        EXPECT_NE(hWithin[q][0].index, evens[q]);
        same += hWithin[q][0].cosine >= expectedWithin[q][0].cosine - 1e-6f ? 1 : 0;
    }
    EXPECT_GE(static_cast<double>(same) / static_cast<double>(evens.size()), 0.95);
    // Two indices over different matrices cannot share products.
    const RowMatrixXf copy = x;
    NeighbourIndex elsewhere(copy, odds, budget);
    EXPECT_THROW((void)searchBetween(e, elsewhere, 1, 1, {}), std::invalid_argument);
}

TEST(NeighbourIndex, SearchesExactlyUpToTheBudgetAndByHnswBeyond) {
    // 2,000 unit rows in 20 well-separated groups of 100 (a group's rows share one strong
    // direction): HNSW finds each row's true nearest neighbour here, so both paths must agree
    // on it, while the budget decides which path runs.
    constexpr std::uint32_t kRows = 2000;
    const RowMatrixXf x = separatedGroups(kRows, 24, 3);
    const auto [members, queries] = evensAndOdds(kRows);
    HnswParams budget;
    budget.exactPairs = 1000 * 1000; // members × queries exactly
    NeighbourIndex exact(x, members, budget);
    EXPECT_TRUE(exact.searchesExactly(1000));
    EXPECT_FALSE(exact.searchesExactly(1001));
    HnswParams none;
    none.exactPairs = 0;
    none.efSearch = 64;
    NeighbourIndex hnsw(x, members, none);
    EXPECT_FALSE(hnsw.searchesExactly(1));
    const auto byExact = exact.search(queries, 3);
    EXPECT_EQ(byExact.size(), queries.size());
    for (std::size_t q = 0; q < queries.size(); q += 97) {
        std::vector<Neighbour> expected;
        for (const std::uint32_t m : members)
            expected.push_back({m, x.row(queries[q]).dot(x.row(m))});
        std::stable_sort(
            expected.begin(), expected.end(),
            [](const Neighbour& a, const Neighbour& b) { return a.cosine > b.cosine; });
        // Cosines only: two float sums in different orders may swap near-ties.
        ASSERT_EQ(byExact[q].size(), 3u);
        for (std::size_t j = 0; j < 3; ++j)
            EXPECT_NEAR(byExact[q][j].cosine, expected[j].cosine, 1e-5);
    }
    const auto byHnsw = hnsw.search(queries, 3);
    std::size_t same = 0;
    for (std::size_t q = 0; q < queries.size(); ++q) {
        ASSERT_FALSE(byHnsw[q].empty());
        EXPECT_NEAR(byHnsw[q][0].cosine, x.row(queries[q]).dot(x.row(byHnsw[q][0].index)), 1e-5);
        same += byHnsw[q][0].cosine >= byExact[q][0].cosine - 1e-6f ? 1 : 0;
        // Both return members only: the HNSW index was built over them, not over every row.
        EXPECT_EQ(byHnsw[q][0].index % 2, 0u);
    }
    EXPECT_GE(static_cast<double>(same) / static_cast<double>(queries.size()), 0.95);
    // A second batch searches the index built for the first: the same answer.
    const std::vector<std::uint32_t> one = {queries[0]};
    EXPECT_EQ(hnsw.search(one, 1)[0][0].index, byHnsw[0][0].index);
}
