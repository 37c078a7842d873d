// The inner-product kernels of the HNSW index: every kernel this CPU runs gives hnswlib's
// distance 1 − ⟨a, b⟩ to float precision at every length (the wide kernels' tails included),
// and an index measuring with it finds the exact nearest neighbours of a small matrix.
#include "analysis/Knn.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <stdexcept>
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
        for (std::size_t i = 0; i < n; ++i) {
            exact += static_cast<double>(a[i]) * b[i];
            magnitude += std::abs(static_cast<double>(a[i]) * b[i]);
        }
        for (const DotKernel k : kernelsThisCpuRuns())
            EXPECT_NEAR(innerProductDistance(a.data(), b.data(), n, k), 1.0 - exact,
                        1e-6 * (1.0 + magnitude))
                << dotKernelName(k) << ", n = " << n;
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
    RowMatrixXf x(2, 3);
    x << 1, 0, 0, 0, 1, 0;
    const std::vector<std::uint32_t> both = {0, 1};
    HnswParams params;
    params.kernel = unknown;
    EXPECT_THROW((void)KnnIndex(x, both, params), std::invalid_argument);
}
