#include "analysis/Judge.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace synthscope::analysis {

namespace {

double judgeSigmoid(double t) {
    return t >= 0 ? 1.0 / (1.0 + std::exp(-t)) : std::exp(t) / (1.0 + std::exp(t));
}

// −log-likelihood of soft labels y under logit θ + φx, plus the ridge term.
double judgeLoss(std::span<const double> x, std::span<const double> y, const Eigen::Vector2d& w,
                 double l2) {
    double loss = 0.5 * l2 * w.squaredNorm();
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double t = w[0] + w[1] * x[i];
        // log(1 + e^t) − y t, computed without overflow.
        const double softplus = t > 0 ? t + std::log1p(std::exp(-t)) : std::log1p(std::exp(t));
        loss += softplus - y[i] * t;
    }
    return loss;
}

struct LengthFit {
    Eigen::Vector2d w = Eigen::Vector2d::Zero();
    Eigen::Matrix2d covariance = Eigen::Matrix2d::Constant(kNaN);
};

// Gradient and Hessian of judgeLoss at w.
void lossDerivatives(std::span<const double> x, std::span<const double> y, const Eigen::Vector2d& w,
                     double l2, Eigen::Vector2d* g, Eigen::Matrix2d* h) {
    *g = l2 * w;
    *h = l2 * Eigen::Matrix2d::Identity();
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double p = judgeSigmoid(w[0] + w[1] * x[i]);
        const double r = p - y[i];
        const double v = p * (1.0 - p);
        (*g)[0] += r;
        (*g)[1] += r * x[i];
        (*h)(0, 0) += v;
        (*h)(0, 1) += v * x[i];
        (*h)(1, 1) += v * x[i] * x[i];
    }
    (*h)(1, 0) = (*h)(0, 1);
}

// Ridge-regularised logistic regression of y on [1, x] by Newton–Raphson with step halving.
// useSlope false fits the intercept alone (φ fixed at 0).
LengthFit fitLengthModel(std::span<const double> x, std::span<const double> y, bool useSlope,
                         const JudgeParams& params) {
    LengthFit fit;
    double loss = judgeLoss(x, y, fit.w, params.l2);
    Eigen::Vector2d g;
    Eigen::Matrix2d h;
    for (std::size_t it = 0; it < params.maxIterations; ++it) {
        lossDerivatives(x, y, fit.w, params.l2, &g, &h);
        if (!useSlope) {
            g[1] = 0.0;
            h(0, 1) = h(1, 0) = 0.0;
        }
        const Eigen::Vector2d step = h.ldlt().solve(g);
        double scale = 1.0;
        Eigen::Vector2d next = fit.w - step;
        double nextLoss = judgeLoss(x, y, next, params.l2);
        while (nextLoss > loss && scale > 1e-6) {
            scale *= 0.5;
            next = fit.w - scale * step;
            nextLoss = judgeLoss(x, y, next, params.l2);
        }
        const bool converged = (scale * step).cwiseAbs().maxCoeff() < 1e-10;
        if (nextLoss <= loss) {
            fit.w = next;
            loss = nextLoss;
        }
        if (converged || scale <= 1e-6)
            break;
    }
    // The covariance at the optimum: the inverse of the Hessian there.
    lossDerivatives(x, y, fit.w, params.l2, &g, &h);
    if (useSlope) {
        fit.covariance = h.inverse();
    } else {
        fit.covariance(0, 0) = 1.0 / h(0, 0);
    }
    return fit;
}

} // namespace

