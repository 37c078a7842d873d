#include "analysis/Embedding.h"

#include "analysis/HugePages.h"
#include "analysis/MinHash.h"
#include "analysis/Parallel.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/QR>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numeric>
#include <random>
#include <unordered_map>

namespace synthscope::analysis {

RowMatrixXf SparseRows::times(const RowMatrixXf& m) const {
    RowMatrixXf out = zerosOnHugePages<RowMatrixXf>(static_cast<Eigen::Index>(rows), m.cols());
    parallelFor(rows, [&](std::size_t begin, std::size_t end, std::size_t) {
        for (std::size_t r = begin; r < end; ++r)
            for (std::size_t k = offsets[r]; k < offsets[r + 1]; ++k)
                out.row(static_cast<Eigen::Index>(r)) += values[k] * m.row(columns[k]);
    });
    return out;
}

RowMatrixXf SparseRows::transposeTimes(const RowMatrixXf& m) const {
    // Each worker owns every workers-th block of 64 output rows (columns of A): it scans every
    // row of A and adds only the terms of its blocks, so no worker needs a partial product of
    // the whole output to clear and sum afterwards. Striped, the shares cost alike whether
    // the columns are ordered by frequency (a few hot rows in cache, many cold ones) or not.
    constexpr unsigned kBlockShift = 6;
    const std::size_t blocks = (cols + (1u << kBlockShift) - 1) >> kBlockShift;
    const std::size_t workers =
        std::max<std::size_t>(1, std::min({workerCount(), blocks, columns.size() / 16384}));
    std::vector<std::uint8_t> ownerOf(blocks); // workers ≤ 16
    for (std::size_t b = 0; b < blocks; ++b)
        ownerOf[b] = static_cast<std::uint8_t>(b % workers);
    RowMatrixXf out = onHugePages<RowMatrixXf>(static_cast<Eigen::Index>(cols), m.cols());
    parallelFor(
        workers,
        [&](std::size_t begin, std::size_t end, std::size_t) {
            for (std::size_t w = begin; w < end; ++w) {
                for (std::size_t c = 0; c < cols; ++c) // first touched by the worker writing it
                    if (ownerOf[c >> kBlockShift] == w)
                        out.row(static_cast<Eigen::Index>(c)).setZero();
                for (std::size_t r = 0; r < rows; ++r)
                    for (std::size_t k = offsets[r]; k < offsets[r + 1]; ++k)
                        if (const std::uint32_t c = columns[k]; ownerOf[c >> kBlockShift] == w)
                            out.row(c) += values[k] * m.row(static_cast<Eigen::Index>(r));
            }
        },
        1, workers);
    return out;
}

SparseRows SparseRows::fromDense(const Eigen::MatrixXf& dense) {
    SparseRows s;
    s.rows = static_cast<std::size_t>(dense.rows());
    s.cols = static_cast<std::size_t>(dense.cols());
    for (Eigen::Index r = 0; r < dense.rows(); ++r) {
        for (Eigen::Index c = 0; c < dense.cols(); ++c)
            if (dense(r, c) != 0.0f) {
                s.columns.push_back(static_cast<std::uint32_t>(c));
                s.values.push_back(dense(r, c));
            }
        s.offsets.push_back(s.columns.size());
    }
    return s;
}

namespace {

constexpr std::uint64_t kUnigramTag = 1ull << 63;

// Features of one document: unigram ids tagged in the top bit, bigrams as (a << 32 | b) with
// ids < 2^31. Sorted, with counts.
void documentFeatures(std::span<const std::uint32_t> doc, bool bigrams,
                      std::vector<std::pair<std::uint64_t, std::uint32_t>>& out,
                      std::vector<std::uint64_t>& scratch) {
    scratch.clear();
    for (std::size_t i = 0; i < doc.size(); ++i) {
        scratch.push_back(kUnigramTag | doc[i]);
        if (bigrams && i + 1 < doc.size())
            scratch.push_back((static_cast<std::uint64_t>(doc[i]) << 32) | doc[i + 1]);
    }
    std::sort(scratch.begin(), scratch.end());
    out.clear();
    for (std::size_t i = 0; i < scratch.size();) {
        std::size_t j = i;
        while (j < scratch.size() && scratch[j] == scratch[i])
            ++j;
        out.emplace_back(scratch[i], static_cast<std::uint32_t>(j - i));
        i = j;
    }
}

} // namespace

Eigen::MatrixXd gramMatrix(const RowMatrixXf& x) {
    const auto d = x.cols();
    std::vector<Eigen::MatrixXf> partial(workerCount());
    parallelFor(static_cast<std::size_t>(x.rows()),
                [&](std::size_t b, std::size_t e, std::size_t w) {
                    partial[w] = Eigen::MatrixXf::Zero(d, d);
                    partial[w].selfadjointView<Eigen::Lower>().rankUpdate(
                        x.middleRows(static_cast<Eigen::Index>(b), static_cast<Eigen::Index>(e - b))
                            .transpose());
                });
    Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(d, d);
    for (const auto& p : partial)
        if (p.size() > 0)
            sum += p.cast<double>();
    return sum.selfadjointView<Eigen::Lower>();
}

namespace {

// Orthonormal basis of the columns of y (same shape) by Cholesky QR (Fukaya et al. 2014):
// R = chol(YᵀY), Q = YR⁻¹, repeated `passes` times (CholeskyQR2 for an ill-conditioned Y);
// a Gram product and a triangular solve instead of a Householder sweep over a tall matrix.
// Falls back to Householder QR when the Gram matrix is not numerically positive definite.
RowMatrixXf orthonormalize(const RowMatrixXf& y, int passes) {
    RowMatrixXf q = onHugePages<RowMatrixXf>(y.rows(), y.cols());
    q = y;
    for (int pass = 0; pass < passes; ++pass) {
        const Eigen::MatrixXd gram = gramMatrix(q);
        Eigen::LLT<Eigen::MatrixXd> llt(gram);
        if (llt.info() != Eigen::Success ||
            llt.matrixLLT().diagonal().minCoeff() < 1e-6 * llt.matrixLLT().diagonal().maxCoeff()) {
            Eigen::HouseholderQR<Eigen::MatrixXf> qr(y);
            return qr.householderQ() * Eigen::MatrixXf::Identity(y.rows(), y.cols());
        }
        const Eigen::MatrixXf r = Eigen::MatrixXd(llt.matrixU()).cast<float>();
        parallelFor(
            static_cast<std::size_t>(q.rows()), [&](std::size_t b, std::size_t e, std::size_t) {
                auto block =
                    q.middleRows(static_cast<Eigen::Index>(b), static_cast<Eigen::Index>(e - b));
                r.triangularView<Eigen::Upper>().solveInPlace<Eigen::OnTheRight>(block);
            });
    }
    return q;
}

} // namespace

namespace {

SparseRows tfidfFitted(std::span<const TokenizedCorpus* const> corpora,
                       const TfIdfFeatureParams& params, const Progress& progress,
                       TfIdfSvdModel* fitted);

} // namespace

SparseRows tfidfMatrix(std::span<const TokenizedCorpus* const> corpora,
                       const TfIdfFeatureParams& params, const Progress& progress) {
    return tfidfFitted(corpora, params, progress, nullptr);
}

namespace {

// tfidfMatrix(), keeping the feature columns and their idf in *fitted when it is given.
SparseRows tfidfFitted(std::span<const TokenizedCorpus* const> corpora,
                       const TfIdfFeatureParams& params, const Progress& progress,
                       TfIdfSvdModel* fitted) {
    std::size_t documents = 0;
    for (const auto* c : corpora)
        documents += c->size();
    auto forEachDoc = [&](auto&& fn) {
        std::size_t index = 0;
        for (const auto* c : corpora)
            for (std::size_t d = 0; d < c->size(); ++d)
                fn(index++, c->doc(d));
    };

    // Pass 1: document frequency of every feature, first-seen order.
    std::unordered_map<std::uint64_t, std::uint32_t> slot;
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> df;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> features;
    std::vector<std::uint64_t> scratch;
    forEachDoc([&](std::size_t index, std::span<const std::uint32_t> doc) {
        if (index % 4096 == 0)
            progress.report(0.5 * static_cast<double>(index) / static_cast<double>(documents),
                            "TF-IDF");
        documentFeatures(doc, params.bigrams, features, scratch);
        for (const auto& [key, count] : features) {
            auto [it, inserted] = slot.try_emplace(key, static_cast<std::uint32_t>(keys.size()));
            if (inserted) {
                keys.push_back(key);
                df.push_back(0);
            }
            ++df[it->second];
        }
    });
    std::vector<std::uint32_t> kept;
    for (std::uint32_t f = 0; f < keys.size(); ++f)
        if (df[f] >= params.minDocumentFrequency)
            kept.push_back(f);
    if (kept.size() > params.maxFeatures) {
        std::stable_sort(kept.begin(), kept.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return df[a] > df[b]; });
        kept.resize(params.maxFeatures);
        std::sort(kept.begin(), kept.end());
    }
    std::unordered_map<std::uint64_t, std::uint32_t> column;
    column.reserve(kept.size());
    std::vector<float> idf(kept.size());
    const double n = static_cast<double>(documents);
    for (std::uint32_t c = 0; c < kept.size(); ++c) {
        column.emplace(keys[kept[c]], c);
        idf[c] = static_cast<float>(std::log((1.0 + n) / (1.0 + df[kept[c]])) + 1.0);
    }
    slot = {};
    keys = {};
    df = {};
    if (fitted != nullptr) {
        fitted->bigrams = params.bigrams;
        fitted->column = column;
        fitted->idf = idf;
    }

