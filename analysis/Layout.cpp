#include "analysis/Layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace synthscope::analysis {

namespace {

struct Edge {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    float weight = 0.0f;
};

// σᵢ by bisection so Σⱼ exp(−max(0, dᵢⱼ − ρᵢ)/σᵢ) = log₂ k (UMAP's smooth_knn_dist).
float smoothSigma(const std::vector<Neighbour>& nb, float rho, double target) {
    double lo = 0.0;
    double hi = INFINITY;
    double mid = 1.0;
    for (int it = 0; it < 64; ++it) {
        double sum = 0.0;
        for (const auto& n : nb) {
            const double d = std::max(0.0, (1.0 - n.cosine) - rho);
            sum += std::exp(-d / mid);
        }
        if (std::abs(sum - target) < 1e-5)
            break;
        if (sum > target) {
            hi = mid;
            mid = (lo + hi) / 2.0;
        } else {
            lo = mid;
            mid = std::isinf(hi) ? mid * 2.0 : (lo + hi) / 2.0;
        }
    }
    return static_cast<float>(std::max(mid, 1e-3));
}

} // namespace

RowMatrixXf neighbourLayout(const RowMatrixXf& x, const RowMatrixXf& initial,
                            const LayoutParams& params, const Progress& progress) {
    const std::size_t n = static_cast<std::size_t>(x.rows());
    RowMatrixXf y = initial;
    if (n < 3)
        return y;
    // Initial positions in a box 10 wide (UMAP's spectral initialisation is scaled likewise).
    for (int c = 0; c < 2; ++c) {
        const float lo = y.col(c).minCoeff();
        const float hi = y.col(c).maxCoeff();
        y.col(c) = (y.col(c).array() - lo) * (10.0f / std::max(hi - lo, 1e-6f));
    }
    // kNN graph.
    std::vector<std::uint32_t> all(n);
    std::iota(all.begin(), all.end(), 0u);
    progress.report(0.0, "kNN graph");
    NeighbourIndex index(x, all, params.hnsw);
    const std::size_t k = std::min(params.neighbours, n - 1);
    std::vector<std::vector<Neighbour>> knn = index.searchWithin(k, progress.sub(0.0, 0.3));
    // Fuzzy memberships, symmetrised: w = a + b − ab for the two directions.
    const double target = std::log2(static_cast<double>(k));
    std::vector<Edge> directed;
    directed.reserve(n * k);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (knn[i].empty())
            continue;
        const float rho = 1.0f - knn[i][0].cosine;
        const float sigma = smoothSigma(knn[i], rho, target);
        for (const auto& nb : knn[i]) {
            const float d = std::max(0.0f, (1.0f - nb.cosine) - rho);
            directed.push_back({i, nb.index, std::exp(-d / sigma)});
        }
    }
    knn = {};
    std::sort(directed.begin(), directed.end(), [](const Edge& a, const Edge& b) {
        return std::min(a.from, a.to) != std::min(b.from, b.to)
                   ? std::min(a.from, a.to) < std::min(b.from, b.to)
                   : std::max(a.from, a.to) < std::max(b.from, b.to);
    });
    std::vector<Edge> edges;
    for (std::size_t e = 0; e < directed.size();) {
        const std::uint32_t lo = std::min(directed[e].from, directed[e].to);
        const std::uint32_t hi = std::max(directed[e].from, directed[e].to);
        float w = directed[e].weight;
        std::size_t f = e + 1;
        if (f < directed.size() && std::min(directed[f].from, directed[f].to) == lo &&
            std::max(directed[f].from, directed[f].to) == hi) {
            w = w + directed[f].weight - w * directed[f].weight;
            ++f;
        }
        edges.push_back({lo, hi, w});
        e = f;
    }
    directed = {};
    const float maxWeight =
        std::max_element(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
            return a.weight < b.weight;
        })->weight;

    // Stochastic gradient descent (UMAP's optimize_layout, one process).
    const std::size_t epochs = params.epochs > 0 ? params.epochs
                               : n <= 10000      ? 500
                               : n <= 100000     ? 200
                                                 : 60;
    std::vector<float> epochsPerSample(edges.size());
    std::vector<float> nextSample(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        epochsPerSample[e] = maxWeight / std::max(edges[e].weight, 1e-6f);
        nextSample[e] = epochsPerSample[e];
    }
    std::mt19937_64 rng(params.seed);
    std::uniform_int_distribution<std::uint32_t> randomPoint(0, static_cast<std::uint32_t>(n - 1));
    const float a = static_cast<float>(params.a);
    const float b = static_cast<float>(params.b);
    auto clip = [](float v) { return std::clamp(v, -4.0f, 4.0f); };
    for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
        if (epoch % 5 == 0)
            progress.report(0.3 + 0.7 * static_cast<double>(epoch) / static_cast<double>(epochs),
                            "neighbour layout");
        const float alpha = 1.0f - static_cast<float>(epoch) / static_cast<float>(epochs);
        for (std::size_t e = 0; e < edges.size(); ++e) {
            if (nextSample[e] > static_cast<float>(epoch + 1))
                continue;
            nextSample[e] += epochsPerSample[e];
            const auto i = static_cast<Eigen::Index>(edges[e].from);
            const auto j = static_cast<Eigen::Index>(edges[e].to);
            for (int side = 0; side < 2; ++side) { // symmetric edge: move both ends
                const Eigen::Index p = side == 0 ? i : j;
                const Eigen::Index q = side == 0 ? j : i;
                const float dx = y(p, 0) - y(q, 0);
                const float dy = y(p, 1) - y(q, 1);
                const float d2 = dx * dx + dy * dy;
                if (d2 > 0.0f) {
                    const float coeff =
                        (-2.0f * a * b * std::pow(d2, b - 1.0f)) / (1.0f + a * std::pow(d2, b));
                    y(p, 0) += alpha * clip(coeff * dx);
                    y(p, 1) += alpha * clip(coeff * dy);
                }
                for (std::size_t s = 0; s < params.negativeSamples; ++s) {
                    const auto r = static_cast<Eigen::Index>(randomPoint(rng));
                    if (r == p)
                        continue;
                    const float rx = y(p, 0) - y(r, 0);
                    const float ry = y(p, 1) - y(r, 1);
                    const float r2 = rx * rx + ry * ry;
                    const float coeff = (2.0f * b) / ((0.001f + r2) * (1.0f + a * std::pow(r2, b)));
                    y(p, 0) += alpha * (coeff > 0.0f ? clip(coeff * rx) : 4.0f);
                    y(p, 1) += alpha * (coeff > 0.0f ? clip(coeff * ry) : 4.0f);
                }
            }
        }
    }
    progress.report(1.0, "neighbour layout");
    return y;
}

} // namespace synthscope::analysis
