#include "analysis/Mauve.h"

#include "analysis/HugePages.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

namespace synthscope::analysis {

namespace {

// KL(a‖b) in nats over bins where a > 0 (b > 0 there by construction of the mixture).
double kl(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] > 0.0)
            s += a[i] * std::log(a[i] / b[i]);
    return std::max(0.0, s);
}

RowMatrixXf sampleRows(const RowMatrixXf& x, std::size_t max, std::mt19937_64& rng) {
    if (static_cast<std::size_t>(x.rows()) <= max)
        return x;
    std::vector<Eigen::Index> idx(static_cast<std::size_t>(x.rows()));
    std::iota(idx.begin(), idx.end(), 0);
    std::shuffle(idx.begin(), idx.end(), rng);
    idx.resize(max);
    std::sort(idx.begin(), idx.end());
    RowMatrixXf out(static_cast<Eigen::Index>(max), x.cols());
    for (std::size_t i = 0; i < max; ++i)
        out.row(static_cast<Eigen::Index>(i)) = x.row(idx[i]);
    return out;
}

} // namespace

MauveResult mauveFromHistograms(std::vector<double> p, std::vector<double> q, double scaling,
                                std::size_t frontierPoints) {
    if (p.size() != q.size() || p.empty())
        throw std::invalid_argument("mauve: histograms must have the same, non-zero size");
    const double sp = std::accumulate(p.begin(), p.end(), 0.0);
    const double sq = std::accumulate(q.begin(), q.end(), 0.0);
    if (sp <= 0.0 || sq <= 0.0)
        throw std::invalid_argument("mauve: a histogram is empty");
    for (auto& v : p)
        v /= sp;
    for (auto& v : q)
        v /= sq;
    MauveResult r;
    r.frontier.emplace_back(0.0, 1.0); // λ → 0 end point: KL(P‖Q) can be infinite
    std::vector<double> mix(p.size());
    const std::size_t points = std::max<std::size_t>(frontierPoints, 2);
    for (std::size_t k = 0; k < points; ++k) {
        const double lambda =
            1e-6 + (1.0 - 2e-6) * static_cast<double>(k) / static_cast<double>(points - 1);
        for (std::size_t i = 0; i < p.size(); ++i)
            mix[i] = lambda * p[i] + (1.0 - lambda) * q[i];
        r.frontier.emplace_back(std::exp(-scaling * kl(q, mix)), std::exp(-scaling * kl(p, mix)));
    }
    r.frontier.emplace_back(1.0, 0.0);
    std::vector<std::pair<double, double>> sorted = r.frontier;
    std::sort(sorted.begin(), sorted.end());
    double area = 0.0;
    for (std::size_t i = 1; i < sorted.size(); ++i)
        area += (sorted[i].first - sorted[i - 1].first) *
                (sorted[i].second + sorted[i - 1].second) / 2.0;
    r.mauve = std::clamp(area, 0.0, 1.0);
    r.histogramP = std::move(p);
    r.histogramQ = std::move(q);
    return r;
}

MauveResult mauve(const RowMatrixXf& p, const RowMatrixXf& q, const MauveParams& params,
                  const Progress& progress) {
    if (p.rows() == 0 || q.rows() == 0)
        throw std::invalid_argument("mauve: both sides need samples");
    std::mt19937_64 rng(params.seed);
    const RowMatrixXf ps = sampleRows(p, params.maxPerSide, rng);
    const RowMatrixXf qs = sampleRows(q, params.maxPerSide, rng);
    RowMatrixXf joint = onHugePages<RowMatrixXf>(ps.rows() + qs.rows(), p.cols());
    joint << ps, qs;
    progress.report(0.0, "MAUVE");
    const PcaBasis basis = pca(joint, params.pcaVariance);
    RowMatrixXf centred = onHugePages<RowMatrixXf>(joint.rows(), joint.cols());
    centred = joint.rowwise() - basis.mean;
    RowMatrixXf reduced = onHugePages<RowMatrixXf>(joint.rows(), basis.basis.cols());
    reduced.noalias() = centred * basis.basis;
    centred.resize(0, 0);
    const std::size_t np = static_cast<std::size_t>(ps.rows());
    const std::size_t nq = static_cast<std::size_t>(qs.rows());
    const std::size_t k =
        params.clusters > 0
            ? params.clusters
            : std::max<std::size_t>(2, static_cast<std::size_t>(std::llround(
                                           static_cast<double>(std::min(np, nq)) / 10.0)));
    KMeansParams kp = params.kmeans;
    kp.seed = params.seed;
    const KMeansResult km = kmeans(reduced, k, kp, progress.sub(0.1, 0.95));
    const std::size_t clusters = static_cast<std::size_t>(km.centroids.rows());
    std::vector<double> hp(clusters, 0.0);
    std::vector<double> hq(clusters, 0.0);
    for (std::size_t i = 0; i < np + nq; ++i)
        (i < np ? hp : hq)[km.assignment[i]] += 1.0;
    MauveResult r =
        mauveFromHistograms(std::move(hp), std::move(hq), params.scaling, params.frontierPoints);
    r.clusters = clusters;
    r.components = static_cast<std::size_t>(basis.basis.cols());
    progress.report(1.0, "MAUVE");
    return r;
}

} // namespace synthscope::analysis
