// Eigen's dense products on OpenBLAS (EIGEN_USE_BLAS): the products the analyses use — a
// row-major matrix times a transposed one, a column-major product, matrix times vector, a
// symmetric rank update and a triangular solve — give the sums written out, and
// runBlasOnCallingThread() leaves OpenBLAS one thread. Small integers, so every sum is exact in
// float and the comparison can be exact: a BLAS called with a wrong layout, transpose flag or
// leading dimension gives other numbers.
#include "analysis/Blas.h"
#include "analysis/Embedding.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <gtest/gtest.h>

#ifndef EIGEN_USE_BLAS
#error "these tests are of Eigen's products on OpenBLAS (EIGEN_USE_BLAS)"
#endif

using namespace synthscope::analysis;

namespace {

// Entries in [-3, 3], a fixed pattern of (row, column, salt) in which no two rows or columns
// are alike, so a product read transposed or with a wrong stride gives other numbers.
template <typename M> M smallIntegers(Eigen::Index rows, Eigen::Index cols, int salt) {
    M m(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c)
            m(r, c) = static_cast<typename M::Scalar>(((r * 5 + c * 3 + r * c + salt) % 7) - 3);
    return m;
}

// Every entry of product equals Σₖ left(i, k)·right(k, j), summed coefficient by coefficient
// (no BLAS in the loop).
template <typename P, typename L, typename R>
void expectSumsWrittenOut(const P& product, const L& left, const R& right) {
    ASSERT_EQ(product.rows(), left.rows());
    ASSERT_EQ(product.cols(), right.cols());
    for (Eigen::Index i = 0; i < left.rows(); ++i)
        for (Eigen::Index j = 0; j < right.cols(); ++j) {
            float sum = 0.0f;
            for (Eigen::Index k = 0; k < left.cols(); ++k)
                sum += left(i, k) * right(k, j);
            ASSERT_EQ(product(i, j), sum) << i << ", " << j;
        }
}

} // namespace

TEST(Blas, RowMajorProductsGiveTheSumsWrittenOut) {
    // Large enough for Eigen to hand them to the BLAS rather than multiply coefficient-wise.
    const auto a = smallIntegers<RowMatrixXf>(61, 37, 1);
    const auto b = smallIntegers<RowMatrixXf>(43, 37, 2);
    const RowMatrixXf product = a * b.transpose(); // 61 × 43
    expectSumsWrittenOut(product, a, RowMatrixXf(b.transpose()));
    const Eigen::MatrixXf c = smallIntegers<Eigen::MatrixXf>(29, 53, 3);
    const Eigen::MatrixXf d = smallIntegers<Eigen::MatrixXf>(53, 31, 4);
    const Eigen::MatrixXf cd = c * d;
    expectSumsWrittenOut(cd, c, d);
}

TEST(Blas, MatrixTimesVectorGivesTheSumsWrittenOut) {
    const auto a = smallIntegers<RowMatrixXf>(67, 41, 8);
    const Eigen::VectorXf v = smallIntegers<Eigen::MatrixXf>(41, 1, 9);
    const auto b = smallIntegers<RowMatrixXf>(41, 19, 10);
    const Eigen::VectorXf av = a * v;
    const Eigen::RowVectorXf vtb = v.transpose() * b;
    expectSumsWrittenOut(av, a, v);
    expectSumsWrittenOut(vtb, Eigen::RowVectorXf(v.transpose()), b);
}

TEST(Blas, GramMatrixAndTriangularSolveGiveTheSumsWrittenOut) {
    const auto x = smallIntegers<RowMatrixXf>(700, 24, 5); // gramMatrix splits the rows
    const Eigen::MatrixXd gram = gramMatrix(x);
    for (Eigen::Index i = 0; i < 24; ++i)
        for (Eigen::Index j = 0; j < 24; ++j) {
            double sum = 0.0;
            for (Eigen::Index r = 0; r < 700; ++r)
                sum += static_cast<double>(x(r, i)) * x(r, j);
            ASSERT_EQ(gram(i, j), sum) << i << ", " << j;
        }
    // An upper triangle with unit diagonal: the solve of B = X·U is exact on small integers.
    Eigen::MatrixXf u = smallIntegers<Eigen::MatrixXf>(24, 24, 6).triangularView<Eigen::Upper>();
    u.diagonal().setOnes();
    const auto solution = smallIntegers<RowMatrixXf>(50, 24, 7);
    RowMatrixXf b = solution * u;
    u.triangularView<Eigen::Upper>().solveInPlace<Eigen::OnTheRight>(b);
    EXPECT_EQ(b, solution);
}

TEST(Blas, RunsOnTheCallingThreadOnceAsked) {
    runBlasOnCallingThread();
    EXPECT_EQ(blasThreads(), 1);
    runBlasOnCallingThread(); // idempotent
    EXPECT_EQ(blasThreads(), 1);
}
