#include "analysis/KMeans.h"

#include "analysis/HugePages.h"
#include "analysis/Knn.h"
#include "analysis/Parallel.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numeric>
#include <random>
#include <span>
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

// Moves every centroid with members to its members' mean (an empty cluster keeps its centre);
// how far each moved (L2), and the largest move.
struct Movement {
    std::vector<double> of;
    double largest = 0.0;
};

Movement updateCentroids(const RowMatrixXf& x, std::span<const std::uint32_t> assignment,
                         RowMatrixXf& centroids) {
    const auto k = static_cast<std::size_t>(centroids.rows());
    RowMatrixXf sums = RowMatrixXf::Zero(centroids.rows(), centroids.cols());
    std::vector<std::size_t> counts(k, 0);
    for (std::size_t i = 0; i < assignment.size(); ++i) {
        sums.row(assignment[i]) += x.row(static_cast<Eigen::Index>(i));
        ++counts[assignment[i]];
    }
    Movement m;
    m.of.assign(k, 0.0);
    for (std::size_t c = 0; c < k; ++c) {
        if (counts[c] == 0)
            continue; // an empty cluster keeps its centre
        const auto row = static_cast<Eigen::Index>(c);
        const Eigen::RowVectorXf next = sums.row(row) / static_cast<float>(counts[c]);
        m.of[c] = static_cast<double>((next - centroids.row(row)).norm());
        centroids.row(row) = next;
        m.largest = std::max(m.largest, m.of[c]);
    }
    return m;
}

// A bound on the rounding error of a squared distance ‖x − c‖² = ‖x‖² − 2x·c + ‖c‖² computed in
// float over d dimensions (Higham 2002, §3.1: |error of a d-term dot product| ≤ d·u·Σ|xᵢcᵢ|,
// u = 2⁻²⁴), with room to spare: (2d + 16)·2u·(‖x‖² + ‖c‖²).
double squaredDistanceSlack(Eigen::Index d, double xNorm2, double cNorm2) {
    return (2.0 * static_cast<double>(d) + 16.0) * static_cast<double>(FLT_EPSILON) *
           (xNorm2 + cNorm2);
}

// Moves and distances are summed in float over d dimensions (relative error of a sum of squares
// below d·2⁻²⁴, Higham 2002 §3.1, so below half that on its root): a bound set from one is
// widened (upper) or narrowed (lower) by the relative margin (d + 16)·2⁻²³ so it stays a bound.
double roundingMargin(Eigen::Index d) {
    return (static_cast<double>(d) + 16.0) * static_cast<double>(FLT_EPSILON);
}

// Lower bounds on the Euclidean distances between centroids (k × k, zero diagonal), from one
// matrix product less its rounding slack.
Eigen::MatrixXd centroidDistances(const RowMatrixXf& c) {
    const Eigen::VectorXf norm = c.rowwise().squaredNorm();
    const double slack =
        norm.size() > 0 ? squaredDistanceSlack(c.cols(), norm.maxCoeff(), norm.maxCoeff()) : 0.0;
    const Eigen::MatrixXf dots = c * c.transpose();
    Eigen::MatrixXd out(c.rows(), c.rows());
    for (Eigen::Index j = 0; j < c.rows(); ++j)
        for (Eigen::Index o = 0; o < c.rows(); ++o)
            out(j, o) =
                j == o
                    ? 0.0
                    : std::sqrt(std::max(
                          0.0, static_cast<double>(norm(j) + norm(o) - 2.0f * dots(j, o)) - slack));
    return out;
}

// ‖x_i − c_j‖, summed in float (see roundingMargin()) by the widest kernel this CPU runs.
double distance(const RowMatrixXf& x, std::size_t i, const RowMatrixXf& c, std::size_t j) {
    static const DotKernel kernel = fastestDotKernel();
    return std::sqrt(static_cast<double>(squaredDistance(
        x.row(static_cast<Eigen::Index>(i)).data(), c.row(static_cast<Eigen::Index>(j)).data(),
        static_cast<std::size_t>(x.cols()), kernel)));
}

