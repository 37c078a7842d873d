#pragma once

#include "analysis/Embedding.h"
#include "analysis/Progress.h"

#include <cstdint>
#include <span>
#include <vector>

namespace synthscope::analysis {

struct LogisticParams {
    double l2 = 1.0; ///< λ in Σ log-loss + λ/2 ‖w‖² (scikit-learn's C = 1/λ)
    std::size_t maxIterations = 100;  ///< L-BFGS iterations
    double gradientTolerance = 1e-5;  ///< stop when ‖∇‖∞ ≤ this × max(1, |loss|/n)
    std::size_t maxTrainRows = 50000; ///< larger training sets are subsampled (seeded)
    std::uint64_t seed = 1;
};

/// A fitted linear classifier: P(y = 1 | x) = σ(w·x + b).
struct LogisticModel {
    Eigen::VectorXd weights;
    double bias = 0.0;
    [[nodiscard]] double probability(const Eigen::Ref<const Eigen::RowVectorXf>& x) const;
};

/// L2-regularised logistic regression (bias not penalised) on rows `rows` of x with labels
/// y[row] ∈ {0, 1}, minimised by L-BFGS (Liu & Nocedal 1989; memory 10, Armijo backtracking).
/// Throws std::invalid_argument when rows is empty.
LogisticModel fitLogistic(const RowMatrixXf& x, std::span<const std::uint8_t> y,
                          std::span<const std::uint32_t> rows, const LogisticParams& params = {});

/// ROC-AUC of scores against binary labels: the probability that a random positive scores
/// above a random negative, ties counting ½ (Mann–Whitney U / (n₊ n₋); Hanley & McNeil 1982).
/// 0.5 for a scorer that cannot tell; NaN when a class is missing.
double rocAuc(std::span<const double> scores, std::span<const std::uint8_t> labels);

struct CrossValidation {
    std::vector<double> outOfFold; ///< per row of x: P(y = 1) from the model that never saw it
    std::vector<double> foldAuc;   ///< ROC-AUC of each fold's held-out rows
    double meanAuc = 0.0;
    double stdAuc = 0.0; ///< sample standard deviation over folds
};

/// Stratified k-fold cross-validation of fitLogistic: each class is shuffled (seeded) and
/// dealt round-robin into folds, so every fold keeps the class ratio. Throws
/// std::invalid_argument when a class has fewer than folds rows; Cancelled when asked.
CrossValidation crossValidateLogistic(const RowMatrixXf& x, std::span<const std::uint8_t> y,
                                      std::size_t folds = 5, const LogisticParams& params = {},
                                      const Progress& progress = {});

} // namespace synthscope::analysis
