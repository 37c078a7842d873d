#include "analysis/Logistic.h"

#include "analysis/HugePages.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

namespace synthscope::analysis {

namespace {

double softplus(double z) { // log(1 + e^z), stable
    return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

double sigmoid(double z) {
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

} // namespace

double LogisticModel::probability(const Eigen::Ref<const Eigen::RowVectorXf>& x) const {
    return sigmoid(x.cast<double>().dot(weights.transpose()) + bias);
}

LogisticModel fitLogistic(const RowMatrixXf& x, std::span<const std::uint8_t> y,
                          std::span<const std::uint32_t> rows, const LogisticParams& params) {
    if (rows.empty())
        throw std::invalid_argument("fitLogistic: no training rows");
    std::vector<std::uint32_t> train(rows.begin(), rows.end());
    if (train.size() > params.maxTrainRows) {
        std::mt19937_64 rng(params.seed);
        std::shuffle(train.begin(), train.end(), rng);
        train.resize(params.maxTrainRows);
    }
    const Eigen::Index n = static_cast<Eigen::Index>(train.size());
    const Eigen::Index d = x.cols();
    // Last column: 1 for the bias. Written once here, then read at every iteration.
    Eigen::MatrixXd a = onHugePages<Eigen::MatrixXd>(n, d + 1);
    Eigen::VectorXd t(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        a.row(i).head(d) = x.row(train[static_cast<std::size_t>(i)]).cast<double>();
        a(i, d) = 1.0;
        t(i) = y[train[static_cast<std::size_t>(i)]] != 0 ? 1.0 : 0.0;
    }
    auto evaluate = [&](const Eigen::VectorXd& w, Eigen::VectorXd& grad) {
        const Eigen::VectorXd z = a * w;
        double loss = 0.0;
        Eigen::VectorXd residual(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            // −[t log σ(z) + (1 − t) log(1 − σ(z))] = softplus(z) − t z
            loss += softplus(z(i)) - t(i) * z(i);
            residual(i) = sigmoid(z(i)) - t(i);
        }
        grad = a.transpose() * residual;
        const double reg = w.head(d).squaredNorm();
        grad.head(d) += params.l2 * w.head(d);
        return loss + 0.5 * params.l2 * reg;
    };

    Eigen::VectorXd w = Eigen::VectorXd::Zero(d + 1);
    Eigen::VectorXd g;
    double f = evaluate(w, g);
    std::deque<std::pair<Eigen::VectorXd, Eigen::VectorXd>> memory; // (s, y) pairs
    constexpr std::size_t kMemory = 10;
    for (std::size_t it = 0; it < params.maxIterations; ++it) {
        if (g.cwiseAbs().maxCoeff() <= params.gradientTolerance *
                                           std::max(1.0, f / static_cast<double>(n)) *
                                           static_cast<double>(n))
            break;
        // Two-loop recursion: direction = −H g.
        Eigen::VectorXd q = g;
        std::vector<double> alpha(memory.size());
        for (std::size_t k = memory.size(); k-- > 0;) {
            const auto& [s, yk] = memory[k];
            alpha[k] = s.dot(q) / yk.dot(s);
            q -= alpha[k] * yk;
        }
        if (!memory.empty()) {
            const auto& [s, yk] = memory.back();
            q *= s.dot(yk) / yk.dot(yk);
        } else {
            q /= std::max(1.0, g.norm());
        }
        for (std::size_t k = 0; k < memory.size(); ++k) {
            const auto& [s, yk] = memory[k];
            const double beta = yk.dot(q) / yk.dot(s);
            q += (alpha[k] - beta) * s;
        }
        Eigen::VectorXd direction = -q;
        double slope = g.dot(direction);
        if (slope >= 0.0) { // not a descent direction: restart from steepest descent
            memory.clear();
            direction = -g / std::max(1.0, g.norm());
            slope = g.dot(direction);
        }
        double step = 1.0;
        Eigen::VectorXd wNext;
        Eigen::VectorXd gNext;
        double fNext = f;
        bool accepted = false;
        for (int backtrack = 0; backtrack < 40; ++backtrack) {
            wNext = w + step * direction;
            fNext = evaluate(wNext, gNext);
            if (fNext <= f + 1e-4 * step * slope) {
                accepted = true;
                break;
            }
            step *= 0.5;
        }
        if (!accepted)
            break;
        Eigen::VectorXd s = wNext - w;
        Eigen::VectorXd yk = gNext - g;
        if (s.dot(yk) > 1e-12) {
            memory.emplace_back(std::move(s), std::move(yk));
            if (memory.size() > kMemory)
                memory.pop_front();
        }
        const double improvement = f - fNext;
        w = std::move(wNext);
        g = std::move(gNext);
        f = fNext;
        if (improvement <= 1e-10 * std::max(1.0, std::abs(f)))
            break;
    }
    LogisticModel model;
    model.weights = w.head(d);
    model.bias = w(d);
    return model;
}

double rocAuc(std::span<const double> scores, std::span<const std::uint8_t> labels) {
    const std::size_t n = scores.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double positives = 0.0;
    double rankSum = 0.0; // of the positives, ranks from 1, ties averaged
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && scores[order[j]] == scores[order[i]])
            ++j;
        const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k)
            if (labels[order[k]] != 0) {
                positives += 1.0;
                rankSum += rank;
            }
        i = j;
    }
    const double negatives = static_cast<double>(n) - positives;
    if (positives == 0.0 || negatives == 0.0)
        return std::numeric_limits<double>::quiet_NaN();
    return (rankSum - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

CrossValidation crossValidateLogistic(const RowMatrixXf& x, std::span<const std::uint8_t> y,
                                      std::size_t folds, const LogisticParams& params,
                                      const Progress& progress) {
    const std::size_t n = static_cast<std::size_t>(x.rows());
    std::vector<std::uint32_t> byClass[2];
    for (std::uint32_t i = 0; i < n; ++i)
        byClass[y[i] != 0 ? 1 : 0].push_back(i);
    if (folds < 2 || byClass[0].size() < folds || byClass[1].size() < folds)
        throw std::invalid_argument("crossValidateLogistic: each class needs at least one row "
                                    "per fold");
    std::mt19937_64 rng(params.seed);
    std::vector<std::uint32_t> foldOf(n);
    for (auto& members : byClass) {
        std::shuffle(members.begin(), members.end(), rng);
        for (std::size_t k = 0; k < members.size(); ++k)
            foldOf[members[k]] = static_cast<std::uint32_t>(k % folds);
    }
    CrossValidation cv;
    cv.outOfFold.assign(n, 0.0);
    for (std::size_t f = 0; f < folds; ++f) {
        progress.report(static_cast<double>(f) / static_cast<double>(folds), "detectability");
        std::vector<std::uint32_t> train;
        std::vector<std::uint32_t> test;
        for (std::uint32_t i = 0; i < n; ++i)
            (foldOf[i] == f ? test : train).push_back(i);
        LogisticParams p = params;
        p.seed = params.seed + f;
        const LogisticModel model = fitLogistic(x, y, train, p);
        std::vector<double> scores;
        std::vector<std::uint8_t> labels;
        for (auto i : test) {
            cv.outOfFold[i] = model.probability(x.row(i));
            scores.push_back(cv.outOfFold[i]);
            labels.push_back(y[i]);
        }
        cv.foldAuc.push_back(rocAuc(scores, labels));
    }
    const double k = static_cast<double>(folds);
    cv.meanAuc = std::accumulate(cv.foldAuc.begin(), cv.foldAuc.end(), 0.0) / k;
    double var = 0.0;
    for (double a : cv.foldAuc)
        var += (a - cv.meanAuc) * (a - cv.meanAuc);
    cv.stdAuc = std::sqrt(var / (k - 1.0));
    progress.report(1.0, "detectability");
    return cv;
}

} // namespace synthscope::analysis