    // Pass 2: weighted, normalised rows.
    SparseRows a;
    a.rows = documents;
    a.cols = kept.size();
    a.offsets.reserve(documents + 1);
    forEachDoc([&](std::size_t index, std::span<const std::uint32_t> doc) {
        if (index % 4096 == 0)
            progress.report(0.5 + 0.5 * static_cast<double>(index) / n, "TF-IDF");
        documentFeatures(doc, params.bigrams, features, scratch);
        const std::size_t start = a.columns.size();
        double norm = 0.0;
        for (const auto& [key, count] : features) {
            const auto it = column.find(key);
            if (it == column.end())
                continue;
            const float w = (1.0f + std::log(static_cast<float>(count))) * idf[it->second];
            a.columns.push_back(it->second);
            a.values.push_back(w);
            norm += static_cast<double>(w) * w;
        }
        // Sort the row's columns (first-seen order of features is not the key order).
        std::vector<std::size_t> order(a.columns.size() - start);
        std::iota(order.begin(), order.end(), start);
        std::sort(order.begin(), order.end(),
                  [&](std::size_t x, std::size_t y) { return a.columns[x] < a.columns[y]; });
        std::vector<std::uint32_t> cols;
        std::vector<float> vals;
        const float scale = norm > 0.0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
        for (std::size_t k : order) {
            cols.push_back(a.columns[k]);
            vals.push_back(a.values[k] * scale);
        }
        std::copy(cols.begin(), cols.end(), a.columns.begin() + static_cast<std::ptrdiff_t>(start));
        std::copy(vals.begin(), vals.end(), a.values.begin() + static_cast<std::ptrdiff_t>(start));
        a.offsets.push_back(a.columns.size());
    });
    progress.report(1.0, "TF-IDF");
    return a;
}

} // namespace

