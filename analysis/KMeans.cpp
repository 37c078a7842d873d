#include "analysis/KMeans.h"

#include "analysis/Parallel.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

namespace synthscope::analysis {

namespace {

// k-means++: the first centre uniformly, each next one with probability ∝ D(x)².
RowMatrixXf seedPlusPlus(const RowMatrixXf& x, std::span<const std::uint32_t> sample, std::size_t k,
                         std::mt19937_64& rng, const Progress& progress) {
    const Eigen::Index d = x.cols();
    RowMatrixXf centres(static_cast<Eigen::Index>(k), d);
    std::uniform_int_distribution<std::size_t> pick(0, sample.size() - 1);
    centres.row(0) = x.row(sample[pick(rng)]);
    std::vector<double> dist(sample.size(), std::numeric_limits<double>::max());
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (std::size_t c = 1; c < k; ++c) {
        if (c % 16 == 0)
            progress.report(static_cast<double>(c) / static_cast<double>(k), "k-means++");
        const auto last = centres.row(static_cast<Eigen::Index>(c - 1));
        parallelFor(sample.size(), [&](std::size_t b, std::size_t e, std::size_t) {
            for (std::size_t i = b; i < e; ++i)
                dist[i] =
                    std::min(dist[i], static_cast<double>((x.row(sample[i]) - last).squaredNorm()));
        });
        const double total = std::accumulate(dist.begin(), dist.end(), 0.0);
        std::size_t chosen = pick(rng);
        if (total > 0.0) {
            double target = unit(rng) * total;
            for (std::size_t i = 0; i < dist.size(); ++i) {
                target -= dist[i];
                if (target <= 0.0) {
                    chosen = i;
                    break;
                }
            }
        }
        centres.row(static_cast<Eigen::Index>(c)) = x.row(sample[chosen]);
    }
    return centres;
}

} // namespace

std::size_t defaultClusterCount(std::size_t n) {
    if (n < 4)
        return 1;
    const auto k = static_cast<std::size_t>(std::llround(std::sqrt(static_cast<double>(n) / 2.0)));
    return std::clamp<std::size_t>(k, 2, 100);
}

std::vector<std::uint32_t> assignToCentroids(const RowMatrixXf& x, const RowMatrixXf& centroids,
                                             double* inertia, const Progress& progress) {
    const std::size_t n = static_cast<std::size_t>(x.rows());
    std::vector<std::uint32_t> out(n, 0);
    const Eigen::VectorXf cNorm = centroids.rowwise().squaredNorm();
    std::vector<double> partial(workerCount(), 0.0);
    const Progress cancel = progress.cancelOnly();
    constexpr std::size_t block = 1024;
    parallelFor(n, [&](std::size_t begin, std::size_t end, std::size_t w) {
        for (std::size_t b = begin; b < end; b += block) {
            (w == 0 ? progress : cancel)
                .report(static_cast<double>(b) / static_cast<double>(std::max<std::size_t>(n, 1)),
                        "assigning");
            const auto rows = static_cast<Eigen::Index>(std::min(block, end - b));
            const auto xb = x.middleRows(static_cast<Eigen::Index>(b), rows);
            // ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖²
            const Eigen::MatrixXf dots = xb * centroids.transpose();
            for (Eigen::Index r = 0; r < rows; ++r) {
                Eigen::Index best = 0;
                const float value = (cNorm.transpose() - 2.0f * dots.row(r)).minCoeff(&best);
                out[b + static_cast<std::size_t>(r)] = static_cast<std::uint32_t>(best);
                partial[w] += std::max(0.0, static_cast<double>(value + xb.row(r).squaredNorm()));
            }
        }
    });
    if (inertia != nullptr)
        *inertia = std::accumulate(partial.begin(), partial.end(), 0.0);
    return out;
}

KMeansResult kmeans(const RowMatrixXf& x, std::size_t k, const KMeansParams& params,
                    const Progress& progress) {
    KMeansResult r;
    const std::size_t n = static_cast<std::size_t>(x.rows());
    if (n == 0) {
        r.centroids = RowMatrixXf::Zero(0, x.cols());
        return r;
    }
    if (k == 0)
        throw std::invalid_argument("kmeans: k must be at least 1");
    k = std::min(k, n);
    std::mt19937_64 rng(params.seed);
    std::vector<std::uint32_t> all(n);
    std::iota(all.begin(), all.end(), 0u);
    std::vector<std::uint32_t> sample = all;
    if (sample.size() > params.seedingSample) {
        std::shuffle(sample.begin(), sample.end(), rng);
        sample.resize(params.seedingSample);
    }
    r.centroids = seedPlusPlus(x, sample, k, rng, progress.sub(0.0, 0.2));
    const Eigen::Index d = x.cols();

    if (n > params.miniBatchAbove) {
        std::vector<double> counts(k, 0.0);
        std::uniform_int_distribution<std::size_t> pick(0, n - 1);
        const std::size_t steps = 10 * params.maxIterations;
        RowMatrixXf batch(static_cast<Eigen::Index>(params.batchSize), d);
        for (std::size_t step = 0; step < steps; ++step) {
            progress.report(0.2 + 0.6 * static_cast<double>(step) / static_cast<double>(steps),
                            "mini-batch k-means");
            for (Eigen::Index b = 0; b < batch.rows(); ++b)
                batch.row(b) = x.row(static_cast<Eigen::Index>(pick(rng)));
            const auto assigned = assignToCentroids(batch, r.centroids);
            for (Eigen::Index b = 0; b < batch.rows(); ++b) {
                const auto c = static_cast<Eigen::Index>(assigned[static_cast<std::size_t>(b)]);
                const double eta = 1.0 / ++counts[static_cast<std::size_t>(c)];
                r.centroids.row(c) += static_cast<float>(eta) * (batch.row(b) - r.centroids.row(c));
            }
            r.iterations = step + 1;
        }
        r.assignment = assignToCentroids(x, r.centroids, &r.inertia, progress.sub(0.8, 1.0));
        return r;
    }

    for (std::size_t it = 0; it < params.maxIterations; ++it) {
        progress.report(0.2 + 0.8 * static_cast<double>(it) /
                                  static_cast<double>(params.maxIterations),
                        "k-means");
        r.assignment = assignToCentroids(x, r.centroids, &r.inertia);
        r.iterations = it + 1;
        RowMatrixXf sums = RowMatrixXf::Zero(static_cast<Eigen::Index>(k), d);
        std::vector<std::size_t> counts(k, 0);
        for (std::size_t i = 0; i < n; ++i) {
            sums.row(r.assignment[i]) += x.row(static_cast<Eigen::Index>(i));
            ++counts[r.assignment[i]];
        }
        double moved = 0.0;
        for (std::size_t c = 0; c < k; ++c) {
            if (counts[c] == 0)
                continue; // an empty cluster keeps its centre
            const Eigen::RowVectorXf next =
                sums.row(static_cast<Eigen::Index>(c)) / static_cast<float>(counts[c]);
            moved = std::max(
                moved,
                static_cast<double>((next - r.centroids.row(static_cast<Eigen::Index>(c))).norm()));
            r.centroids.row(static_cast<Eigen::Index>(c)) = next;
        }
        if (moved <= params.tolerance)
            break;
    }
    r.assignment = assignToCentroids(x, r.centroids, &r.inertia);
    progress.report(1.0, "k-means");
    return r;
}

} // namespace synthscope::analysis