JudgeResult analyzeJudge(std::span<const JudgedPair> pairs, const JudgeParams& params) {
    JudgeResult r;
    r.pairs = pairs.size();
    std::vector<double> delta;
    std::vector<double> y;
    double sumFirst = 0.0;
    double sumSecond = 0.0;
    std::size_t longerWon = 0;
    for (const JudgedPair& p : pairs) {
        if (!std::isfinite(p.lengthFirst) || !std::isfinite(p.lengthSecond) || p.lengthFirst < 0 ||
            p.lengthSecond < 0)
            throw std::invalid_argument("analyzeJudge: a length is negative or not finite");
        if (std::isnan(p.preferSecond))
            continue;
        if (!(p.preferSecond >= 0.0 && p.preferSecond <= 1.0))
            throw std::invalid_argument("analyzeJudge: a verdict is outside [0, 1]");
        ++r.judged;
        sumFirst += p.lengthFirst;
        sumSecond += p.lengthSecond;
        delta.push_back(p.lengthSecond - p.lengthFirst);
        if (p.lengthSecond < p.lengthFirst)
            ++r.secondShorterPairs;
        y.push_back(p.preferSecond);
        const bool decisive = p.preferSecond == 0.0 || p.preferSecond == 1.0;
        if (!decisive) {
            ++r.ties;
        } else if (p.lengthFirst != p.lengthSecond) {
            ++r.longerWinsPairs;
            const bool secondLonger = p.lengthSecond > p.lengthFirst;
            if (secondLonger == (p.preferSecond == 1.0))
                ++longerWon;
        }
    }
    if (r.judged == 0)
        return r;
    const double n = static_cast<double>(r.judged);
    r.meanLengthFirst = sumFirst / n;
    r.meanLengthSecond = sumSecond / n;
    double sumY = 0.0;
    for (double v : y)
        sumY += v;
    r.winRate = sumY / n;
    if (r.longerWinsPairs > 0)
        r.longerWins = static_cast<double>(longerWon) / static_cast<double>(r.longerWinsPairs);
    if (r.judged < 2)
        return r;
    double ss = 0.0;
    for (double v : y)
        ss += (v - r.winRate) * (v - r.winRate);
    r.winRateStdError = std::sqrt(ss / (n - 1.0) / n);

    const MeanSd spread = finiteMeanSd(delta);
    r.lengthDifferenceSd = spread.sd;
    const bool useSlope = spread.sd > 0.0;
    std::vector<double> x(delta.size(), 0.0);
    if (useSlope)
        for (std::size_t i = 0; i < delta.size(); ++i)
            x[i] = std::tanh(delta[i] / spread.sd);
    const LengthFit fit = fitLengthModel(x, y, useSlope, params);
    r.quality = fit.w[0];
    r.qualityStdError = std::sqrt(fit.covariance(0, 0));
    r.lengthControlledWinRate = judgeSigmoid(r.quality);
    r.lengthControlledStdError =
        r.lengthControlledWinRate * (1.0 - r.lengthControlledWinRate) * r.qualityStdError;
    if (useSlope) {
        r.lengthSlope = fit.w[1];
        r.lengthSlopeStdError = std::sqrt(fit.covariance(1, 1));
        r.lengthPreference =
            judgeSigmoid(r.lengthSlope * std::tanh(params.preferenceLength / spread.sd));
    }

    // Observed against fitted, by standardised length difference.
    const std::size_t bins = std::max<std::size_t>(params.curveBins, 1);
    const double width = 2.0 * params.curveRange / static_cast<double>(bins);
    r.curve.resize(bins);
    std::vector<double> sums(bins, 0.0);
    std::vector<double> fittedSums(bins, 0.0);
    for (std::size_t b = 0; b < bins; ++b) {
        JudgeCurveBin& bin = r.curve[b];
        bin.z = -params.curveRange + (static_cast<double>(b) + 0.5) * width;
        const double slope = useSlope ? r.lengthSlope : 0.0;
        bin.fitted = judgeSigmoid(r.quality + slope * std::tanh(bin.z));
        bin.lengthFree = r.lengthControlledWinRate;
    }
    if (useSlope)
        for (std::size_t i = 0; i < delta.size(); ++i) {
            const double z = delta[i] / spread.sd;
            const auto b = static_cast<std::size_t>(std::clamp(
                std::floor((z + params.curveRange) / width), 0.0, static_cast<double>(bins - 1)));
            ++r.curve[b].pairs;
            sums[b] += y[i];
            fittedSums[b] += judgeSigmoid(r.quality + r.lengthSlope * x[i]);
        }
    for (std::size_t b = 0; b < bins; ++b)
        if (r.curve[b].pairs > 0) {
            const auto inBin = static_cast<double>(r.curve[b].pairs);
            r.curve[b].observed = sums[b] / inBin;
            r.curve[b].fitted = fittedSums[b] / inBin;
        }
    return r;
}

} // namespace synthscope::analysis