RowMatrixXf rademacherSketch(const SparseRows& a, std::size_t l, std::uint64_t seed) {
    // The signs as bits, 64 a draw, and a zero word after the last for signsFrom to read past.
    std::mt19937_64 rng(seed);
    std::vector<std::uint64_t> signs((a.cols * l + 63) / 64 + 1);
    std::generate(signs.begin(), signs.end() - 1, std::ref(rng));
    // Eight signs at a time are read as one byte and looked up in a table of ±1 octets (eight
    // independent adds a step); each stored entry v of row r adds ±v to row r, in storage order.
    static const auto octets = [] {
        std::array<std::array<float, 8>, 256> t{};
        for (std::size_t byte = 0; byte < 256; ++byte)
            for (std::size_t j = 0; j < 8; ++j)
                t[byte][j] = (byte >> j) & 1u ? 1.0f : -1.0f;
        return t;
    }();
    const auto signsFrom = [&](std::size_t bit) { // the 8 bits from bit on, lowest first
        const std::size_t word = bit / 64;
        const std::size_t shift = bit % 64;
        std::uint64_t x = signs[word] >> shift;
        if (shift > 56)
            x |= signs[word + 1] << (64 - shift);
        return static_cast<std::size_t>(x & 0xffu);
    };
    RowMatrixXf y = zerosOnHugePages<RowMatrixXf>(static_cast<Eigen::Index>(a.rows),
                                                  static_cast<Eigen::Index>(l));
    parallelFor(a.rows, [&](std::size_t begin, std::size_t end, std::size_t) {
        for (std::size_t r = begin; r < end; ++r) {
            float* out = y.row(static_cast<Eigen::Index>(r)).data();
            for (std::size_t k = a.offsets[r]; k < a.offsets[r + 1]; ++k) {
                const float v = a.values[k];
                const std::size_t first = static_cast<std::size_t>(a.columns[k]) * l;
                std::size_t j = 0;
                for (; j + 8 <= l; j += 8) {
                    const std::array<float, 8>& sign = octets[signsFrom(first + j)];
                    for (std::size_t i = 0; i < 8; ++i)
                        out[j + i] += v * sign[i];
                }
                for (; j < l; ++j) {
                    const std::size_t bit = first + j;
                    out[j] += (signs[bit / 64] >> (bit % 64)) & 1u ? v : -v;
                }
            }
        }
    });
    return y;
}