// Σ squared distance of every row to its centroid.
double inertiaOf(const RowMatrixXf& x, std::span<const std::uint32_t> assignment,
                 const RowMatrixXf& c) {
    std::vector<double> partial(workerCount(), 0.0);
    parallelFor(assignment.size(), [&](std::size_t begin, std::size_t end, std::size_t w) {
        for (std::size_t i = begin; i < end; ++i) {
            const double dist = distance(x, i, c, assignment[i]);
            partial[w] += dist * dist;
        }
    });
    return std::accumulate(partial.begin(), partial.end(), 0.0);
}

// Lloyd's algorithm from r.centroids with Elkan's bounds (Elkan 2003, "Using the triangle
// inequality to accelerate k-means", ICML): per point an upper bound u on the distance to its
// centroid a and a lower bound l(j) on the distance to every centroid j. A centroid j is only
// measured when u > l(j) and u > d(a, j)/2; the bounds move with the centroids (u + move(a),
// l(j) − move(j)); every bound carries the rounding slack of squaredDistanceSlack() or
// roundingMargin(), so a distance is only skipped where it cannot change the centroid: the
// rounds, centroids and assignments are those of plain Lloyd rounds, except where two centroids
// lie within the plain rounds' own rounding of a row's squared distance (‖x‖² − 2x·c + ‖c‖² in
// float, about 2d·2⁻²⁴·(‖x‖² + ‖c‖²)) or exactly tie: plain rounds take the lower index, these
// keep the centroid the row has. On MAUVE's 451 clusters of the Twitter/Bitext pair over 201 PCA
// dimensions it measures, after the first round, about 4 % of the distances. Costs rows·k doubles
// of memory, plus k × k doubles and floats for the centroid distances. Fills r.assignment,
// r.centroids, r.iterations and r.inertia.
void lloydWithElkanBounds(const RowMatrixXf& x, const KMeansParams& params,
                          const Progress& progress, KMeansResult& r) {
    const std::size_t n = static_cast<std::size_t>(x.rows());
    const auto k = static_cast<std::size_t>(r.centroids.rows());
    const Progress cancel = progress.cancelOnly();
    const double widen = 1.0 + roundingMargin(x.cols());
    const double narrow = 1.0 - roundingMargin(x.cols());
    std::vector<std::uint32_t> assignment(n, 0);
    std::vector<double> upper(n, 0.0);
    // Point i's bounds at [i·k, (i + 1)·k). MAUVE's is tens of MB: on huge pages, and first
    // written by the first round below (every entry, on the core that owns the point) rather
    // than cleared on this thread beforehand.
    using Bounds = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    Bounds lower = onHugePages<Bounds>(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(k));
    {
        // First round: every distance, by matrix products as assignToCentroids.
        const Eigen::VectorXf cNorm = r.centroids.rowwise().squaredNorm();
        const double cMax = static_cast<double>(cNorm.maxCoeff());
        constexpr std::size_t block = 1024;
        parallelFor(n, [&](std::size_t begin, std::size_t end, std::size_t) {
            for (std::size_t first = begin; first < end; first += block) {
                cancel.report(0.0, "k-means");
                const auto rows = static_cast<Eigen::Index>(std::min(block, end - first));
                const auto xb = x.middleRows(static_cast<Eigen::Index>(first), rows);
                const Eigen::MatrixXf dots = xb * r.centroids.transpose();
                for (Eigen::Index row = 0; row < rows; ++row) {
                    const std::size_t i = first + static_cast<std::size_t>(row);
                    const double xn = static_cast<double>(xb.row(row).squaredNorm());
                    const double slack = squaredDistanceSlack(x.cols(), xn, cMax);
                    Eigen::Index best = 0;
                    float bestValue = std::numeric_limits<float>::infinity();
                    for (Eigen::Index c = 0; c < static_cast<Eigen::Index>(k); ++c) {
                        const float v = cNorm(c) - 2.0f * dots(row, c);
                        if (v < bestValue) {
                            bestValue = v;
                            best = c;
                        }
                        lower.data()[i * k + static_cast<std::size_t>(c)] =
                            std::sqrt(std::max(0.0, static_cast<double>(v) + xn - slack));
                    }
                    assignment[i] = static_cast<std::uint32_t>(best);
                    upper[i] =
                        std::sqrt(std::max(0.0, static_cast<double>(bestValue) + xn) + slack);
                }
            }
        });
    }
    // A lower bound is stored plus its centroid's drift (the sum of its moves, widened) when it
    // was set: less the drift now, it is the bound moved with the centroid ever since, and no
    // pass over every bound follows each round.
    std::vector<double> drift(k, 0.0);
    std::vector<double> half(k);
    for (std::size_t it = 0; it < params.maxIterations; ++it) {
        progress.report(0.2 + 0.8 * static_cast<double>(it) /
                                  static_cast<double>(params.maxIterations),
                        "k-means");
        r.iterations = it + 1;
        const Movement moved = updateCentroids(x, assignment, r.centroids);
        for (std::size_t j = 0; j < k; ++j)
            drift[j] += moved.of[j] * widen;
        const Eigen::MatrixXd between = centroidDistances(r.centroids); // symmetric
        for (std::size_t j = 0; j < k; ++j) {
            half[j] = std::numeric_limits<double>::infinity();
            for (std::size_t o = 0; o < k; ++o)
                if (o != j)
                    half[j] = std::min(half[j], 0.5 * between(static_cast<Eigen::Index>(o),
                                                              static_cast<Eigen::Index>(j)));
        }
        parallelFor(n, [&](std::size_t begin, std::size_t end, std::size_t) {
            for (std::size_t i = begin; i < end; ++i) {
                if ((i - begin) % 4096 == 0)
                    cancel.report(0.0, "k-means");
                std::uint32_t a = assignment[i];
                double u = upper[i] + moved.of[a] * widen;
                upper[i] = u;
                if (u <= half[a])
                    continue;
                double* stored = lower.data() + i * k;
                const double* toA = between.col(a).data(); // d(a, j) for every j
                double exact = -1.0;                       // the distance to a, once measured
                for (std::size_t j = 0; j < k; ++j) {
                    if (j == a || u <= stored[j] - drift[j] || u <= 0.5 * toA[j])
                        continue;
                    if (exact < 0.0) {
                        exact = distance(x, i, r.centroids, a);
                        u = exact * widen;
                        stored[a] = exact * narrow + drift[a];
                        if (u <= stored[j] - drift[j] || u <= 0.5 * toA[j])
                            continue;
                    }
                    const double dj = distance(x, i, r.centroids, j);
                    stored[j] = dj * narrow + drift[j];
                    if (dj < exact) {
                        a = static_cast<std::uint32_t>(j);
                        toA = between.col(a).data();
                        exact = dj;
                        u = dj * widen;
                    }
                }
                assignment[i] = a;
                upper[i] = u;
            }
        });
        if (moved.largest <= params.tolerance)
            break;
    }
    r.assignment = std::move(assignment);
    r.inertia = inertiaOf(x, r.assignment, r.centroids);
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

    if (params.elkanBoundsMax > 0 && n * k <= params.elkanBoundsMax) {
        lloydWithElkanBounds(x, params, progress, r);
    } else {
        for (std::size_t it = 0; it < params.maxIterations; ++it) {
            progress.report(0.2 + 0.8 * static_cast<double>(it) /
                                      static_cast<double>(params.maxIterations),
                            "k-means");
            r.assignment = assignToCentroids(x, r.centroids, &r.inertia);
            r.iterations = it + 1;
            if (updateCentroids(x, r.assignment, r.centroids).largest <= params.tolerance)
                break;
        }
        r.assignment = assignToCentroids(x, r.centroids, &r.inertia);
    }
    progress.report(1.0, "k-means");
    return r;
}

} // namespace synthscope::analysis