TruncatedSvd randomizedSvd(const SparseRows& a, std::size_t k, const SvdParams& params,
                           const Progress& progress) {
    TruncatedSvd out;
    k = std::min({k, a.rows, a.cols});
    if (k == 0) {
        out.u = RowMatrixXf::Zero(static_cast<Eigen::Index>(a.rows), 0);
        return out;
    }
    const std::size_t l = std::min({k + params.oversampling, a.rows, a.cols});
    const double steps = 2.0 + 2.0 * static_cast<double>(params.powerIterations);
    double step = 0;
    progress.report(0.0, "SVD");
    // A Rademacher sketch, which Halko et al. §4.6 and §11 note behaves like a Gaussian one:
    // well-conditioned, one orthonormalisation pass.
    RowMatrixXf q = orthonormalize(rademacherSketch(a, l, params.seed), 1);
    progress.report(++step / steps, "SVD");
    for (std::size_t it = 0; it < params.powerIterations; ++it) {
        // Halko et al. re-orthonormalise AᵀQ too; the next orthonormalize() of A(AᵀQ) keeps
        // the basis well-conditioned for the few iterations used here, at half the cost.
        const RowMatrixXf z = a.transposeTimes(q);
        progress.report(++step / steps, "SVD");
        q = orthonormalize(a.times(z), 2);
        progress.report(++step / steps, "SVD");
    }
    // B = QᵀA; BBᵀ = QᵀA·AᵀQ, from the cheaper side: (AᵀQ)ᵀ(AᵀQ) costs cols·l², Qᵀ(A(AᵀQ))
    // costs rows·l² plus one more sparse product.
    const RowMatrixXf bt = a.transposeTimes(q);
    const Eigen::MatrixXd bbt = a.cols <= a.rows
                                    ? gramMatrix(bt)
                                    : Eigen::MatrixXd((q.transpose() * a.times(bt)).cast<double>());
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(bbt);
    const Eigen::Index li = static_cast<Eigen::Index>(l);
    const Eigen::Index ki = static_cast<Eigen::Index>(k);
    Eigen::MatrixXf ub(li, ki);
    out.singularValues.resize(ki);
    for (Eigen::Index j = 0; j < ki; ++j) { // eigenvalues ascend; take the largest first
        out.singularValues(j) =
            static_cast<float>(std::sqrt(std::max(0.0, eig.eigenvalues()(li - 1 - j))));
        ub.col(j) = eig.eigenvectors().col(li - 1 - j).cast<float>();
    }
    out.u = q * ub;
    progress.report(1.0, "SVD");
    return out;
}

void normalizeRows(RowMatrixXf& x) {
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        const float norm = x.row(r).norm();
        if (norm > 0.0f)
            x.row(r) /= norm;
    }
}

RowMatrixXf embedTfIdfSvd(std::span<const TokenizedCorpus* const> corpora,
                          const EmbeddingParams& params, const Progress& progress,
                          TfIdfSvdModel* model) {
    const SparseRows a = tfidfFitted(corpora, params.features, progress.sub(0.0, 0.3), model);
    TruncatedSvd svd = randomizedSvd(a, params.dimension, params.svd, progress.sub(0.3, 1.0));
    if (svd.singularValues.size() == 0) { // no feature survived: one all-zero dimension
        if (model != nullptr)
            model->v = RowMatrixXf::Zero(static_cast<Eigen::Index>(a.cols), 1);
        return RowMatrixXf::Zero(static_cast<Eigen::Index>(a.rows), 1);
    }
    if (model != nullptr) {
        // V = Aᵀ U Σ⁻¹: the right singular vectors. Singular values below 1e-4 of the largest
        // are roundoff (a corpus of lower rank than the dimension): their columns stay zero.
        model->v = a.transposeTimes(svd.u);
        const float floor = 1e-4f * svd.singularValues(0);
        for (Eigen::Index j = 0; j < model->v.cols(); ++j) {
            const float sigma = svd.singularValues(j);
            model->v.col(j) *= sigma > floor ? 1.0f / sigma : 0.0f;
        }
        // The rows through the same map as a new text (A V rather than U Σ, which differ by the
        // part of A the randomised range misses), so a text and its own row agree.
        RowMatrixXf x = a.times(model->v);
        normalizeRows(x);
        return x;
    }
    RowMatrixXf x = svd.u * svd.singularValues.asDiagonal();
    normalizeRows(x);
    return x;
}

Eigen::RowVectorXf TfIdfSvdModel::embed(std::span<const std::uint32_t> doc) const {
    Eigen::RowVectorXf out = Eigen::RowVectorXf::Zero(v.cols());
    std::vector<std::pair<std::uint64_t, std::uint32_t>> features;
    std::vector<std::uint64_t> scratch;
    documentFeatures(doc, bigrams, features, scratch);
    double norm = 0.0;
    std::vector<std::pair<std::uint32_t, float>> weights;
    for (const auto& [key, count] : features) {
        const auto it = column.find(key);
        if (it == column.end())
            continue;
        const float w = (1.0f + std::log(static_cast<float>(count))) * idf[it->second];
        weights.emplace_back(it->second, w);
        norm += static_cast<double>(w) * w;
    }
    if (norm <= 0.0)
        return out;
    const auto scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (const auto& [c, w] : weights)
        out += (w * scale) * v.row(static_cast<Eigen::Index>(c));
    if (const float n = out.norm(); n > 0.0f)
        out /= n;
    return out;
}

double vendiScore(const RowMatrixXf& x) {
    const Eigen::Index n = x.rows();
    if (n == 0)
        return 0.0;
    const Eigen::MatrixXd k =
        x.cols() < n ? gramMatrix(x) : Eigen::MatrixXd((x * x.transpose()).cast<double>());
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(k / static_cast<double>(n),
                                                       Eigen::EigenvaluesOnly);
    const double total = eig.eigenvalues().cwiseMax(0.0).sum();
    double entropy = 0.0;
    for (Eigen::Index i = 0; i < eig.eigenvalues().size(); ++i) {
        const double lambda = std::max(0.0, eig.eigenvalues()(i)) / (total > 0 ? total : 1.0);
        if (lambda > 0.0)
            entropy -= lambda * std::log(lambda);
    }
    return std::exp(entropy);
}

PcaBasis pca(const RowMatrixXf& x, double varianceShare, std::size_t minComponents,
             std::size_t maxComponents) {
    PcaBasis out;
    const Eigen::Index d = x.cols();
    out.mean = x.rows() > 0 ? Eigen::RowVectorXf(x.colwise().mean()) : Eigen::RowVectorXf::Zero(d);
    RowMatrixXf centred = onHugePages<RowMatrixXf>(x.rows(), d);
    centred = x.rowwise() - out.mean;
    const Eigen::MatrixXd cov =
        gramMatrix(centred) / static_cast<double>(std::max<Eigen::Index>(x.rows() - 1, 1));
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
    const double total = std::max(eig.eigenvalues().cwiseMax(0.0).sum(), 1e-300);
    double cumulative = 0.0;
    std::vector<Eigen::Index> columns;
    for (Eigen::Index j = d - 1; j >= 0; --j) {
        const auto kept = static_cast<std::size_t>(columns.size());
        if (kept >= std::min<std::size_t>(maxComponents, static_cast<std::size_t>(d)))
            break;
        if (kept >= minComponents && cumulative >= varianceShare)
            break;
        const double share = std::max(0.0, eig.eigenvalues()(j)) / total;
        columns.push_back(j);
        out.explainedShare.push_back(share);
        cumulative += share;
    }
    out.basis.resize(d, static_cast<Eigen::Index>(columns.size()));
    for (std::size_t c = 0; c < columns.size(); ++c)
        out.basis.col(static_cast<Eigen::Index>(c)) =
            eig.eigenvectors().col(columns[c]).cast<float>();
    return out;
}

std::vector<std::uint32_t> cosineGroups(const SparseRows& rows, double threshold) {
    std::vector<std::vector<std::pair<std::uint32_t, float>>> postings(rows.cols);
    for (std::size_t r = 0; r < rows.rows; ++r)
        for (std::size_t k = rows.offsets[r]; k < rows.offsets[r + 1]; ++k)
            postings[rows.columns[k]].emplace_back(static_cast<std::uint32_t>(r), rows.values[k]);
    UnionFind sets(rows.rows);
    std::vector<double> dot(rows.rows, 0.0);
    std::vector<std::uint32_t> touched;
    for (std::size_t r = 0; r < rows.rows; ++r) {
        touched.clear();
        for (std::size_t k = rows.offsets[r]; k < rows.offsets[r + 1]; ++k)
            for (const auto& [other, value] : postings[rows.columns[k]]) {
                if (other <= r)
                    continue; // each pair once, from its lower row
                if (dot[other] == 0.0)
                    touched.push_back(other);
                dot[other] += static_cast<double>(rows.values[k]) * value;
            }
        for (std::uint32_t other : touched) {
            if (dot[other] >= threshold)
                sets.unite(static_cast<std::uint32_t>(r), other);
            dot[other] = 0.0;
        }
    }
    std::vector<std::uint32_t> out(rows.rows);
    std::unordered_map<std::uint32_t, std::uint32_t> numbering;
    for (std::size_t r = 0; r < rows.rows; ++r) {
        const std::uint32_t root = sets.find(static_cast<std::uint32_t>(r));
        out[r] =
            numbering.try_emplace(root, static_cast<std::uint32_t>(numbering.size())).first->second;
    }
    return out;
}

} // namespace synthscope::analysis
